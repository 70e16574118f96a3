import { describe, expect, it } from 'vitest';
import { PRIVILEGED, requestSchema, responseDataSchemas, pushSchema, PUSH_TAG } from '../../../lib/messages/protocol';

const ref = { objectTypeId: '0-3', id: '9001' };

describe('request schema', () => {
  it('accepts every documented request shape', () => {
    const valid = [
      { type: 'view.get', portalId: 123, ref },
      { type: 'view.refresh', portalId: 123, ref },
      { type: 'property.update', portalId: 123, ref, property: 'dealstage', value: 'x' },
      { type: 'property.update', portalId: 123, ref, targets: [ref], property: 'a_b', value: '', label: 'Set A' },
      { type: 'call.log', portalId: 123, ref, properties: { hs_call_body: 'hi' } },
      { type: 'sopNote.create', portalId: 123, ref, confirmGaps: true },
      { type: 'cadence.apply', portalId: 123, ref, updates: [{ property: 'next_date', value: '2025-01-01' }] },
      { type: 'outbox.list' },
      { type: 'outbox.retry', id: 'abcdef0123456789' },
      { type: 'outbox.discard', id: 'abcdef0123456789' },
      { type: 'settings.get' },
      { type: 'settings.set', patch: { sidebar: { collapsed: true } } },
      { type: 'status.get', portalId: 1 },
      { type: 'playbook.get' },
      { type: 'options.open' },
      { type: 'token.set', token: 'pat-na1-0000-1111' },
      { type: 'token.verify' },
      { type: 'token.clear' },
      { type: 'playbook.import', json: '{}' },
      { type: 'playbook.export' },
      { type: 'playbook.reset' },
      { type: 'playbook.lint' },
      { type: 'scan.start', objects: ['deal'] },
      { type: 'scan.cancel', scanId: 's1' },
      { type: 'scan.status' },
      { type: 'scan.results', scanId: 's1', offset: 0, limit: 100 },
    ];
    for (const m of valid) expect(requestSchema.safeParse(m).success, JSON.stringify(m)).toBe(true);
    // Every request type has a response schema.
    const types = new Set(valid.map((m) => m.type));
    expect(new Set(Object.keys(responseDataSchemas))).toEqual(types);
  });

  it('rejects unknown types, extra fields and malformed values', () => {
    const invalid = [
      { type: 'options.open', url: 'https://evil.example' },
      { type: 'view.delete', portalId: 1, ref },
      { type: 'view.get', portalId: 1, ref, extra: true },
      { type: 'view.get', portalId: -1, ref },
      { type: 'view.get', portalId: 1, ref: { objectTypeId: 'deals', id: '1' } },
      { type: 'view.get', portalId: 1, ref: { objectTypeId: '0-3', id: '1/../2' } },
      { type: 'property.update', portalId: 1, ref, property: 'bad name', value: 'x' },
      { type: 'token.set', token: 'has space in it' },
      { type: 'settings.set', patch: { apiTier: 120 } },
      { type: 'settings.set', patch: { sidebar: { width: 10 } } },
      { type: 'cadence.apply', portalId: 1, ref, updates: [] },
      null,
      'view.get',
      {},
    ];
    for (const m of invalid) expect(requestSchema.safeParse(m).success, JSON.stringify(m)).toBe(false);
  });

  it('marks token, playbook changes and scans as privileged, sidebar messages not', () => {
    expect(PRIVILEGED.has('token.set')).toBe(true);
    expect(PRIVILEGED.has('playbook.import')).toBe(true);
    expect(PRIVILEGED.has('scan.start')).toBe(true);
    expect(PRIVILEGED.has('view.get')).toBe(false);
    expect(PRIVILEGED.has('property.update')).toBe(false);
  });

  it('push messages carry the tag; requests are not pushes', () => {
    expect(pushSchema.safeParse({ type: 'view.get', portalId: 1, ref }).success).toBe(false);
    expect(
      pushSchema.safeParse({ tag: PUSH_TAG, event: 'outbox.changed', portalId: 1, entries: [] }).success,
    ).toBe(true);
    expect(pushSchema.safeParse({ event: 'outbox.changed', portalId: 1, entries: [] }).success).toBe(false);
  });
});
