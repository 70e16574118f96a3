// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { createPageSpace } from '../../../lib/content/page-space';

describe('page space', () => {
  test('adds a right margin equal to the sidebar and restores the page’s own value', () => {
    document.body.style.setProperty('margin-right', '12px');
    const space = createPageSpace(document.body);
    space.reserve(360);
    expect(document.body.style.getPropertyValue('margin-right')).toBe('360px');
    space.reserve(420.4);
    expect(document.body.style.getPropertyValue('margin-right')).toBe('420px');
    space.release();
    expect(document.body.style.getPropertyValue('margin-right')).toBe('12px');
    space.release();
    expect(document.body.style.getPropertyValue('margin-right')).toBe('12px');
  });

  test('removes the margin entirely when the page had none', () => {
    document.body.removeAttribute('style');
    const space = createPageSpace(document.body);
    space.reserve(36);
    space.release();
    expect(document.body.getAttribute('style') ?? '').toBe('');
  });
});
