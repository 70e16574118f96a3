// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { dealProposal } from '../../fixtures/evaluations';
import { errorText } from '../../../components/sidebar/error-text';
import { ERROR_CODES } from '../../../lib/messages/errors';
import type { SidebarError } from '../../../lib/content/view-model';
import { NOW, fakeActions, model, renderSidebar, viewData } from '../helpers';
import { outboxEntry } from '../../lib/content/store-fixtures';

describe('Sidebar states', () => {
  test('every background error code has a plain explanation and a fix', () => {
    for (const code of ERROR_CODES) {
      const text = errorText({ code, message: 'x' });
      expect(text.title.length).toBeGreaterThan(10);
      expect(text.fix.length).toBeGreaterThan(10);
    }
  });

  test.each<[string, SidebarError, RegExp]>([
    ['no token → options', { code: 'no-token', message: 'No token saved.' }, /Extensions → SOP Sidebar → Options\) and paste your HubSpot private app token/],
    ['wrong portal', { code: 'wrong-portal', message: 'Token is for 99', tokenPortalId: 99 }, /than the token's \(99\)/],
    ['missing scopes lists them', { code: 'missing-scopes', message: '403', scopes: ['crm.objects.deals.read', 'files'] }, /crm\.objects\.deals\.read, files/],
    ['rate limited: wait', { code: 'rate-limited', message: '429', retryAt: new Date(NOW + 8000).toISOString() }, /Wait a moment; the sidebar retries at/],
    ['daily limit: resets at', { code: 'daily-limit', message: '429 DAILY', retryAt: '2025-03-11T05:00:00.000Z' }, /It resets at /],
    ['expired token', { code: 'expired-token', message: '401' }, /Rotate the private app token/],
  ])('error without data: %s (data-state=error)', (_name, error, fix) => {
    const { container, getByRole } = renderSidebar(model(null, { phase: 'error', data: null, error }));
    expect(container.querySelector('[data-sop-root]')!.getAttribute('data-state')).toBe('error');
    const alert = getByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe(error.code);
    expect(alert.textContent).toMatch(fix);
    expect(alert.querySelector('details')!.textContent).toContain(error.message);
  });

  test('retryable errors offer Try again (refresh); options errors a button only where options can be opened', () => {
    const actions = fakeActions();
    const a = renderSidebar(model(null, { phase: 'error', error: { code: 'offline', message: 'fetch failed' } }), actions);
    fireEvent.click(a.getByRole('button', { name: 'Try again' }));
    expect(actions.refresh).toHaveBeenCalled();
    a.unmount();
    const b = renderSidebar(model(null, { phase: 'error', error: { code: 'no-token', message: 'x' } }), actions);
    fireEvent.click(b.getByRole('button', { name: 'Open SOP Sidebar options' }));
    expect(actions.openOptions).toHaveBeenCalled();
    b.unmount();
    const c = renderSidebar(model(null, { phase: 'error', error: { code: 'no-token', message: 'x' } }), fakeActions({ openOptions: null }));
    expect(c.queryByRole('button', { name: 'Open SOP Sidebar options' })).toBeNull();
  });

  test('cached and refreshing: shows the cache age', () => {
    const data = viewData(dealProposal, { meta: { loadedAt: new Date(NOW - 5 * 60_000).toISOString(), fromCache: true, stale: true } });
    const { container } = renderSidebar(model(dealProposal, { data, refreshing: true }));
    expect(container.querySelector('[data-cache]')!.textContent).toBe('Showing checks cached 5 minutes ago; refreshing…');
    expect(container.querySelector('[data-sop-root]')!.getAttribute('data-state')).toBe('ready');
  });

  test('a stale cached answer says the background is refreshing it; a fresh cached one gives its age', () => {
    const stale = viewData(dealProposal, { meta: { loadedAt: new Date(NOW - 20 * 60_000).toISOString(), fromCache: true, stale: true } });
    const a = renderSidebar(model(dealProposal, { data: stale }));
    expect(a.container.querySelector('[data-cache="refreshing"]')!.textContent).toBe('Showing checks cached 20 minutes ago; refreshing…');
    a.unmount();
    const fresh = viewData(dealProposal, { meta: { loadedAt: new Date(NOW - 2 * 60_000).toISOString(), fromCache: true, stale: false } });
    const b = renderSidebar(model(dealProposal, { data: fresh }));
    expect(b.container.querySelector('[data-cache="cached"]')!.textContent).toBe('From cache, loaded 2 minutes ago.');
    b.unmount();
    const live = renderSidebar(model(dealProposal));
    expect(live.container.querySelector('[data-cache]')).toBeNull();
  });

  test('offline: shows the cached checks with their age and the error as a banner', () => {
    const data = viewData(dealProposal, { meta: { loadedAt: new Date(NOW - 3 * 3600_000).toISOString(), fromCache: true, stale: true } });
    const { container } = renderSidebar(model(dealProposal, { data, offline: true, error: { code: 'offline', message: 'fetch failed' } }));
    expect(container.querySelector('[data-cache="offline"]')!.textContent).toBe('Offline: showing checks cached 3 hours ago. They refresh when HubSpot is reachable.');
    expect(container.querySelector('.sop-error--banner')).not.toBeNull();
    expect(container.querySelectorAll('[data-rule-id]').length).toBe(dealProposal.findings.length);
  });

  test('pending and failed writes from the outbox, with retry / discard on failed ones', async () => {
    const record = { objectTypeId: '0-3', id: '9001' };
    const data = viewData(dealProposal, { outbox: [outboxEntry('aaaaaaaa', record, 'pending'), outboxEntry('bbbbbbbb', record, 'failed')] });
    const actions = fakeActions();
    const { container, getByRole, queryByRole } = renderSidebar(model(dealProposal, { data }), actions);
    const items = [...container.querySelectorAll('[data-outbox-id]')];
    expect(items.map((i) => i.getAttribute('data-outbox-status'))).toEqual(['pending', 'failed']);
    expect(items[0]!.textContent).toContain('Waiting to send');
    expect(items[1]!.textContent).toContain('HubSpot refused the value.');
    expect(queryByRole('button', { name: 'Retry: Write aaaaaaaa' })).toBeNull();
    fireEvent.click(getByRole('button', { name: 'Retry: Write bbbbbbbb' }));
    await waitFor(() => expect(actions.retryOutbox).toHaveBeenCalledWith('bbbbbbbb'));
    fireEvent.click(getByRole('button', { name: 'Discard: Write bbbbbbbb' }));
    await waitFor(() => expect(actions.discardOutbox).toHaveBeenCalledWith('bbbbbbbb'));
  });

  test('resize handle: keyboard and drag, clamped, remembered at the end', () => {
    const { getByRole, controls } = renderSidebar(model(dealProposal));
    const handle = getByRole('separator', { name: 'Resize SOP Sidebar' });
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(controls.resize).toHaveBeenLastCalledWith(376, true);
    fireEvent.keyDown(handle, { key: 'End' });
    expect(controls.resize).toHaveBeenLastCalledWith(640, true);
    fireEvent.keyDown(handle, { key: 'Home' });
    expect(controls.resize).toHaveBeenLastCalledWith(280, true);
    fireEvent.pointerDown(handle, { button: 0, clientX: 1000, pointerId: 1 });
    fireEvent.pointerMove(handle, { clientX: 900, pointerId: 1 });
    expect(controls.resize).toHaveBeenLastCalledWith(460, false);
    fireEvent.pointerUp(handle, { clientX: 200, pointerId: 1 });
    expect(controls.resize).toHaveBeenLastCalledWith(640, true);
  });

  test('the last write’s outcome is announced in a live region', () => {
    const { container } = renderSidebar(model(dealProposal, { notice: 'Set Rate Range to 4-6%: saved in HubSpot.' }));
    const notice = container.querySelector('[data-notice]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe('Set Rate Range to 4-6%: saved in HubSpot.');
  });

  test('width comes from the model as a px string (Preact 11 adds no unit)', () => {
    const { container } = renderSidebar(model(dealProposal, { ui: { collapsed: false, width: 420 } }));
    expect((container.querySelector('[data-sop-root]') as HTMLElement).style.width).toBe('420px');
  });

  test('console stays quiet while rendering every state', () => {
    const spy = vi.spyOn(console, 'error');
    renderSidebar(model(dealProposal, { learnMode: true }));
    expect(spy).not.toHaveBeenCalled();
  });
});
