import type {SectionKeywords} from './types';

/** At most this many keywords per section, each at most this many words: hints, not a second text. */
export const MAX_KEYWORDS = 10;
export const MAX_WORDS = 6;

/**
 * The problems of a keyword table against the sections the index holds: a key that names no
 * section (a renamed heading), a glossary entry (the glossary has its own "also called"), an
 * empty or over-long list, an entry too long or repeated. Each problem names the key.
 */
export function keywordProblems(keywords: SectionKeywords, sections: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [key, list] of Object.entries(keywords)) {
    if (!sections.has(key)) problems.push(`${key}: no section of the build has this URL and heading id`);
    if (key.startsWith('/glossary')) problems.push(`${key}: glossary entries take no keywords`);
    if (list.length === 0) problems.push(`${key}: empty list (leave the key out instead)`);
    if (list.length > MAX_KEYWORDS) problems.push(`${key}: ${list.length} keywords, at most ${MAX_KEYWORDS}`);
    const seen = new Set<string>();
    for (const k of list) {
      const norm = k.trim().toLowerCase();
      if (!norm) problems.push(`${key}: an empty keyword`);
      else if (norm.split(/\s+/).length > MAX_WORDS) problems.push(`${key}: "${k}" has more than ${MAX_WORDS} words`);
      if (seen.has(norm)) problems.push(`${key}: "${k}" twice`);
      seen.add(norm);
    }
  }
  return problems;
}
