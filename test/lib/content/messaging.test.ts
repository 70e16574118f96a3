import { describe, expect, test } from 'vitest';
import { createContentSend, parsePush, PUSH_TAG } from '../../../lib/content/messaging';
import { KNOWN_ERROR_CODES, isOutboxEntry, isSettings, isViewPayload, isWriteResult, isAppError } from '../../../lib/content/guards';
import { PUSH_TAG as PROTOCOL_PUSH_TAG, pushSchema } from '../../../lib/messages/protocol';
import { ERROR_CODES, appErrorSchema } from '../../../lib/messages/errors';
import { SIDEBAR_WIDTH, outboxEntrySchema, settingsSchema, viewPayloadSchema, writeResultSchema } from '../../../lib/messages/schemas';
import { SIDEBAR_DEFAULT_WIDTH, SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH } from '../../../lib/content/view-model';
import { clientHubOverdue, companyAtRisk, contactMql, dealProposal, dealWon, otherRecord } from '../../fixtures/evaluations';
import { PORTAL, outboxEntry, payload, settings } from './store-fixtures';

describe('the zod-free copies stay in step with the protocol', () => {
  test('error codes, push tag and sidebar widths are the protocol’s', () => {
    expect([...KNOWN_ERROR_CODES]).toEqual([...ERROR_CODES]);
    expect(PUSH_TAG).toBe(PROTOCOL_PUSH_TAG);
    expect({ min: SIDEBAR_MIN_WIDTH, max: SIDEBAR_MAX_WIDTH, default: SIDEBAR_DEFAULT_WIDTH }).toEqual(SIDEBAR_WIDTH);
  });

  const views = [dealProposal, dealWon, contactMql, companyAtRisk, clientHubOverdue, otherRecord].map((e) =>
    payload(e, '2025-03-10T12:00:00.000Z', [outboxEntry('abcdefgh', e.record.id === '9001' ? e.record : null)]),
  );

  test('guards accept what the schemas accept (every fixture view)', () => {
    for (const view of views) {
      expect(viewPayloadSchema.safeParse(view).success).toBe(true);
      expect(isViewPayload(view)).toBe(true);
    }
    expect(settingsSchema.safeParse(settings).success && isSettings(settings)).toBe(true);
    const write = { sent: false, entries: [outboxEntry('abcdefgh', null, 'pending')], createdIds: [] };
    expect(writeResultSchema.safeParse(write).success && isWriteResult(write)).toBe(true);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations reach into arbitrary depths of a cloned payload
  type Loose = Record<string, any>;
  const mutations: Array<[string, (v: Loose) => void]> = [
    ['evaluation missing', (v) => delete v.evaluation],
    ['findings not an array', (v) => (v.evaluation.findings = {})],
    ['finding with a bad status', (v) => (v.evaluation.findings[0].status = 'fine')],
    ['finding without items', (v) => delete v.evaluation.findings[0].items],
    ['unknown result kind', (v) => (v.evaluation.result.kind = 'lead')],
    ['name not a string', (v) => (v.evaluation.name = 42)],
    ['nextSteps entry without text', (v) => (v.evaluation.nextSteps = [{ ruleId: 'X' }])],
    ['snapshotMeta.stale missing', (v) => delete v.snapshotMeta.stale],
    ['outbox entry with bad status', (v) => (v.outbox[0].status = 'lost')],
    ['outbox entry with bad error code', (v) => (v.outbox[0].error = { code: 'boom', message: 'x' })],
  ];

  test.each(mutations)('guards refuse what the schemas refuse: %s', (_name, mutate) => {
    const view = structuredClone(views[0]!) as Loose;
    mutate(view);
    expect(viewPayloadSchema.safeParse(view).success).toBe(false);
    expect(isViewPayload(view)).toBe(false);
  });

  test('outbox entries, errors and settings: refused alike', () => {
    const bad = [{ ...outboxEntry('abcdefgh', null), attempts: 1.5 }, { ...outboxEntry('abcdefgh', null), record: { objectTypeId: 'deal', id: '1' } }];
    for (const entry of bad) expect([outboxEntrySchema.safeParse(entry).success, isOutboxEntry(entry)]).toEqual([false, false]);
    for (const err of [{ code: 'offline' }, { code: 'offline', message: 1 }, { code: 'nope', message: 'x' }]) {
      expect([appErrorSchema.safeParse(err).success, isAppError(err)]).toEqual([false, false]);
    }
    const cadence = { moves: true, stage: 'Summary of Call', updates: [{ property: 'hs_pipeline_stage', value: '1' }], steps: ['x'] };
    const withCadence = { sent: true, entries: [], createdIds: ['1'], cadence };
    expect([writeResultSchema.safeParse(withCadence).success, isWriteResult(withCadence)]).toEqual([true, true]);
    const badCadence = { ...withCadence, cadence: { ...cadence, updates: { hs_pipeline_stage: '1' } } };
    expect([writeResultSchema.safeParse(badCadence).success, isWriteResult(badCadence)]).toEqual([false, false]);
    const wide = { ...settings, sidebar: { collapsed: false, width: 900 } };
    expect([settingsSchema.safeParse(wide).success, isSettings(wide)]).toEqual([false, false]);
  });
});

describe('createContentSend', () => {
  const ref = { objectTypeId: '0-3', id: '9001' };

  test('passes the request through and returns checked data', async () => {
    const seen: unknown[] = [];
    const send = createContentSend(async (m) => {
      seen.push(m);
      return { ok: true, data: payload(dealProposal) };
    });
    const res = await send({ type: 'view.get', portalId: PORTAL, ref });
    expect(seen).toEqual([{ type: 'view.get', portalId: PORTAL, ref }]);
    expect(res.ok && res.data.evaluation.name).toBe(dealProposal.name);
  });

  test('background errors come back as values', async () => {
    const send = createContentSend(async () => ({ ok: false, error: { code: 'daily-limit', message: 'Daily limit', retryAt: '2025-03-11T05:00:00.000Z' } }));
    expect(await send({ type: 'view.get', portalId: PORTAL, ref })).toEqual({ ok: false, error: { code: 'daily-limit', message: 'Daily limit', retryAt: '2025-03-11T05:00:00.000Z' } });
  });

  test.each([
    ['a reloaded extension', new Error('Extension context invalidated.'), 'extension-updated'],
    ['a missing background', new Error('Could not establish connection. Receiving end does not exist.'), 'unavailable'],
    ['anything else', new Error('boom'), 'internal'],
  ])('transport failure (%s) becomes an error value', async (_name, thrown, code) => {
    const send = createContentSend(async () => {
      throw thrown;
    });
    const res = await send({ type: 'settings.get' });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.code).toBe(code);
  });

  test.each([
    ['no answer', undefined, 'unavailable'],
    ['not an object', 'hello', 'internal'],
    ['data of the wrong shape', { ok: true, data: { evaluation: {} } }, 'internal'],
    ['malformed error', { ok: false, error: { code: 'weird' } }, 'internal'],
  ])('%s is an error, never rendered', async (_name, raw, code) => {
    const send = createContentSend(async () => raw);
    const res = await send({ type: 'view.get', portalId: PORTAL, ref });
    expect(!res.ok && res.error.code).toBe(code);
  });
});

describe('parsePush', () => {
  const pushes = [
    { tag: PUSH_TAG, event: 'view.updated', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9001' }, view: payload(dealProposal) },
    { tag: PUSH_TAG, event: 'view.failed', portalId: PORTAL, ref: { objectTypeId: '0-3', id: '9001' }, error: { code: 'offline', message: 'x' } },
    { tag: PUSH_TAG, event: 'outbox.changed', portalId: PORTAL, entries: [outboxEntry('abcdefgh', null)] },
  ];

  test('accepts the pushes the protocol defines', () => {
    for (const push of pushes) {
      expect(pushSchema.safeParse(push).success).toBe(true);
      expect(parsePush(push)).toEqual(push);
    }
  });

  test('ignores requests, other tags, scan progress and malformed pushes', () => {
    expect(parsePush({ type: 'view.get', portalId: PORTAL })).toBeNull();
    expect(parsePush({ ...pushes[0], tag: 'other' })).toBeNull();
    expect(parsePush({ tag: PUSH_TAG, event: 'scan.progress', status: {} })).toBeNull();
    expect(parsePush({ ...pushes[0], ref: { objectTypeId: '0-3', id: 'x' } })).toBeNull();
    expect(parsePush({ ...pushes[1], error: 'offline' })).toBeNull();
    expect(parsePush(null)).toBeNull();
  });
});
