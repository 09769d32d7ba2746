/**
 * The code themes, with every token color raised to WCAG AA contrast (4.5:1)
 * against the theme's background. prism-react-renderer's github and vsDark
 * themes use a few colors (comments, numbers, some keywords) that fall short;
 * rather than hand-pick replacements, each color is mixed toward black (light
 * theme) or white (dark theme) just until it passes, so the palette keeps its
 * character.
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

/** The color, mixed toward `toward` in small steps until it reaches `min` contrast on `bg`. */
export function raise(color: string, bg: RGB, min = 4.6): string {
  const c = parse(color);
  if (!c) return color;
  const toward: RGB = luminance(bg) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  let mixed = c;
  for (let t = 0; t <= 1 && contrast(mixed, bg) < min; t += 0.02)
    mixed = c.map((v, i) => v + (toward[i] - v) * t) as RGB;
  return contrast(c, bg) >= min ? color : hex(mixed);
}

function accessible(theme: PrismTheme, background: string): PrismTheme {
  const bg = parse(background)!;
  return {
    plain: {...theme.plain, color: theme.plain.color && raise(theme.plain.color, bg), backgroundColor: background},
    styles: theme.styles.map((s) => ({
      ...s,
      style: {...s.style, ...(s.style.color ? {color: raise(s.style.color, bg)} : {})},
    })),
  };
}

export const lightCodeTheme = accessible(themes.github, themes.github.plain.backgroundColor ?? '#f6f8fa');
export const darkCodeTheme = accessible(themes.vsDark, themes.vsDark.plain.backgroundColor ?? '#1e1e1e');
