import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const css = readFileSync(new URL('../../../components/sidebar/sidebar.css', import.meta.url), 'utf8');

function tokens(): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of css.matchAll(/--sop-([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)) map.set(m[1]!, m[2]!.toLowerCase());
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

describe('sidebar.css', () => {
  test('every --sop-*-fg / --sop-*-bg colour pair meets WCAG AA for text (4.5:1)', () => {
    const map = tokens();
    const pairs = [...map.keys()].filter((k) => k.endsWith('-fg')).map((k) => k.slice(0, -3));
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const name of pairs) {
      const fg = map.get(`${name}-fg`)!;
      const bg = map.get(`${name}-bg`);
      expect(bg, `--sop-${name}-bg`).toBeDefined();
      expect(contrast(fg, bg!), `--sop-${name}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('status colours are also readable on white (badges sit on cards) and the focus ring is visible (3:1)', () => {
    const map = tokens();
    for (const name of ['met', 'missing', 'violation', 'warning', 'unknown', 'muted', 'link']) {
      expect(contrast(map.get(`${name}-fg`)!, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(map.get('focus')!, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  test('styles stay inside the shadow root: no selectors for the page (html, body, *) at top level', () => {
    const selectors = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(^|})\s*([^{}@]+)\{/g)].map((m) => m[2]!.trim());
    for (const sel of selectors.flatMap((s) => s.split(',').map((x) => x.trim()))) {
      if (/^(from|to|\d+%)$/.test(sel)) continue;
      expect(sel, sel).toMatch(/^(:host|\.sop-)/);
    }
  });

  test('focus is visible on every control', () => {
    expect(css).toMatch(/\.sop-root :focus-visible\s*\{[^}]*outline: 2px solid/);
  });
});
