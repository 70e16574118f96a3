/**
 * Reading stylesheets in tests: colour tokens, WCAG contrast, and the rules
 * that remove focus outlines.
 */
import { readFileSync } from 'node:fs';

export function readCss(fromRoot: string): string {
  return readFileSync(new URL(`../../${fromRoot}`, import.meta.url), 'utf8');
}

/** `--{prefix}-{name}: #rrggbb;` declarations, by name. */
export function colourTokens(css: string, prefix: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of css.matchAll(new RegExp(`--${prefix}-([a-z-]+):\\s*(#[0-9a-f]{6})\\s*;`, 'gi'))) map.set(m[1]!, m[2]!.toLowerCase());
  return map;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Every `-fg` token with its `-bg` partner: [name, ratio]; a missing partner gives NaN. */
export function pairContrasts(tokens: Map<string, string>): Array<[string, number]> {
  return [...tokens.keys()]
    .filter((k) => k.endsWith('-fg'))
    .map((k) => k.slice(0, -3))
    .map((name) => {
      const bg = tokens.get(`${name}-bg`);
      return [name, bg ? contrast(tokens.get(`${name}-fg`)!, bg) : Number.NaN];
    });
}

/** Selectors of the rules that set `outline: none` or `outline: 0`. */
export function outlineRemovers(css: string): string[] {
  return [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter((m) => /outline:\s*(none|0)/.test(m[2]!)).map((m) => m[1]!.trim());
}
