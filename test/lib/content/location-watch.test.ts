// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { watchLocation, type ListenCtx } from '../../../lib/content/location-watch';

/** A ctx like WXT's: listeners and timers die with the abort signal. */
function fakeCtx() {
  const controller = new AbortController();
  const ctx: ListenCtx = {
    addEventListener: ((target: EventTarget, type: string, handler: EventListener) => {
      target.addEventListener(type.startsWith('wxt:') ? `test:${type}` : type, handler, { signal: controller.signal });
    }) as ListenCtx['addEventListener'],
    setTimeout: ((handler: () => void, ms: number) => {
      const id = setTimeout(() => !controller.signal.aborted && handler(), ms);
      return id as unknown as number;
    }) as ListenCtx['setTimeout'],
  };
  return { ctx, invalidate: () => controller.abort() };
}

describe('watchLocation', () => {
  test('reports pushState navigations announced by the Navigation API (currententrychange), once per URL', () => {
    const navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
    const { ctx } = fakeCtx();
    const seen = vi.fn();
    watchLocation(ctx, window, seen);
    history.pushState({}, '', '/contacts/1/record/0-3/5');
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(new Event('currententrychange'));
    history.replaceState({}, '', '/contacts/1/record/0-1/6');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen.mock.calls.map(([href]) => new URL(href).pathname)).toEqual(['/contacts/1/record/0-3/5', '/contacts/1/record/0-1/6']);
    delete (window as unknown as { navigation?: unknown }).navigation;
  });

  test('back/forward (popstate) and WXT’s location event (URL polling fallback) are followed', async () => {
    const { ctx } = fakeCtx();
    const seen = vi.fn();
    watchLocation(ctx, window, seen);
    history.pushState({}, '', '/contacts/1/record/0-3/7');
    window.dispatchEvent(new Event('test:wxt:locationchange'));
    history.pushState({}, '', '/contacts/1/record/0-3/8');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await new Promise((r) => setTimeout(r, 5));
    expect(seen.mock.calls.map(([href]) => new URL(href).pathname)).toEqual(['/contacts/1/record/0-3/7', '/contacts/1/record/0-3/8']);
  });

  test('no listener survives invalidation', () => {
    const { ctx, invalidate } = fakeCtx();
    const seen = vi.fn();
    watchLocation(ctx, window, seen);
    invalidate();
    history.pushState({}, '', '/contacts/1/record/0-3/9');
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.dispatchEvent(new Event('test:wxt:locationchange'));
    expect(seen).not.toHaveBeenCalled();
  });
});
