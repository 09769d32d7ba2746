/**
 * Search keywords: for a section of the book, the words a reader would type when that
 * section is the best answer, but which its heading and text may not hold (the question in
 * other words, the symptom, the operator's word for the book's). The search index adds them
 * to the section as a field of their own (plugins/output/search/index.ts), the way a page's
 * `keywords` front matter feeds a docs site's search, but per section.
 *
 * The first lists (issue #23) were written by two readers, one per half of the book, who read the
 * chapters and had seen neither query set of tests/fixtures/search-eval, the test list nor the
 * ranking code: keywords for the section that is the best answer, never for a passing mention.
 * A second round (the fifth of issue #23) added, by two more such readers, each section's question in plain
 * words, as someone who has not read the book would type it ("how much do we pay monthly"), the
 * last keyword of most lists. A section about the retired Swarm cluster names Swarm in its plain
 * question, so a symptom on today's cluster does not land on history.
 * Edit them the same way: add a keyword to the section you would send a reader to, over every
 * other section of the book.
 *
 * Keyed by the section's URL path and heading id exactly as the index holds it
 * (`/storage#the-bucket-and-the-endpoint`, `/cost` for a page's opening). A key that names no
 * section of the build fails the build and the tests, so a renamed heading cannot leave its
 * keywords behind silently.
 */
export type SectionKeywords = Readonly<Record<string, readonly string[]>>;
