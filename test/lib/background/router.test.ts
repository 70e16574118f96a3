import { describe, expect, it, vi } from 'vitest';
import { Router, portalOfUrl } from '../../../lib/background/router';
import { Pusher } from '../../../lib/background/push';
import { PUSH_TAG } from '../../../lib/messages/constants';

const chrome = new Router({ extensionId: 'abc', extensionBase: 'chrome-extension://abc/' });
const firefox = new Router({ extensionId: 'sop-sidebar@sop-sidebar.dev', extensionBase: 'moz-extension://7f1c-uuid/' });

describe('sender classification', () => {
  it('extension pages (Chrome and Firefox) are pages', () => {
    expect(chrome.classify({ id: 'abc', url: 'chrome-extension://abc/options.html', origin: 'chrome-extension://abc' })).toBe('page');
    expect(chrome.classify({ id: 'abc', url: 'chrome-extension://abc/admin.html', tab: { id: 3, url: 'chrome-extension://abc/admin.html' } })).toBe('page');
    // Firefox sends no origin.
    expect(firefox.classify({ id: 'sop-sidebar@sop-sidebar.dev', url: 'moz-extension://7f1c-uuid/options.html' })).toBe('page');
  });

  it('content scripts on HubSpot app hosts (US and EU) are content', () => {
    const url = 'https://app-eu1.hubspot.com/contacts/42/record/0-3/1';
    expect(chrome.classify({ id: 'abc', url, tab: { id: 9 } })).toBe('content');
    expect(chrome.classify({ id: 'abc', url: 'https://app.hubspot.com/contacts/42/record/0-1/7', tab: { id: 9, url } })).toBe('content');
  });

  it('everything else is refused', () => {
    // another extension, a spoofed host, plain http, a content script without a tab, another extension's page
    expect(chrome.classify({ id: 'other', url: 'chrome-extension://abc/options.html' })).toBeNull();
    expect(chrome.classify({ id: 'abc', url: 'https://app.hubspot.com.evil.io/contacts/1', tab: { id: 1 } })).toBeNull();
    expect(chrome.classify({ id: 'abc', url: 'http://app.hubspot.com/contacts/1', tab: { id: 1 } })).toBeNull();
    expect(chrome.classify({ id: 'abc', url: 'https://app.hubspot.com/contacts/1' })).toBeNull();
    expect(chrome.classify({ id: 'abc', url: 'chrome-extension://abcd/options.html' })).toBeNull();
    expect(chrome.classify({ id: 'abc', url: 'chrome-extension://abc/options.html', origin: 'https://app.hubspot.com' })).toBeNull();
    expect(chrome.classify({ id: 'abc' })).toBeNull();
  });

  it('reads the portal of HubSpot app URLs', () => {
    expect(portalOfUrl(new URL('https://app.hubspot.com/contacts/4471200/record/0-3/1'))).toBe(4471200);
    expect(portalOfUrl(new URL('https://app.hubspot.com/reports-dashboard/99/view/1'))).toBe(99);
    expect(portalOfUrl(new URL('https://app.hubspot.com/'))).toBeNull();
  });

  it('dispatches to the registered handler and turns throws into errors', async () => {
    const router = new Router({ extensionId: 'abc', extensionBase: 'chrome-extension://abc/' });
    router.register('settings.get', async () => {
      throw new Error('boom');
    });
    const page = { id: 'abc', url: 'chrome-extension://abc/options.html' };
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await router.handle({ type: 'settings.get' }, page)).toMatchObject({ ok: false, error: { code: 'internal', message: 'boom' } });
    expect(spy).toHaveBeenCalled();
    expect(await router.handle({ type: 'status.get' }, page)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('pushes', () => {
  it('go to the tabs showing the view; a closed tab is forgotten', async () => {
    const toTab = vi.fn(async (tabId: number, _frameId: number | null, _message: unknown) => {
      if (tabId === 2) throw new Error('No tab with id: 2');
    });
    const toPages = vi.fn(async () => undefined);
    const pusher = new Pusher({ toTab, toPages });
    const ref = { objectTypeId: '0-3', id: '1' };
    pusher.watch(1, 0, 42, ref);
    pusher.watch(2, 0, 42, ref);
    pusher.watch(3, 0, 42, { objectTypeId: '0-3', id: '2' });
    pusher.watch(4, 0, 7, ref);
    await pusher.view({ event: 'view.failed', portalId: 42, ref, error: { code: 'offline', message: 'x' } });
    expect(toTab.mock.calls.map((c) => c[0]).sort()).toEqual([1, 2]);
    expect(toTab.mock.calls[0]![2]).toMatchObject({ tag: PUSH_TAG, event: 'view.failed' });
    expect(pusher.watchedViews(42).map((r) => r.id).sort()).toEqual(['1', '2']);
    toTab.mockClear();
    await pusher.outbox({ event: 'outbox.changed', portalId: 42, entries: [] });
    expect(toTab.mock.calls.map((c) => c[0]).sort()).toEqual([1, 3]); // 2 was forgotten, 4 is another portal
    expect(toPages).toHaveBeenCalledTimes(1);
  });
});
