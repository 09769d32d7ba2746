/**
 * The code themes, with every token color raised to WCAG AA contrast (4.5:1)
 * against the theme's background and, in light mode, against the admonition
 * backgrounds too: a line wider than a phone scrolls inside its block, and axe reads
 * the part past the block's edge against the box around it (a variable token,
 * #277c7a, in a `danger` box on /firewall: 4.31:1 on its #ffebec). prism-react-renderer's
 * github and vsDark themes use a few colors (comments, numbers, some keywords) that
 * fall short; rather than hand-pick replacements, each color is mixed toward black
 * (light theme) or white (dark theme) just until it passes on every background, so
 * the palette keeps its character.
 */
import {themes, type PrismTheme} from 'prism-react-renderer';

type RGB = [number, number, number];

function parse(color: string): RGB | undefined {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as RGB;
  }
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(color.trim());
  return rgb ? ([Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] as RGB) : undefined;
}

function luminance([r, g, b]: RGB): number {
  const f = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

export function contrast(a: RGB, b: RGB): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const hex = (c: RGB) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/**
 * The color, mixed toward black (light backgrounds) or white (dark ones) in small steps
 * until it reaches `min` contrast on every one of `bgs` (all of one color mode).
 */
export function raise(color: string, bgs: RGB | RGB[], min = 4.6): string {
  const c = parse(color);
  if (!c) return color;
  const all = (Array.isArray(bgs[0]) ? bgs : [bgs]) as RGB[];
  const enough = (x: RGB) => all.every((bg) => contrast(x, bg) >= min);
  const toward: RGB = luminance(all[0]) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  let mixed = c;
  for (let t = 0; t <= 1 && !enough(mixed); t += 0.02) mixed = c.map((v, i) => v + (toward[i] - v) * t) as RGB;
  return enough(c) ? color : hex(mixed);
}

/**
 * The light mode's admonition backgrounds: Infima's `--ifm-color-*-contrast-background`
 * (primary, secondary, success, info, warning, danger), which Docusaurus's note, tip, info,
 * warning and danger boxes use.
 */
export const LIGHT_ADMONITION_BACKGROUNDS = ['#ebf2fc', '#fdfdfe', '#e6f6e6', '#eef9fd', '#fff8e6', '#ffebec'];

function accessible(theme: PrismTheme, background: string, also: string[]): PrismTheme {
  const bgs = [background, ...also].map((c) => parse(c)!);
  return {
    plain: {...theme.plain, color: theme.plain.color && raise(theme.plain.color, bgs), backgroundColor: background},
    styles: theme.styles.map((s) => ({
      ...s,
      style: {...s.style, ...(s.style.color ? {color: raise(s.style.color, bgs)} : {})},
    })),
  };
}

export const lightCodeTheme = accessible(
  themes.github,
  themes.github.plain.backgroundColor ?? '#f6f8fa',
  LIGHT_ADMONITION_BACKGROUNDS,
);
export const darkCodeTheme = accessible(themes.vsDark, themes.vsDark.plain.backgroundColor ?? '#1e1e1e', []);

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
type TokenStyle = PrismTheme['styles'][number]['style'];

/**
 * One code theme for both color modes: every token style is a CSS variable
 * (`color: var(--prism-keyword-color)`), and `css` sets the variables to the
 * light theme's values, and to the dark theme's under `[data-theme='dark']`.
 * The server renders the same markup whatever the reader's mode, so the
 * highlighted code it sends is already right and the client need not redraw
 * it (plugins/perf/theme/CodeBlock). A property one theme leaves unset is `initial`
 * there, so the declaration falls away, as the original theme's missing style did.
 */
export function colorModeTheme(light: PrismTheme, dark: PrismTheme): {theme: PrismTheme; css: string} {
  // Each theme's styles per "languages|type", merged in order as prism-react-renderer does.
  const resolve = (t: PrismTheme) => {
    const out = new Map<string, TokenStyle>();
    for (const s of t.styles)
      for (const type of s.types) {
        const key = `${(s.languages ?? []).join(',')}|${type}`;
        out.set(key, {...out.get(key), ...s.style});
      }
    return out;
  };
  const [l, d] = [resolve(light), resolve(dark)];
  // Language-specific styles after the general ones: they override, as in the originals.
  const keys = [...new Set([...l.keys(), ...d.keys()])].sort(
    (a, b) => Number(!a.startsWith('|')) - Number(!b.startsWith('|')),
  );
  const lightVars: string[] = [];
  const darkVars: string[] = [];
  const variable = (name: string, prop: string, lv: unknown, dv: unknown) => {
    const v = `--prism-${name}-${kebab(prop)}`;
    // `initial` (the guaranteed-invalid value) where a theme leaves the property unset:
    // the declaration then acts as absent, and dark mode does not inherit light's value.
    lightVars.push(`${v}: ${lv === undefined ? 'initial' : String(lv)};`);
    darkVars.push(`${v}: ${dv === undefined ? 'initial' : String(dv)};`);
    return `var(${v})`;
  };
  const styles: PrismTheme['styles'] = keys.map((key) => {
    const [langs, type] = key.split('|');
    const [ls, ds] = [l.get(key) ?? {}, d.get(key) ?? {}] as Record<string, unknown>[];
    const name = `${langs ? `${langs.replace(/,/g, '-')}-` : ''}${type}`;
    const style: Record<string, string> = {};
    for (const prop of new Set([...Object.keys(ls), ...Object.keys(ds)]))
      style[prop] = variable(name, prop, ls[prop], ds[prop]);
    return {types: [type], ...(langs ? {languages: langs.split(',')} : {}), style: style as TokenStyle};
  });
  const plain: Record<string, string> = {};
  for (const prop of ['color', 'backgroundColor'] as const)
    plain[prop] = variable('plain', prop, light.plain[prop], dark.plain[prop]);
  return {
    theme: {plain: plain as PrismTheme['plain'], styles},
    css: `:root {\n  ${lightVars.join('\n  ')}\n}\n[data-theme='dark'] {\n  ${darkVars.join('\n  ')}\n}\n`,
  };
}

/** The book's code theme: github (light) and VS Dark (dark), contrast raised, as CSS variables. */
export const codeTheme = colorModeTheme(lightCodeTheme, darkCodeTheme);
