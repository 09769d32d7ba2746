/** Pieces of the theme overrides (src/theme) and the CSS pipeline that can be checked without a browser. */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {formatEnglishUtcDate} from '../../plugins/perf/theme/LastUpdated/formatDate';
import postCssPlugin from '../../plugins/perf/postcss';
import {LIGHT_ADMONITION_BACKGROUNDS, contrast, darkCodeTheme, lightCodeTheme} from '../../src/prismThemes';

const ROOT = path.resolve(__dirname, '../..');

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

describe('the CSS pipeline (plugins/perf/postcss.ts)', () => {
  it('drops postcss-preset-env and tells postcss-loader not to look for a config file', () => {
    const plugin = postCssPlugin();
    const options = plugin.configurePostCss!({plugins: [['postcss-preset-env', {}], 'keep-me']});
    assert.deepEqual(options.plugins, ['keep-me']);
    assert.equal(options.config, false);
  });

  it('so the site has no PostCSS config file, which would be ignored', () => {
    // The names postcss-loader's search (cosmiconfig, moduleName "postcss") looks for.
    const names = fs.readdirSync(ROOT).filter((f) => /^(\.postcssrc(\.\w+)?|postcss\.config\.\w+)$/.test(f));
    assert.deepEqual(names, []);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(pkg.postcss, undefined, 'package.json has a "postcss" key');
  });
});

describe('code token colors (src/prismThemes.ts)', () => {
  const rgb = (c: string): [number, number, number] => {
    const h = /^#([0-9a-f]{6})$/i.exec(c)?.[1];
    if (h) return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
    const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(c)!;
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const colors = (t: typeof lightCodeTheme) => [
    t.plain.color!,
    ...t.styles.flatMap((s) => (s.style.color ? [s.style.color] : [])),
  ];

  it('every light token reaches 4.5:1 on the code background and on every admonition background', () => {
    const below = colors(lightCodeTheme).flatMap((c) =>
      [lightCodeTheme.plain.backgroundColor!, ...LIGHT_ADMONITION_BACKGROUNDS]
        .map((bg) => [bg, contrast(rgb(c), rgb(bg))] as const)
        .filter(([, r]) => r < 4.5)
        .map(([bg, r]) => `${c} on ${bg}: ${r.toFixed(2)}`),
    );
    assert.deepEqual(below, []);
  });

  it("the variable token of /firewall's danger box (4.31:1 before) passes on the danger box's background", () => {
    const variable = lightCodeTheme.styles.find((s) => s.types.includes('variable'))!.style.color!;
    assert.ok(contrast(rgb('#277c7a'), rgb('#ffebec')) < 4.5, 'the old color, the control');
    assert.ok(contrast(rgb(variable), rgb('#ffebec')) >= 4.5, `${variable} on #ffebec`);
  });

  it('every dark token reaches 4.5:1 on the code background', () => {
    const bg = rgb(darkCodeTheme.plain.backgroundColor!);
    assert.deepEqual(
      colors(darkCodeTheme).filter((c) => contrast(rgb(c), bg) < 4.5),
      [],
    );
  });
});
