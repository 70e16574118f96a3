// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { REVEAL_AFTER_MS, startSidebar } from '../../../lib/content/mount';
import { contactMql, dealProposal, payload, settings, ticket } from './store-fixtures';
import type { Evaluation } from '../../../lib/rules/result';

const BASE = 'https://app.hubspot.com/contacts/4471200';
const byKey = new Map<string, Evaluation>([
  ['0-3/9001', dealProposal],
  ['0-1/2001', contactMql],
  [`${ticket.record.objectTypeId}/${ticket.record.id}`, ticket],
]);

let sent: Array<{ type: string; ref?: { objectTypeId: string; id: string } }>;
let ctx: ContentScriptContext;

function setUrl(path: string) {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(`${BASE}${path}`);
}

const wait = (ms = 10) => new Promise((r) => setTimeout(r, ms));
const host = () => document.querySelectorAll('sop-sidebar');
const root = () => document.querySelector('sop-sidebar')?.shadowRoot?.querySelector('[data-sop-root]') ?? null;

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; ref?: { objectTypeId: string; id: string } }) => {
    sent.push(message);
    if (message.type === 'settings.get') return { ok: true, data: settings };
    if (message.type === 'view.get') {
      const evaluation = byKey.get(`${message.ref!.objectTypeId}/${message.ref!.id}`);
      return evaluation ? { ok: true, data: payload(evaluation) } : { ok: false, error: { code: 'not-found', message: 'gone' } };
    }
    return { ok: false, error: { code: 'unavailable', message: 'not in this test' } };
  }) as never);
  document.body.innerHTML = '<main id="hubspot">HubSpot</main>';
  document.body.removeAttribute('style');
  ctx = new ContentScriptContext('sidebar');
});

afterEach(() => {
  ctx.notifyInvalidated();
});

describe('content script mount', () => {
  test('mounts one <sop-sidebar> with an open shadow root on a governed record page (DOM contract)', async () => {
    setUrl('/record/0-3/9001');
    await startSidebar(ctx);
    await wait();
    expect(host()).toHaveLength(1);
    expect(host()[0]!.parentElement).toBe(document.body);
    const r = root()!;
    expect(r.getAttribute('data-record')).toBe('0-3/9001');
    expect(r.getAttribute('data-state')).toBe('ready');
    expect(r.querySelector('[data-rule-id="SALES-PRO-2"]')?.getAttribute('data-status')).toBe('missing');
    // Room is made for the sidebar (its remembered width), HubSpot's own markup is untouched.
    expect(document.body.style.getPropertyValue('margin-right')).toBe(`${settings.sidebar.width}px`);
    expect(document.getElementById('hubspot')!.outerHTML).toBe('<main id="hubspot">HubSpot</main>');
  });

  test('key events typed in the sidebar do not reach HubSpot’s shortcut listeners', async () => {
    setUrl('/record/0-3/9001');
    await startSidebar(ctx);
    await wait();
    const heard = vi.fn();
    document.addEventListener('keydown', heard);
    window.addEventListener('keyup', heard);
    document.addEventListener('keypress', heard);
    const input = root()!.querySelector('input, select, textarea, button')!;
    for (const type of ['keydown', 'keyup', 'keypress']) {
      input.dispatchEvent(new KeyboardEvent(type, { key: 'j', bubbles: true, composed: true }));
    }
    expect(heard).not.toHaveBeenCalled();
    // Keys on the page itself still reach HubSpot.
    document.getElementById('hubspot')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  test('follows SPA navigation with one instance and never shows the previous record', async () => {
    setUrl('/record/0-3/9001');
    await startSidebar(ctx);
    await wait();
    history.pushState({}, '', '/contacts/4471200/record/0-1/2001');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await wait();
    expect(host()).toHaveLength(1);
    expect(root()!.getAttribute('data-record')).toBe('0-1/2001');
    expect(root()!.querySelector('[data-rule-id^="SALES-"]')).toBeNull();
    expect(root()!.querySelector('h2')!.textContent).toBe(contactMql.name);
  });

  test('no sidebar on list pages or ungoverned records; the page margin goes with it', async () => {
    setUrl('/objects/0-3/views/all/list');
    await startSidebar(ctx);
    await wait(REVEAL_AFTER_MS + 50);
    expect(host()).toHaveLength(0);
    expect(sent.some((m) => m.type === 'view.get')).toBe(false);

    history.pushState({}, '', '/contacts/4471200/record/0-3/9001');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await wait();
    expect(host()).toHaveLength(1);

    history.pushState({}, '', `/contacts/4471200/record/${ticket.record.objectTypeId}/${ticket.record.id}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
    await wait(REVEAL_AFTER_MS + 50);
    expect(host()).toHaveLength(0);
    expect(document.body.style.getPropertyValue('margin-right')).toBe('');
  });

  test('invalidation removes the UI, the margin and every listener', async () => {
    setUrl('/record/0-3/9001');
    await startSidebar(ctx);
    await wait();
    ctx.notifyInvalidated();
    expect(host()).toHaveLength(0);
    expect(document.body.style.getPropertyValue('margin-right')).toBe('');
    const before = sent.length;
    history.pushState({}, '', '/contacts/4471200/record/0-1/2001');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await wait();
    expect(sent.length).toBe(before);
    expect(host()).toHaveLength(0);
  });
});
