import { describe, expect, test } from 'vitest';
import { colourTokens, contrast, pairContrasts, readCss } from '../../helpers/css';

const css = readCss('components/pages/pages.css');
const map = colourTokens(css, 'page');
const ratio = (fg: string, bg: string) => contrast(map.get(fg)!, map.get(bg)!);

describe('pages.css (options and compliance scan pages)', () => {
  test('every --page-*-fg / --page-*-bg colour pair meets WCAG AA for text (4.5:1)', () => {
    const pairs = pairContrasts(map);
    expect(pairs.length).toBeGreaterThanOrEqual(14);
    for (const [name, r] of pairs) expect(r, `--page-${name}`).toBeGreaterThanOrEqual(4.5);
  });

  test('the cross combinations the pages use are readable too', () => {
    const used: Array<[string, string]> = [
      // options page
      ['subtle-fg', 'page-bg'], // section links
      ['muted-fg', 'page-bg'],
      ['text-fg', 'error-bg'], // alert fix text
      ['text-fg', 'warning-bg'],
      ['subtle-fg', 'info-bg'], // checked choice detail
      ['muted-fg', 'subtle-bg'], // disabled input
      ['text-fg', 'subtle-bg'],
      ['subtle-fg', 'text-bg'],
      ['error-fg', 'text-bg'], // outline danger button, field errors, cancel
      ['ok-fg', 'text-bg'], // notices
      ['link-fg', 'code-bg'],
      ['code-fg', 'error-bg'],
      // compliance scan page
      ['text-fg', 'text-bg'], // chart values
      ['muted-fg', 'text-bg'],
      ['subtle-fg', 'subtle-bg'], // table heads, filter labels
      ['text-fg', 'info-bg'], // checked choices
      ['muted-fg', 'info-bg'],
      ['link-fg', 'text-bg'],
    ];
    for (const [fg, bg] of used) expect(ratio(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    // Hover shades keep the text on them readable.
    expect(ratio('primary-fg', 'primary-hover')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('danger-fg', 'danger-hover')).toBeGreaterThanOrEqual(4.5);
    expect(ratio('text-fg', 'row-hover')).toBeGreaterThanOrEqual(4.5);
    // Graphics and focus rings: 3:1 against what they sit on.
    expect(ratio('bar-bg', 'text-bg')).toBeGreaterThanOrEqual(3);
    expect(ratio('focus', 'text-bg')).toBeGreaterThanOrEqual(3);
    expect(ratio('focus', 'page-bg')).toBeGreaterThanOrEqual(3);
  });

  test('the base shows focus (a 2px outline) and removes no outline', () => {
    expect(css).toMatch(/:focus-visible\s*\{\s*outline:\s*2px solid var\(--page-focus\)/);
    expect(css).not.toMatch(/outline:\s*(none|0)/);
  });
});
