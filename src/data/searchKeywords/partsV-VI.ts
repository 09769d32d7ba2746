import type {SectionKeywords} from './types';

/** Search keywords for the sections of Parts V–VI and the appendices (ch12, ch14–ch20, Appendices A, B, D). See ./types.ts. */
export const KEYWORDS: SectionKeywords = {};
