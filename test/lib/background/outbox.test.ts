import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openAppDb, type WriteOp } from '../../../lib/background/db';
import { Outbox, opMarker, type WriteTransport } from '../../../lib/background/outbox';
import { NetworkError } from '../../../lib/background/rate-limiter';
import {
  HubSpotMissingScopesError,
  HubSpotRateLimitedError,
  HubSpotServerError,
  HubSpotValidationError,
} from '../../../lib/hubspot/errors';
import { appError } from '../../../lib/messages/errors';

const deal = { objectTypeId: '0-3', id: '11' };
const contact = { objectTypeId: '0-1', id: '21' };

/** A fake HubSpot for writes: applies them, optionally drops the answer or fails. */
class FakeHubSpot implements WriteTransport {
  created: Array<{ id: string; body: string; kind: string }> = [];
  patches: Array<{ target: string; properties: Record<string, string> }> = [];
  faults: Array<'dropAfterWrite' | 'failBefore' | 'validation' | 'scopes' | 'rateLimit'> = [];
  sends = 0;
  lookups = 0;

  async send(op: WriteOp, _id?: string): Promise<string | null> {
    this.sends += 1;
    const fault = this.faults.shift();
    if (fault === 'failBefore') throw new HubSpotServerError({ message: '503', status: 503 });
    if (fault === 'validation') throw new HubSpotValidationError({ message: 'bad value', status: 400, property: 'dealstage', hubspotMessage: 'bad', details: [] });
    if (fault === 'scopes') throw new HubSpotMissingScopesError({ message: 'scopes', status: 403, scopes: ['crm.objects.deals.write'] });
    if (fault === 'rateLimit') throw new HubSpotRateLimitedError({ message: '429', status: 429, policy: 'TEN_SECONDLY_ROLLING', retryAfterMs: 5_000 });
    let id: string | null = null;
    if (op.kind === 'property.update') this.patches.push({ target: `${op.target.objectTypeId}/${op.target.id}`, properties: op.properties });
    if (op.kind === 'call.create' || op.kind === 'note.create') {
      id = String(1000 + this.created.length);
      this.created.push({ id, kind: op.kind, body: op.properties.hs_call_body ?? op.properties.hs_note_body ?? '' });
    }
    if (fault === 'dropAfterWrite') throw new NetworkError('connection reset', false, true);
    return id;
  }

  async findApplied(_op: WriteOp, id: string): Promise<string | null> {
    this.lookups += 1;
    return this.created.find((c) => c.body.includes(opMarker(id)))?.id ?? null;
  }
}

let now = Date.parse('2025-03-03T15:00:00Z');
let ids = 0;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  now = Date.parse('2025-03-03T15:00:00Z');
  ids = 0;
});

async function makeOutbox(hubspot: FakeHubSpot | null, extra: Partial<ConstructorParameters<typeof Outbox>[0]> = {}) {
  const db = await openAppDb();
  const outbox = new Outbox({
    db,
    transport: () => hubspot ?? appError('no-token', 'no token'),
    clock: { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined },
    random: () => 0.5,
    newId: () => `op${String(++ids).padStart(8, '0')}`,
    ...extra,
  });
  return { db, outbox };
}

const note: WriteOp = {
  kind: 'note.create',
  properties: { hs_note_body: '<p>#S&amp;OP</p>', hs_timestamp: '2025-03-03T15:00:00Z' },
  associations: [{ to: deal, category: 'HUBSPOT_DEFINED', typeId: 214 }],
};
const update = (value: string): WriteOp => ({ kind: 'property.update', target: deal, properties: { dealstage: value } });

describe('outbox', () => {
  it('stores a write before sending it, and removes it once HubSpot has it', async () => {
    const hubspot = new FakeHubSpot();
    const seen: string[] = [];
    const { outbox, db } = await makeOutbox(hubspot, {
      onApplied: async (entry) => {
        seen.push(entry.id);
      },
    });
    const original = hubspot.send.bind(hubspot);
    hubspot.send = async (op, id) => {
      // At send time the write is already durable, marked as being sent.
      const stored = await db.get('outbox', id ?? '');
      expect(stored?.status).toBe('sending');
      return original(op, id);
    };
    const result = await outbox.submit({ portalId: 1, op: note, label: 'Write the S&OP note', record: deal });
    expect(result.sent).toBe(true);
    expect(result.objectId).toBe('1000');
    expect(hubspot.created[0]!.body).toBe(`<p>#S&amp;OP</p>\n${opMarker(result.id)}`);
    expect(await outbox.list()).toEqual([]);
    expect(seen).toEqual([result.id]);
  });

  it('classifies 4xx as failed (visible, retryable, discardable)', async () => {
    const hubspot = new FakeHubSpot();
    hubspot.faults = ['validation'];
    const { outbox } = await makeOutbox(hubspot);
    const result = await outbox.submit({ portalId: 1, op: update('x'), label: 'Set stage', record: deal });
    expect(result.sent).toBe(false);
    expect(result.entry?.status).toBe('failed');
    expect(result.error?.code).toBe('validation');
    // Not retried automatically…
    now += 60 * 60_000;
    expect(await outbox.drain()).toBe(0);
    expect(hubspot.sends).toBe(1);
    // …but on request, and then it goes through.
    const again = await outbox.retry(result.id);
    expect(again.sent).toBe(true);
    expect(hubspot.patches).toHaveLength(1);

    hubspot.faults = ['scopes'];
    const scoped = await outbox.submit({ portalId: 1, op: update('y'), label: 'Set stage', record: deal });
    expect(scoped.entry?.status).toBe('failed');
    expect(scoped.error).toMatchObject({ code: 'missing-scopes', scopes: ['crm.objects.deals.write'] });
    expect(await outbox.discard(scoped.id)).toBe(true);
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps 5xx and 429 pending with backoff (or the rate limit wait)', async () => {
    const hubspot = new FakeHubSpot();
    hubspot.faults = ['failBefore', 'rateLimit'];
    const scheduled: Array<number | null> = [];
    const { outbox } = await makeOutbox(hubspot, { backoffBaseMs: 4_000, schedule: (at) => scheduled.push(at) });
    const first = await outbox.submit({ portalId: 1, op: update('a'), label: 'Set', record: deal });
    expect(first.entry).toMatchObject({ status: 'pending', attempts: 1 });
    // full jitter, 0.5 × 4 s; a property update is never "outcome unknown".
    expect(first.entry!.nextAttemptAt).toBe(now + 2_000);
    expect(first.entry!.outcomeUnknown).toBe(false);
    expect(scheduled.at(-1)).toBe(now + 2_000);
    expect(await outbox.drain()).toBe(0); // not due yet
    now += 2_000;
    await outbox.drain();
    const second = await outbox.get(first.id);
    expect(second).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: now + 5_000 });
    expect(second!.error?.code).toBe('rate-limited');
    now += 5_000;
    expect(await outbox.drain()).toBe(1);
    expect(scheduled.at(-1)).toBeNull();
  });

  it('a lost response to a create is found applied, not written twice', async () => {
    const hubspot = new FakeHubSpot();
    hubspot.faults = ['dropAfterWrite'];
    const { outbox } = await makeOutbox(hubspot);
    const first = await outbox.submit({ portalId: 1, op: note, label: 'Note', record: deal });
    expect(first.sent).toBe(false);
    expect(first.entry).toMatchObject({ status: 'pending', outcomeUnknown: true });
    // Looked for no sooner than search could see it.
    expect(first.entry!.nextAttemptAt).toBeGreaterThanOrEqual(now + 10_000);
    now += 10_000;
    expect(await outbox.drain()).toBe(1);
    expect(hubspot.created).toHaveLength(1);
    expect(hubspot.lookups).toBe(1);
    expect(hubspot.sends).toBe(1);
  });

  it('a create that failed before reaching HubSpot is looked for, then sent once', async () => {
    const hubspot = new FakeHubSpot();
    hubspot.faults = ['failBefore'];
    const { outbox } = await makeOutbox(hubspot);
    const first = await outbox.submit({ portalId: 1, op: note, label: 'Note', record: deal });
    now += 60_000;
    await outbox.drain();
    expect(hubspot.created).toHaveLength(1);
    expect(hubspot.lookups).toBe(1);
    expect(await outbox.get(first.id)).toBeNull();
  });

  it('survives a worker restart: a new instance resumes, cut-off creates are not duplicated', async () => {
    const hubspot = new FakeHubSpot();
    const { outbox, db } = await makeOutbox(hubspot);
    // The worker dies right after HubSpot applied the note, before the answer was handled.
    hubspot.send = async (op, id) => {
      await FakeHubSpot.prototype.send.call(hubspot, op, id);
      return new Promise<string | null>(() => undefined);
    };
    void outbox.submit({ portalId: 1, op: note, label: 'Note', record: deal });
    const queued = await outbox.enqueue({ portalId: 1, op: update('b'), label: 'Set', record: deal });
    await new Promise((r) => setTimeout(r, 20));
    expect(hubspot.created).toHaveLength(1);
    db.close();

    // New worker: new database connection, new outbox, same HubSpot.
    const revived = new FakeHubSpot();
    revived.created = hubspot.created;
    const { outbox: next } = await makeOutbox(revived);
    const before = await next.list();
    expect(before.map((e) => e.status).sort()).toEqual(['pending', 'sending']);
    expect(await next.resume()).toBe(2);
    expect(revived.created).toHaveLength(1); // found, not re-created
    expect(revived.patches).toEqual([{ target: '0-3/11', properties: { dealstage: 'b' } }]);
    expect(await next.list()).toEqual([]);
    expect(queued.id).toBeTruthy();
  });

  it('waits without a token (or with another portal’s) and wakes when one is set', async () => {
    const hubspot = new FakeHubSpot();
    let token = false;
    const { outbox } = await makeOutbox(null, { transport: (p) => (token && p === 1 ? hubspot : appError('no-token', 'Set a token')) });
    const result = await outbox.submit({ portalId: 1, op: update('c'), label: 'Set', record: deal });
    expect(result.entry).toMatchObject({ status: 'pending', nextAttemptAt: null });
    expect(result.error?.code).toBe('no-token');
    token = true;
    expect(await outbox.wakeAll(1)).toBe(1);
    expect(hubspot.patches).toHaveLength(1);
  });

  it('a newer update of the same property supersedes an older waiting one', async () => {
    const hubspot = new FakeHubSpot();
    hubspot.faults = ['failBefore'];
    const { outbox } = await makeOutbox(hubspot);
    await outbox.submit({ portalId: 1, op: update('old'), label: 'Set old', record: deal });
    await outbox.submit({ portalId: 1, op: update('new'), label: 'Set new', record: deal });
    now += 60 * 60_000;
    await outbox.drain();
    expect(hubspot.patches.map((p) => p.properties.dealstage)).toEqual(['new']);
    expect(await outbox.list()).toEqual([]);
  });

  it('lists by portal and record, and counts', async () => {
    const { outbox } = await makeOutbox(null);
    await outbox.enqueue({ portalId: 1, op: update('a'), label: 'a', record: deal });
    await outbox.enqueue({ portalId: 1, op: { kind: 'property.update', target: contact, properties: { email: 'x' } }, label: 'b', record: contact });
    await outbox.enqueue({ portalId: 2, op: update('a'), label: 'c', record: deal });
    expect((await outbox.list({ portalId: 1 })).map((e) => e.label)).toEqual(['a', 'b']);
    expect((await outbox.list({ portalId: 1, ref: contact })).map((e) => e.label)).toEqual(['b']);
    expect(await outbox.counts(1)).toEqual({ pending: 2, failed: 0 });
  });
});
