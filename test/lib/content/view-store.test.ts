import { describe, expect, test, vi } from 'vitest';
import { ViewStore, callProperties, type DraftStore } from '../../../lib/content/view-store';
import type { ContentSend } from '../../../lib/content/messaging';
import type { RecordTarget } from '../../../lib/content/record-url';
import { PORTAL, contactMql, dealProposal, otherDeal, outboxEntry, payload, settings, ticket } from './store-fixtures';

interface Pending {
  message: { type: string; [k: string]: unknown };
  resolve: (value: unknown) => void;
}

/** A background whose answers the test releases one by one (to cross them). */
function fakeBackground() {
  const pending: Pending[] = [];
  const send = vi.fn((message: Pending['message']) => new Promise((resolve) => pending.push({ message, resolve }))) as unknown as ContentSend & ReturnType<typeof vi.fn>;
  const take = (type: string): Pending => {
    const i = pending.findIndex((p) => p.message.type === type);
    if (i < 0) throw new Error(`no pending ${type}; pending: ${pending.map((p) => p.message.type).join(', ')}`);
    return pending.splice(i, 1)[0]!;
  };
  return { send, pending, take };
}

const drafts: DraftStore = { load: async () => null, save: async () => undefined };
const deal = (id = '9001'): RecordTarget => ({ portalId: PORTAL, ref: { objectTypeId: '0-3', id } });
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const bg = fakeBackground();
  const store = new ViewStore({ send: bg.send, now: () => Date.parse('2025-03-10T12:05:00.000Z'), drafts, openOptions: null });
  const changes = vi.fn();
  store.subscribe(changes);
  return { store, bg, changes };
}

describe('ViewStore', () => {
  test('asks the background for the record and shows it when the answer comes', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    expect(store.visibility()).toBe('pending');
    const get = bg.take('view.get');
    expect(get.message).toEqual({ type: 'view.get', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9001' } });
    get.resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    expect(store.visibility()).toBe('shown');
    const model = store.model()!;
    expect(model.phase).toBe('ready');
    expect(model.data?.evaluation.name).toBe(dealProposal.name);
    expect(model.record).toEqual({ objectTypeId: '0-3', id: '9001' });
  });

  test('shows the loading state once the grace period is over', () => {
    const { store } = setup();
    store.navigate(deal());
    expect(store.model()).toBeNull();
    store.reveal('other-key');
    expect(store.model()).toBeNull();
    store.reveal(store.key!);
    expect(store.model()?.phase).toBe('loading');
    expect(store.model()?.data).toBeNull();
  });

  test('an in-page hop from a shown record keeps the sidebar on screen, loading the new record (no detach, no stale data)', async () => {
    const { store, bg } = setup();
    store.navigate(deal('9001'));
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    expect(store.visibility()).toBe('shown');
    store.navigate(deal('9005'));
    expect(store.visibility()).toBe('shown');
    const model = store.model()!;
    expect(model.record).toEqual({ objectTypeId: '0-3', id: '9005' });
    expect(model.phase).toBe('loading');
    expect(model.data).toBeNull();
  });

  test('a type known to be ungoverned stays hidden even when coming from a shown record', async () => {
    const { store, bg } = setup();
    store.navigate({ portalId: PORTAL, ref: ticket.record });
    bg.take('view.get').resolve({ ok: true, data: payload(ticket) });
    await flush();
    expect(store.visibility()).toBe('hidden');
    store.navigate(deal('9001'));
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    expect(store.visibility()).toBe('shown');
    store.navigate({ portalId: PORTAL, ref: { objectTypeId: ticket.record.objectTypeId, id: `${ticket.record.id}2` } });
    expect(store.visibility()).toBe('hidden');
  });

  test('never shows the previous record: a late answer for it is dropped after a switch', async () => {
    const { store, bg } = setup();
    store.navigate(deal('9001'));
    store.navigate(deal('9005'));
    const first = bg.pending[0]!;
    const second = bg.pending[1]!;
    second.resolve({ ok: true, data: payload(otherDeal) });
    await flush();
    first.resolve({ ok: true, data: payload(dealProposal, '2025-03-10T12:10:00.000Z') });
    await flush();
    expect(store.model()?.record.id).toBe('9005');
    expect(store.model()?.data?.evaluation.name).toBe('Another deal');
  });

  test('switching records clears the old data at once (loading, no stale evaluation)', async () => {
    const { store, bg } = setup();
    store.navigate(deal('9001'));
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    store.navigate(deal('9005'));
    store.reveal(store.key!);
    expect(store.model()?.data).toBeNull();
    expect(store.model()?.phase).toBe('loading');
    expect(store.model()?.record.id).toBe('9005');
  });

  test('an answer that names another record than asked is not shown', async () => {
    const { store, bg } = setup();
    store.navigate(deal('9001'));
    bg.take('view.get').resolve({ ok: true, data: payload(otherDeal) });
    await flush();
    expect(store.model()).toBeNull();
  });

  test('within a record an older answer never replaces newer data', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    const get = bg.take('view.get');
    store.refresh();
    const refresh = bg.take('view.refresh');
    refresh.resolve({ ok: true, data: payload({ ...dealProposal, name: 'Fresh' }, '2025-03-10T12:04:00.000Z') });
    await flush();
    get.resolve({ ok: true, data: payload({ ...dealProposal, name: 'Old' }, '2025-03-10T11:00:00.000Z') });
    await flush();
    expect(store.model()?.data?.evaluation.name).toBe('Fresh');
  });

  test('records the playbook does not govern are hidden, and not asked about again on this page', async () => {
    const { store, bg } = setup();
    store.navigate({ portalId: PORTAL, ref: ticket.record });
    bg.take('view.get').resolve({ ok: true, data: payload(ticket) });
    await flush();
    expect(store.visibility()).toBe('hidden');
    expect(store.model()).toBeNull();
    store.navigate(deal());
    bg.take('view.get');
    store.navigate({ portalId: PORTAL, ref: { objectTypeId: ticket.record.objectTypeId, id: '78' } });
    expect(bg.pending).toHaveLength(0);
    expect(store.visibility()).toBe('hidden');
  });

  test('leaving record pages hides the sidebar', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    store.navigate(null);
    expect(store.visibility()).toBe('hidden');
    expect(store.actions()).toBeNull();
  });

  test('an error answer is shown (data-state error) with the error', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    bg.take('view.get').resolve({ ok: false, error: { code: 'no-token', message: 'No token' } });
    await flush();
    expect(store.visibility()).toBe('shown');
    expect(store.model()?.phase).toBe('error');
    expect(store.model()?.error?.code).toBe('no-token');
  });

  test('a token set later (status.changed ok) reloads the view', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    bg.take('view.get').resolve({ ok: false, error: { code: 'no-token', message: 'No token' } });
    await flush();
    store.handlePush({ tag: 'sop-sidebar/push', event: 'status.changed', status: { token: 'ok' } as never });
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    expect(store.model()?.phase).toBe('ready');
    expect(store.model()?.error).toBeNull();
  });

  test('back on the tab (recheck): an error the options page fixes asks again; data or other errors do not', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    bg.take('view.get').resolve({ ok: false, error: { code: 'no-token', message: 'No token' } });
    await flush();
    store.recheck();
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    expect(store.model()?.phase).toBe('ready');
    // With data on screen, a recheck sends nothing.
    const sent = bg.send.mock.calls.length;
    store.recheck();
    expect(bg.send.mock.calls.length).toBe(sent);
    // An error the options page cannot fix (validation) is not retried by coming back.
    store.navigate(deal('9005'));
    bg.take('view.get').resolve({ ok: false, error: { code: 'validation', message: 'bad' } });
    await flush();
    const before = bg.send.mock.calls.length;
    store.recheck();
    expect(bg.send.mock.calls.length).toBe(before);
  });

  test('pushes: view.updated replaces the data of the same record only; view.failed keeps the cache and says offline', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal, '2025-03-10T11:00:00.000Z') });
    await flush();
    store.handlePush({ tag: 'sop-sidebar/push', event: 'view.updated', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9005' }, view: payload(otherDeal, '2025-03-10T12:30:00.000Z') });
    expect(store.model()?.data?.evaluation.name).toBe(dealProposal.name);
    store.handlePush({ tag: 'sop-sidebar/push', event: 'view.updated', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9001' }, view: payload({ ...dealProposal, name: 'Updated' }, '2025-03-10T12:30:00.000Z') });
    expect(store.model()?.data?.evaluation.name).toBe('Updated');
    store.handlePush({ tag: 'sop-sidebar/push', event: 'view.failed', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9001' }, error: { code: 'offline', message: 'fetch failed' } });
    const model = store.model()!;
    expect(model.phase).toBe('ready');
    expect(model.offline).toBe(true);
    expect(model.data?.evaluation.name).toBe('Updated');
    expect(model.error?.code).toBe('offline');
  });

  test('outbox.changed keeps only the writes made from this record', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    store.handlePush({
      tag: 'sop-sidebar/push',
      event: 'outbox.changed',
      portalId: PORTAL,
      entries: [outboxEntry('aaaaaaaa', { objectTypeId: '0-3', id: '9001' }), outboxEntry('bbbbbbbb', { objectTypeId: '0-1', id: '2001' })],
    });
    expect(store.model()?.data?.outbox.map((e) => e.id)).toEqual(['aaaaaaaa']);
  });

  test('actions stay bound to the record they were rendered for', async () => {
    const { store, bg } = setup();
    store.navigate(deal('9001'));
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    const actions = store.actions()!;
    store.navigate({ portalId: PORTAL, ref: contactMql.record });
    void actions.updateProperty({ targets: [{ objectTypeId: '0-3', id: '9001' }], property: 'rate_range', value: '4-6%', label: 'Set Rate Range to 4-6%' });
    const write = bg.take('property.update');
    expect(write.message).toEqual({
      type: 'property.update',
      portalId: PORTAL,
      ref: { objectTypeId: '0-3', id: '9001' },
      targets: [{ objectTypeId: '0-3', id: '9001' }],
      property: 'rate_range',
      value: '4-6%',
      label: 'Set Rate Range to 4-6%',
    });
  });

  test('writes report sent / queued / failed', async () => {
    const { store, bg } = setup();
    store.navigate(deal());
    bg.take('view.get').resolve({ ok: true, data: payload(dealProposal) });
    await flush();
    const actions = store.actions()!;
    const note = actions.createSopNote(true);
    const create = bg.take('sopNote.create');
    expect(create.message).toEqual({ type: 'sopNote.create', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9001' }, confirmGaps: true });
    create.resolve({ ok: true, data: { sent: true, entries: [], createdIds: ['77001'] } });
    expect(await note).toEqual({ ok: true, sent: true });
    expect(store.model()?.notice).toBe('S&OP note: saved in HubSpot.');
    const entry = outboxEntry('cccccccc', { objectTypeId: '0-3', id: '9001' }, 'pending');
    const p = actions.logCall({ outcomeId: 'x', type: 'Check In - Call', direction: 'OUTBOUND', body: 'Fine', when: '2025-03-10T09:30' });
    const cadence = { moves: true, stage: 'Summary of Call', updates: [{ property: 'hs_pipeline_stage', value: '160100005' }], steps: ['Send the NPS survey.'] };
    bg.take('call.log').resolve({ ok: true, data: { sent: false, entries: [entry], createdIds: [], cadence } });
    expect(await p).toEqual({ ok: true, sent: false, cadence });
    // The outcome is announced in the sidebar (the fixed item itself leaves the open list).
    expect(store.model()?.notice).toBe('Call logged: queued, sent when HubSpot is reachable.');
    expect(store.model()?.data?.outbox.map((e) => e.id)).toEqual(['cccccccc']);
    const f = actions.applyCadence([{ property: 'contact_ratio', value: '1_month' }]);
    expect(bg.pending.at(-1)!.message).toEqual({ type: 'cadence.apply', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9001' }, updates: [{ property: 'contact_ratio', value: '1_month' }] });
    bg.take('cadence.apply').resolve({ ok: false, error: { code: 'rate-limited', message: 'slow down', retryAt: '2025-03-10T12:06:00.000Z' } });
    expect(await f).toEqual({ ok: false, error: { code: 'rate-limited', message: 'slow down', retryAt: '2025-03-10T12:06:00.000Z' } });
  });

  test('settings: learn mode and sidebar size come from the background, changes are saved there', async () => {
    const { store, bg } = setup();
    const init = store.init();
    bg.take('settings.get').resolve({ ok: true, data: settings });
    await init;
    expect(store.uiPrefs()).toEqual({ collapsed: false, width: 420 });
    store.setWidth(500, false);
    expect(bg.pending).toHaveLength(0);
    store.setWidth(9999, true);
    expect(store.uiPrefs().width).toBe(640);
    expect(bg.take('settings.set').message).toEqual({ type: 'settings.set', patch: { sidebar: { width: 640 } } });
    store.setCollapsed(true);
    expect(bg.take('settings.set').message).toEqual({ type: 'settings.set', patch: { sidebar: { collapsed: true } } });
    store.setLearnMode(false);
    const learn = bg.take('settings.set');
    expect(learn.message).toEqual({ type: 'settings.set', patch: { learnMode: { enabled: false } } });
  });
});

describe('callProperties', () => {
  test('CH-2: maps the draft to call properties with an ISO hs_timestamp', () => {
    const props = callProperties({ outcomeId: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', type: 'Check In - Call', direction: 'OUTBOUND', body: 'All <b>good</b>\nNext: Q2 review', when: '2025-03-10T09:30' });
    expect(props).toEqual({
      hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7',
      hs_activity_type: 'Check In - Call',
      hs_call_direction: 'OUTBOUND',
      // HubSpot renders the body as HTML: the rep's text is escaped, line breaks kept.
      hs_call_body: 'All &lt;b&gt;good&lt;/b&gt;<br>Next: Q2 review',
      hs_timestamp: new Date('2025-03-10T09:30').toISOString(),
    });
  });
});
