/**
 * The date as Intl.DateTimeFormat('en', {day: 'numeric', month: 'short',
 * year: 'numeric', timeZone: 'UTC'}) writes it ("Nov 27, 2026"), without Intl:
 * a browser's first Intl.DateTimeFormat loads its locale data, 30–40 ms of
 * main thread on this project's VM before any throttling, on every page load
 * (./index.tsx). tests/perf/theme.test.ts compares the two over many dates.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatEnglishUtcDate(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}`;
}
