/** Pieces of the theme overrides (src/theme) that can be checked without a browser. */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {formatEnglishUtcDate} from '../src/theme/LastUpdated/formatDate';

describe('LastUpdated without Intl', () => {
  it('writes every date as Intl.DateTimeFormat en/UTC does (the upstream component)', () => {
    const intl = new Intl.DateTimeFormat('en', {
      calendar: 'gregory',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    // Every day of 1999-2031, each at a time of day that is another date in some zones (UTC is what counts).
    const day = 24 * 3600 * 1000;
    const mismatches: string[] = [];
    for (let t = Date.UTC(1999, 0, 1, 23, 30); t < Date.UTC(2032, 0, 1); t += day) {
      const date = new Date(t);
      if (formatEnglishUtcDate(date) !== intl.format(date))
        mismatches.push(`${date.toISOString()}: ${formatEnglishUtcDate(date)} vs ${intl.format(date)}`);
    }
    assert.deepEqual(mismatches.slice(0, 5), []);
  });
});
