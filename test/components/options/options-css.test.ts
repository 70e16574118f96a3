import { describe, expect, test } from 'vitest';
import { colourTokens, outlineRemovers, readCss } from '../../helpers/css';

const css = readCss('components/options/options.css');
const base = colourTokens(readCss('components/pages/pages.css'), 'page');

describe('options.css', () => {
  test('uses only colour tokens of the shared base (their contrast is tested in pages-css.test.ts)', () => {
    const used = [...css.matchAll(/var\(--page-([a-z-]+)\)/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((t) => !base.has(t))).toEqual([]);
    expect(css).not.toMatch(/#[0-9a-f]{3,6}\b/i);
  });

  test('focus is always visible: no rule removes outlines except the programmatic focus target <main>', () => {
    expect(outlineRemovers(css)).toEqual(['.opt-main:focus']);
  });
});
