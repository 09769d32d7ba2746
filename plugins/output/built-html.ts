/**
 * How the post-build steps (the search index, the print edition) read the
 * pages Docusaurus built: with htmlparser2, about three times faster than
 * cheerio's default parse5, which was most of those steps' share of a build.
 *
 * htmlparser2 does not follow the HTML spec's tree construction (no implied
 * <tbody>, no adoption agency), and the minified pages leave out optional end
 * tags. For the markup Docusaurus writes it builds the tree the spec does:
 * tests/reader/print.test.ts checks that over every built page, so a page where the two
 * part fails the tests, not the print edition.
 */
import {load, type CheerioAPI} from 'cheerio';

export const loadBuiltPage = (html: string): CheerioAPI => load(html, {xml: {xmlMode: false, decodeEntities: true}});
