import type {SectionKeywords} from './types';
import {KEYWORDS as PARTS_I_TO_IV} from './partsI-IV';
import {KEYWORDS as PARTS_V_TO_VI} from './partsV-VI';

export type {SectionKeywords} from './types';

/** Every section's search keywords (two files, so two writers never edit the same one). */
export const SEARCH_KEYWORDS: SectionKeywords = {...PARTS_I_TO_IV, ...PARTS_V_TO_VI};
