import type {SectionKeywords} from './types';

/** Search keywords for the sections of Parts I–IV (the front page and ch00–ch13). See ./types.ts. */
export const KEYWORDS: SectionKeywords = {};
