import { describe, expect, test } from 'vitest';
import { colourTokens, contrast, readCss } from '../../helpers/css';

const css = readCss('components/sidebar/sidebar.css');
const tokens = () => colourTokens(css, 'sop');

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
