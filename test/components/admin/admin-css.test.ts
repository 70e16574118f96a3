import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const css = readFileSync(new URL('../../../components/admin/admin.css', import.meta.url), 'utf8');

function tokens(): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of css.matchAll(/--adm-([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)) map.set(m[1]!, m[2]!.toLowerCase());
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

describe('admin.css', () => {
  const map = tokens();

  test('every --adm-*-fg / --adm-*-bg colour pair meets WCAG AA for text (4.5:1)', () => {
    const pairs = [...map.keys()].filter((k) => k.endsWith('-fg')).map((k) => k.slice(0, -3));
    expect(pairs.length).toBeGreaterThanOrEqual(12);
    for (const name of pairs) {
      const bg = map.get(`${name}-bg`);
      expect(bg, `--adm-${name}-bg`).toBeDefined();
      expect(contrast(map.get(`${name}-fg`)!, bg!), `--adm-${name}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('the cross combinations the page uses are readable too (chart labels, table heads, filters, hints)', () => {
    const used: Array<[string, string]> = [
      ['subtle-fg', 'text-bg'], // chart labels, rule ids
      ['text-fg', 'text-bg'], // chart values
      ['muted-fg', 'text-bg'],
      ['muted-fg', 'page-bg'],
      ['subtle-fg', 'subtle-bg'], // table heads, filter labels
      ['text-fg', 'info-bg'], // checked choices
      ['muted-fg', 'info-bg'],
      ['error-fg', 'text-bg'], // cancel button
      ['link-fg', 'text-bg'],
    ];
    for (const [fg, bg] of used) expect(contrast(map.get(fg)!, map.get(bg)!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    // Bars are graphics: 3:1 against the card.
    expect(contrast(map.get('bar-bg')!, map.get('text-bg')!)).toBeGreaterThanOrEqual(3);
    expect(contrast(map.get('focus')!, map.get('text-bg')!)).toBeGreaterThanOrEqual(3);
  });

  test('focus is always visible: no rule removes outlines except the programmatic focus target <main>', () => {
    const bodies = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter((m) => /outline:\s*(none|0)/.test(m[2]!)).map((m) => m[1]!.trim());
    expect(bodies).toEqual(['.adm-main:focus']);
  });
});
