import { describe, expect, it, vi } from 'vitest';
import { createClient, onPush } from '../../../lib/messages/client';
import { PUSH_TAG } from '../../../lib/messages/protocol';

const status = {
  token: 'ok',
  portalId: 1,
  timeZone: 'UTC',
  uiDomain: 'app.hubspot.com',
  companyCurrency: 'EUR',
  dataHostingLocation: 'eu1',
  verifiedAt: null,
  missingScopes: [],
  retryAt: null,
  outbox: { pending: 0, failed: 0 },
  apiTier: 100,
  message: null,
};

describe('message client', () => {
  it('returns validated data for a valid answer', async () => {
    const transport = vi.fn(async () => ({ ok: true, data: status }));
    const res = await createClient(transport).send({ type: 'status.get' });
    expect(res).toEqual({ ok: true, data: status });
    expect(transport).toHaveBeenCalledWith({ type: 'status.get' });
  });

  it('passes background errors through as values', async () => {
    const error = { code: 'wrong-portal', message: 'other portal', tokenPortalId: 7 };
    const res = await createClient(async () => ({ ok: false, error })).send({ type: 'status.get' });
    expect(res).toEqual({ ok: false, error });
  });

  it('refuses to send a malformed request', async () => {
    const transport = vi.fn();
    // @ts-expect-error deliberately wrong
    const res = await createClient(transport).send({ type: 'view.get', portalId: 'x' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('bad-message');
    expect(transport).not.toHaveBeenCalled();
  });

  it('reports an answer that does not match the protocol', async () => {
    const res = await createClient(async () => ({ ok: true, data: { token: 'weird' } })).send({ type: 'status.get' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('internal');
  });

  it('maps a reloaded extension and a silent background to typed errors', async () => {
    const dead = await createClient(async () => {
      throw new Error('Extension context invalidated.');
    }).send({ type: 'settings.get' });
    expect(!dead.ok && dead.error.code).toBe('extension-updated');
    const silent = await createClient(async () => undefined).send({ type: 'settings.get' });
    expect(!silent.ok && silent.error.code).toBe('unavailable');
  });

  it('onPush delivers valid pushes only and unsubscribes', () => {
    const listeners = new Set<(m: unknown) => unknown>();
    const events = {
      addListener: (l: (m: unknown) => unknown) => listeners.add(l),
      removeListener: (l: (m: unknown) => unknown) => listeners.delete(l),
    };
    const handler = vi.fn();
    const off = onPush(handler, events as never);
    const push = { tag: PUSH_TAG, event: 'outbox.changed', portalId: 1, entries: [] };
    for (const l of listeners) {
      expect(l({ type: 'view.get' })).toBeUndefined();
      l(push);
    }
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith(push);
    off();
    expect(listeners.size).toBe(0);
  });
});
