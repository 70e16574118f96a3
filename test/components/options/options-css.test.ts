import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const css = readFileSync(new URL('../../../components/options/options.css', import.meta.url), 'utf8');

function tokens(): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of css.matchAll(/--opt-([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)) map.set(m[1]!, m[2]!.toLowerCase());
  return map;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('options.css', () => {
  const map = tokens();

  test('every --opt-*-fg / --opt-*-bg colour pair meets WCAG AA for text (4.5:1)', () => {
    const pairs = [...map.keys()].filter((k) => k.endsWith('-fg')).map((k) => k.slice(0, -3));
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    for (const name of pairs) {
      const bg = map.get(`${name}-bg`);
      expect(bg, `--opt-${name}-bg`).toBeDefined();
      expect(contrast(map.get(`${name}-fg`)!, bg!), `--opt-${name}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('the cross combinations the page uses are readable too', () => {
    const used: Array<[string, string]> = [
      ['subtle-fg', 'page-bg'], // section links
      ['muted-fg', 'page-bg'],
      ['text-fg', 'error-bg'], // alert fix text
      ['text-fg', 'warning-bg'],
      ['subtle-fg', 'info-bg'], // checked choice detail
      ['muted-fg', 'subtle-bg'], // disabled input
      ['text-fg', 'subtle-bg'],
      ['subtle-fg', 'text-bg'],
      ['error-fg', 'text-bg'], // outline danger button, field errors
      ['ok-fg', 'text-bg'], // notices
      ['link-fg', 'code-bg'],
      ['code-fg', 'error-bg'],
    ];
    for (const [fg, bg] of used) expect(contrast(map.get(fg)!, map.get(bg)!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(map.get('focus')!, map.get('text-bg')!)).toBeGreaterThanOrEqual(3);
    expect(contrast(map.get('focus')!, map.get('page-bg')!)).toBeGreaterThanOrEqual(3);
  });

  test('focus is always visible: no rule removes outlines except the programmatic focus target <main>', () => {
    const bodies = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter((m) => /outline:\s*(none|0)/.test(m[2]!)).map((m) => m[1]!.trim());
    expect(bodies).toEqual(['.opt-main:focus']);
  });
});
