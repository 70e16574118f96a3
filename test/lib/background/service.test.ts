import { vi, afterEach, describe, expect, it } from 'vitest';
import { OBJECT_TYPE } from '../../../lib/rules/snapshot';
import { opMarker } from '../../../lib/background/outbox';
import { ScanService } from '../../../lib/admin/scan-runner';
import { EXTENSION_ID, Harness, PORTAL, READONLY_TOKEN, TOKEN, contentSender, pageSender, waves } from './harness';

const deal = { objectTypeId: '0-3', id: '92100000005' };
const clientHub = { objectTypeId: '2-9000101', id: '73100000004' };
const senderFor = (ref: { objectTypeId: string; id: string }) => contentSender(PORTAL, `record/${ref.objectTypeId}/${ref.id}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let h: Harness;
async function start(opts: Parameters<typeof Harness.start>[0] = {}, token: string | null = TOKEN): Promise<Harness> {
  h = await Harness.start(opts);
  if (token) await h.setToken(token);
  await h.clearLog();
  return h;
}
afterEach(async () => {
  await h?.close();
});

/** A gate item on the deal the sidebar can fix in place, with a valid option. */
async function fixable() {
  const view = await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
  for (const f of view.evaluation.findings) {
    for (const item of f.items) {
      const fix = item.fix;
      if (fix && fix.options.length > 0 && fix.targets.length === 1 && fix.targets[0]!.id === deal.id) {
        return { property: fix.property, value: fix.options[0]!.value, bad: `${fix.options[0]!.value}-not-an-option` };
      }
    }
  }
  throw new Error('no fixable enumeration on the test deal');
}

/** The sandbox request log's length once no new request has arrived for 300 ms (at most 10 s). */
async function settledLogLength(): Promise<number> {
  let last = (await h.log()).length;
  for (let waited = 0; waited < 10_000; waited += 300) {
    await sleep(300);
    const now = (await h.log()).length;
    if (now === last) return now;
    last = now;
  }
  return last;
}

describe('token and senders', () => {
  it('token.set only from an extension page; verified with account-info; never echoed', async () => {
    await start({}, null);
    const fromTab = await h.send({ type: 'token.set', token: TOKEN }, senderFor(deal));
    expect(fromTab).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.log()).toHaveLength(0);
    const res = await h.send({ type: 'token.set', token: TOKEN }, pageSender);
    expect(res).toMatchObject({ ok: true, data: { token: 'ok', portalId: PORTAL, timeZone: expect.any(String), companyCurrency: 'USD', dataHostingLocation: 'na1' } });
    expect(JSON.stringify(res)).not.toContain(TOKEN);
    expect((await h.log()).map((e) => e.path)).toEqual(['/account-info/v3/details']);
  });

  it('a tab that asked without a token is told when the token is set (status.changed reaches it)', async () => {
    await start({}, null);
    expect(await h.send({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'no-token' } });
    h.pushes = [];
    await h.setToken(TOKEN);
    for (let i = 0; i < 100 && !h.pushes.some((p) => p.tabId === 7 && p.message.event === 'status.changed'); i++) await sleep(10);
    const toTab = h.pushes.filter((p) => p.tabId === 7 && p.message.event === 'status.changed');
    expect(toTab.at(-1)?.message).toMatchObject({ status: { token: 'ok', portalId: PORTAL } });
  });

  it('a refused token is not stored', async () => {
    await start({}, null);
    const res = await h.send({ type: 'token.set', token: 'pat-na1-wrong-token' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-token' } });
    expect(await h.ok({ type: 'status.get' })).toMatchObject({ token: 'none', portalId: null });
    expect(await h.send({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'no-token' } });
  });

  it('refuses unknown and malformed messages, and foreign senders', async () => {
    await start();
    expect(await h.send({ type: 'view.delete', portalId: PORTAL, ref: deal } as never, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(await h.send({ type: 'view.get', portalId: PORTAL, ref: { objectTypeId: '0-3', id: 'x' } } as never, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(await h.send('hello' as never, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    const other = { ...senderFor(deal), id: 'another-extension' };
    expect(await h.send({ type: 'status.get' }, other)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const evil = { id: EXTENSION_ID, url: 'https://evil.example/contacts/1/record/0-3/1', tab: { id: 3, url: 'https://evil.example/' } };
    expect(await h.send({ type: 'status.get' }, evil)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // An extension page framed inside a HubSpot tab is not an extension page.
    const framed = { ...pageSender, tab: { id: 4, url: 'https://app.hubspot.com/contacts/1' } };
    expect(await h.send({ type: 'token.clear' }, framed)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.log()).toHaveLength(0);
  });

  it('options.open: the sidebar asks the background to open the options page (content scripts cannot)', async () => {
    await start({}, null);
    let opened = 0;
    await h.boot({
      openOptionsPage: async () => {
        opened++;
      },
    });
    expect(await h.ok({ type: 'options.open' }, senderFor(deal))).toEqual({ opened: true });
    expect(opened).toBe(1);
    // A foreign page cannot use it; a browser without the API answers unavailable.
    const evil = { id: EXTENSION_ID, url: 'https://evil.example/contacts/1/record/0-3/1', tab: { id: 3, url: 'https://evil.example/' } };
    expect(await h.send({ type: 'options.open' }, evil)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await h.boot();
    expect(await h.send({ type: 'options.open' }, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(opened).toBe(1);
  });

  it('privileged messages from a content script are rejected', async () => {
    await start();
    for (const m of [
      { type: 'token.clear' },
      { type: 'token.verify' },
      { type: 'playbook.import', json: '{}' },
      { type: 'playbook.reset' },
      { type: 'playbook.export' },
      { type: 'scan.start' },
    ] as const) {
      expect(await h.send(m, senderFor(deal)), m.type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await h.ok({ type: 'status.get' })).token).toBe('ok');
  });

  it('a page of another portal gets wrong-portal and no data', async () => {
    await start();
    const other = 999001;
    const res = await h.send({ type: 'view.get', portalId: other, ref: deal }, contentSender(other, `record/0-3/${deal.id}`));
    expect(res).toMatchObject({ ok: false, error: { code: 'wrong-portal', tokenPortalId: PORTAL } });
    expect(res.ok ? res.data : null).toBeNull();
    // A content script cannot ask about a portal other than its tab's.
    expect(await h.send({ type: 'view.get', portalId: other, ref: deal }, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.ok({ type: 'status.get', portalId: other })).toMatchObject({ token: 'wrong-portal', portalId: PORTAL });
    expect(await h.log()).toHaveLength(0);
  });
});

describe('views', () => {
  it('cold view loads from HubSpot; a warm view answers with 0 requests; refresh reloads', async () => {
    await start();
    const cold = await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(cold.evaluation.record).toEqual(deal);
    expect(cold.snapshotMeta).toMatchObject({ fromCache: false, stale: false });
    const coldRequests = (await h.log()).length;
    expect(coldRequests).toBeGreaterThan(0);
    expect(waves(h.calls)).toBeGreaterThan(1);

    await h.clearLog();
    const warm = await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(warm.snapshotMeta).toMatchObject({ fromCache: true, stale: false });
    expect(warm.evaluation).toEqual(cold.evaluation);
    expect(await h.log()).toHaveLength(0);

    const refreshed = await h.ok({ type: 'view.refresh', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(refreshed.snapshotMeta.fromCache).toBe(false);
    // Portal metadata stays cached (1 h TTL): fewer requests than cold.
    const refreshRequests = (await h.log()).length;
    expect(refreshRequests).toBeGreaterThan(0);
    expect(refreshRequests).toBeLessThan(coldRequests);
  });

  it('answers from cache first, then revalidates and pushes the new evaluation to the tab', async () => {
    await start();
    await h.boot({ views: { revalidateAfterMs: 0 } });
    await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    await h.clearLog();
    h.pushes = [];
    const warm = await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(warm.snapshotMeta.fromCache).toBe(true);
    for (let i = 0; i < 100 && h.pushesOf('view.updated').length === 0; i++) await sleep(20);
    const [push] = h.pushesOf('view.updated');
    expect(push).toMatchObject({ portalId: PORTAL, ref: deal, view: { snapshotMeta: { fromCache: false } } });
    expect(h.pushes.find((p) => p.message.event === 'view.updated')?.tabId).toBe(7);
    expect((await h.log()).length).toBeGreaterThan(0);
  });
});

describe('writes through the outbox', () => {
  it('property.update writes to HubSpot, invalidates the view and pushes the reloaded one', async () => {
    await start();
    const { property, value } = await fixable();
    await h.clearLog();
    h.pushes = [];
    const res = await h.ok({ type: 'property.update', portalId: PORTAL, ref: deal, property, value }, senderFor(deal));
    expect(res).toMatchObject({ sent: true, entries: [] });
    const patches = (await h.log()).filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.body).toEqual({ properties: { [property]: value } });
    const updated = h.pushesOf('view.updated').at(-1);
    expect(updated?.view.snapshotMeta.fromCache).toBe(false);
    const next = await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(next.snapshotMeta.fromCache).toBe(true);
    expect(next.outbox).toEqual([]);
  });

  it('refuses a value outside the property options before anything is stored or sent', async () => {
    await start();
    const { property, bad } = await fixable();
    await h.clearLog();
    const res = await h.send({ type: 'property.update', portalId: PORTAL, ref: deal, property, value: bad }, senderFor(deal));
    expect(res).toMatchObject({ ok: false, error: { code: 'validation', details: [{ path: property }] } });
    expect((await h.log()).filter((e) => e.method !== 'GET')).toHaveLength(0);
    expect((await h.ok({ type: 'outbox.list', portalId: PORTAL })).entries).toEqual([]);
  });

  it('403 MISSING_SCOPES fails the write visibly, records the scopes; discard removes it', async () => {
    await start({}, READONLY_TOKEN);
    const { property, value } = await fixable();
    const res = await h.send({ type: 'property.update', portalId: PORTAL, ref: deal, property, value }, senderFor(deal));
    expect(res).toMatchObject({ ok: false, error: { code: 'missing-scopes', outboxId: expect.any(String) } });
    const id = !res.ok ? res.error.outboxId! : '';
    const { entries } = await h.ok({ type: 'outbox.list', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(entries).toMatchObject([{ id, status: 'failed', error: { code: 'missing-scopes' } }]);
    const status = await h.ok({ type: 'status.get', portalId: PORTAL }, senderFor(deal));
    expect(status.token).toBe('missing-scopes');
    expect(status.missingScopes.length).toBeGreaterThan(0);
    expect(status.outbox).toEqual({ pending: 0, failed: 1 });
    // A sidebar on another portal neither sees nor touches it.
    const elsewhere = contentSender(999001, 'record/0-3/1');
    expect((await h.ok({ type: 'outbox.list' }, elsewhere)).entries).toEqual([]);
    expect(await h.send({ type: 'outbox.discard', id }, elsewhere)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.ok({ type: 'outbox.discard', id }, senderFor(deal))).toEqual({ discarded: true });
    expect((await h.ok({ type: 'outbox.list' })).entries).toEqual([]);
  });

  it('a lost response to the S&OP note is found by its marker: exactly one note (dropAfterWrite)', async () => {
    await start();
    await h.boot({ outbox: { unknownOutcomeDelayMs: 0, backoffBaseMs: 10 } });
    await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    await h.faults({ dropAfterWrite: { method: 'POST', pathPattern: '/^\\/crm\\/v3\\/objects\\/(0-46|notes)$/', times: 1 } });
    const res = await h.ok({ type: 'sopNote.create', portalId: PORTAL, ref: deal, confirmGaps: true }, senderFor(deal));
    expect(res.sent).toBe(false);
    expect(res.entries).toMatchObject([{ kind: 'note.create', status: 'pending' }]);
    const id = res.entries[0]!.id;
    await sleep(30);
    await h.service.outbox.drain();
    expect((await h.ok({ type: 'outbox.list' })).entries).toEqual([]);
    const creates = (await h.log()).filter((e) => e.method === 'POST' && /\/crm\/v3\/objects\/(0-46|notes)$/.test(e.path));
    expect(creates).toHaveLength(1);
    expect(creates[0]!.fault).toBe('dropAfterWrite');
    const notes = h.sandbox.state.listObjects(OBJECT_TYPE.note).filter((n) => (n.properties.hs_note_body ?? '').includes(opMarker(id)));
    expect(notes).toHaveLength(1);
  });

  it('survives a worker restart: a pending write is sent by the next worker, once', async () => {
    await start();
    await h.boot({ outbox: { backoffBaseMs: 10 } });
    const { property, value } = await fixable();
    await h.faults({ routes: [{ method: 'PATCH', pathPattern: '/crm/v3/objects/*', status: 503, times: 20 }] });
    const res = await h.ok({ type: 'property.update', portalId: PORTAL, ref: deal, property, value }, senderFor(deal));
    expect(res.sent).toBe(false);
    expect(res.entries).toMatchObject([{ status: 'pending', error: { code: 'offline' } }]);
    const dying = h.service;
    h.kill();
    await h.control('DELETE', '/__sandbox/faults');
    await h.clearLog();
    // The dead worker sends nothing more, and its cut-off work is not an error.
    expect(await dying.outbox.drain()).toBe(0);
    expect(await h.log()).toEqual([]);
    await h.boot(); // new worker: opens the database, resumes the outbox
    // The resume is asynchronous (the entry's backoff may not be over yet): wait for it, not a fixed time.
    await vi.waitFor(async () => expect((await h.ok({ type: 'outbox.list' })).entries).toEqual([]), { timeout: 15_000, interval: 50 });
    const patches = (await h.log()).filter((e) => e.method === 'PATCH');
    expect(patches.map((p) => p.status)).toEqual([200]);
  });

  it('a create cut off by a worker death is not duplicated by the next worker', async () => {
    await start();
    await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    await h.faults({ dropAfterWrite: { method: 'POST', pathPattern: '/^\\/crm\\/v3\\/objects\\/(0-46|notes)$/', times: 1 } });
    const res = await h.ok({ type: 'sopNote.create', portalId: PORTAL, ref: deal, confirmGaps: true }, senderFor(deal));
    const id = res.entries[0]!.id;
    h.kill();
    await h.boot({ outbox: { unknownOutcomeDelayMs: 0 } });
    // The entry waits for its (search-lag) delay; a manual retry looks first.
    const retried = await h.ok({ type: 'outbox.retry', id }, senderFor(deal));
    expect(retried.sent).toBe(true);
    const notes = h.sandbox.state.listObjects(OBJECT_TYPE.note).filter((n) => (n.properties.hs_note_body ?? '').includes(opMarker(id)));
    expect(notes).toHaveLength(1);
  });

  it('call.log validates against the call-log spec, creates the call and returns the cadence plan (CH-2)', async () => {
    await start();
    const view = await h.ok({ type: 'view.get', portalId: PORTAL, ref: clientHub }, senderFor(clientHub));
    const spec = view.evaluation.callLog;
    expect(spec).not.toBeNull();
    const bad = await h.send({ type: 'call.log', portalId: PORTAL, ref: clientHub, properties: {} }, senderFor(clientHub));
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!bad.ok && bad.error.details!.length).toBeGreaterThan(0);
    const checkInOutcome = spec!.checkIn.outcomeIds[0] ?? spec!.outcomes[0]!.id;
    const properties = {
      hs_call_disposition: checkInOutcome,
      hs_activity_type: spec!.checkIn.types[0] ?? spec!.types[0]!.value,
      hs_call_direction: spec!.checkIn.directions[0] ?? spec!.directions[0]!.value,
      hs_call_body: 'Talked through the quarter.',
    };
    const local = await h.send({ type: 'call.log', portalId: PORTAL, ref: clientHub, properties: { ...properties, hs_timestamp: '2025-03-03T10:00' } }, senderFor(clientHub));
    expect(local).toMatchObject({ ok: false, error: { code: 'validation', details: [{ path: 'hs_timestamp' }] } });
    await h.clearLog();
    const res = await h.ok({ type: 'call.log', portalId: PORTAL, ref: clientHub, properties }, senderFor(clientHub));
    expect(res.sent).toBe(true);
    expect(res.createdIds).toHaveLength(1);
    expect(res.cadence?.moves).toBe(true);
    expect(res.cadence?.updates.length).toBeGreaterThan(0);
    const call = h.sandbox.state.listObjects(OBJECT_TYPE.call).find((c) => c.id === res.createdIds[0]);
    expect(call?.properties.hs_call_body).toContain('Talked through the quarter.');
    const applied = await h.ok({ type: 'cadence.apply', portalId: PORTAL, ref: clientHub, updates: res.cadence!.updates }, senderFor(clientHub));
    expect(applied.sent).toBe(true);
    const patches = (await h.log()).filter((e) => e.method === 'PATCH');
    expect(patches).toHaveLength(1); // one PATCH for all cadence properties
  });
});

describe('limits and failures', () => {
  it('429 with Retry-After: waits and retries', async () => {
    await start({}, null);
    await h.faults({ routes: [{ method: 'GET', pathPattern: '/account-info/v3/details', status: 429, times: 1 }] });
    await h.setToken();
    const log = await h.log();
    expect(log.map((e) => e.status)).toEqual([429, 200]);
    expect(h.calls[1]!.start - h.calls[0]!.end).toBeGreaterThanOrEqual(900);
  });

  it('429 without Retry-After: still waits (≥ 1 s) and retries', async () => {
    await start({}, null);
    h.transform = (res) => {
      if (res.status !== 429) return res;
      const headers = new Headers(res.headers);
      headers.delete('Retry-After');
      return new Response(res.body, { status: res.status, headers });
    };
    await h.faults({ routes: [{ method: 'GET', pathPattern: '/account-info/v3/details', status: 429, times: 1 }] });
    await h.setToken();
    expect((await h.log()).map((e) => e.status)).toEqual([429, 200]);
    expect(h.calls[1]!.start - h.calls[0]!.end).toBeGreaterThanOrEqual(900);
  });

  it('DAILY: stops every request until the reset and reports it', async () => {
    await start();
    await h.faults({ rateLimit: { daily: 0 } });
    const res = await h.send({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(res).toMatchObject({ ok: false, error: { code: 'daily-limit', retryAt: expect.any(String) } });
    const resetAt = Date.parse(!res.ok ? res.error.retryAt! : '');
    expect(resetAt).toBeGreaterThan(Date.now());
    expect(resetAt - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(await h.ok({ type: 'status.get', portalId: PORTAL })).toMatchObject({ token: 'daily-limit' });
    // Requests of the same wave may still be in flight when the first 429 answered: wait until the log settles.
    const before = await settledLogLength();
    expect(await h.send({ type: 'view.refresh', portalId: PORTAL, ref: deal }, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'daily-limit' } });
    expect((await h.log()).length).toBe(before);
    expect(h.alarms.get('sop-sidebar:resume')).toBe(resetAt);
    // A new worker remembers.
    h.kill();
    await h.boot();
    expect(await h.ok({ type: 'status.get' })).toMatchObject({ token: 'daily-limit' });
  });

  it("a paused scan's resume alarm survives the rate limit lifting (separate alarms)", async () => {
    await start();
    let resumed = 0;
    let setResume: ((at: number) => void) | null = null;
    h.service.registerScanRunner((ctx) => {
      setResume = ctx.resumeAt;
      return {
        start: () => Promise.reject(new Error('not used')),
        cancel: () => Promise.reject(new Error('not used')),
        status: () => Promise.reject(new Error('not used')),
        results: () => Promise.reject(new Error('not used')),
        resume: async () => {
          resumed++;
        },
      };
    });
    const at = Date.now() + 60_000;
    setResume!(at);
    expect(h.alarms.get('sop-sidebar:scan')).toBe(at);
    // A 429 pauses the limiter, then the pause lifts: the limiter's own alarm is set and cleared.
    await h.faults({ routes: [{ method: 'GET', pathPattern: '/crm/v3/pipelines/*', status: 429, times: 1 }] });
    await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(h.alarms.has('sop-sidebar:resume')).toBe(true);
    expect(h.alarms.get('sop-sidebar:scan')).toBe(at);
    await h.service.onAlarm('sop-sidebar:scan');
    expect(resumed).toBe(1);
  });

  it('5xx: retried with backoff, then the view loads', async () => {
    await start();
    await h.faults({ routes: [{ method: 'GET', pathPattern: '/crm/v3/pipelines/*', status: 503, times: 2 }] });
    const view = await h.ok({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(view.evaluation.record).toEqual(deal);
    expect((await h.log()).filter((e) => e.status === 503)).toHaveLength(2);
  });

  it('timeouts: retried, then reported as offline (no data invented)', async () => {
    await start();
    await h.boot({ limiter: { timeoutMs: 150, backoffBaseMs: 10, backoffCapMs: 20, maxAttempts: 2 } });
    await h.faults({ perRequestLatencyMs: [{ method: 'GET', pathPattern: '/crm/v3/owners*', ms: 1_000 }] });
    const res = await h.send({ type: 'view.get', portalId: PORTAL, ref: deal }, senderFor(deal));
    expect(res).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect((await h.ok({ type: 'status.get', portalId: PORTAL })).token).toBe('offline');
  });
});

describe('settings and playbook messages', () => {
  it("an invalid policy playbook (storage.managed) is ignored, and playbook.get says why, by JSON path", async () => {
    await start();
    await h.boot({ managed: async () => ({ playbook: '{"schemaVersion":1,"id":"it-policy"}' }) });
    const info = await h.ok({ type: 'playbook.get' });
    expect(info.source).toBe('default');
    expect(info.managedRejected?.errors.length).toBeGreaterThan(0);
    expect(info.managedRejected!.errors).toContainEqual(expect.objectContaining({ path: expect.stringMatching(/name|version|objects/), message: expect.any(String) }));
    // A valid policy playbook is the active one and nothing is reported.
    const valid = JSON.stringify({ ...info.playbook, version: '7.0.0' });
    await h.boot({ managed: async () => ({ playbook: valid }) });
    expect(await h.ok({ type: 'playbook.get' })).toMatchObject({ source: 'managed', managedRejected: null, playbook: { version: '7.0.0' } });
  });

  it('an invalid playbook import keeps the active one and returns the errors', async () => {
    await start();
    const before = await h.ok({ type: 'playbook.get' });
    expect(before.source).toBe('default');
    const bad = await h.ok({ type: 'playbook.import', json: '{"schemaVersion":1,"id":"x"}' });
    expect(bad.accepted).toBe(false);
    expect(bad.errors.length).toBeGreaterThan(0);
    expect(bad.active.source).toBe('default');
    expect(bad.active.lastRejected?.errors.length).toBeGreaterThan(0);
    const notJson = await h.ok({ type: 'playbook.import', json: '{"schemaVersion":' });
    expect(notJson.errors[0]!.message).toMatch(/JSON/);

    const exported = await h.ok({ type: 'playbook.export' });
    const edited = { ...JSON.parse(exported.json), version: '9.9.9' };
    const good = await h.ok({ type: 'playbook.import', json: JSON.stringify(edited) });
    expect(good).toMatchObject({ accepted: true, errors: [], active: { source: 'imported', lastRejected: null } });
    expect((await h.ok({ type: 'playbook.get' }, senderFor(deal))).playbook.version).toBe('9.9.9');
    expect((await h.ok({ type: 'playbook.reset' })).source).toBe('default');
  });

  it('playbook.lint compares the playbook with the portal', async () => {
    await start();
    const lint = await h.ok({ type: 'playbook.lint' });
    expect(lint.portalId).toBe(PORTAL);
    expect(lint.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('playbook.lint without a token answers no-token, the error the options page explains', async () => {
    await start({}, null);
    expect(await h.send({ type: 'playbook.lint' })).toMatchObject({ ok: false, error: { code: 'no-token', message: expect.stringMatching(/token/) } });
    expect((await h.log()).length).toBe(0);
  });

  it('settings: the sidebar sets its UI state, not the tier', async () => {
    await start();
    expect((await h.ok({ type: 'settings.set', patch: { sidebar: { collapsed: true } } }, senderFor(deal))).sidebar.collapsed).toBe(true);
    expect(await h.send({ type: 'settings.set', patch: { apiTier: 250 } }, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await h.ok({ type: 'settings.set', patch: { apiTier: 250 } })).apiTier).toBe(250);
  });

  it('scan messages without a registered runner answer unavailable', async () => {
    await start();
    expect(await h.send({ type: 'scan.status' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('a registered scan runner answers scan.* from pages only, on the bulk lane, with progress pushes', async () => {
    await start();
    h.service.registerScanRunner((ctx) => new ScanService(ctx));
    expect(await h.ok({ type: 'scan.status' })).toMatchObject({ state: 'idle' });
    expect(await h.send({ type: 'scan.status' }, senderFor(deal))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const started = await h.ok({ type: 'scan.start', objects: ['deal'] });
    let status = started;
    for (let i = 0; i < 300 && (status.state === 'running' || status.state === 'paused'); i++) {
      await sleep(50);
      status = await h.ok({ type: 'scan.status', scanId: started.scanId! });
    }
    expect(status.state).toBe('done');
    expect(h.service.limiter.sent.bulk).toBeGreaterThan(0);
    const results = await h.ok({ type: 'scan.results', scanId: started.scanId!, offset: 0, limit: 1000 });
    expect(results.total).toBeGreaterThan(0);
    expect(h.pushesOf('scan.progress').length).toBeGreaterThan(0);
  });
});
