/**
 * Property tests: the engine never throws and never hides an internal error
 * on arbitrary snapshots — missing properties, nulls, odd strings, unknown
 * stages and pipelines, dangling association keys, bad dates, weird time
 * zones — for both playbooks. Internal errors are caught per rule and shown
 * as unknown, so the test also asserts none was caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../../lib/playbook/types';
import type { Engagement, PortalMeta, Snapshot } from '../../../lib/rules/snapshot';
import { evaluate } from '../../../lib/rules/evaluate';
import { buildSopNote } from '../../../lib/rules/sop-note';
import { cadenceAfterCall, callLogSpec, validateCallLog } from '../../../lib/rules/call-log';
import { INTERNAL_ERROR_LABEL } from '../../../lib/rules/rules';
import { defaultPlaybook } from '../../../lib/playbook/default';
import { acmePlaybook, acmePortal } from '../../fixtures/playbooks/acme';
import { referencePortalMeta } from '../../fixtures/playbooks/reference-portal-meta';

const TYPES = ['0-1', '0-2', '0-3', '0-5', '2-9000101', '2-9000102', '2-5550001', '9-999', ''];
const IDS = ['1', '2', '3', '42', '', 'x/y'];
const ZONES = ['UTC', 'US/Eastern', 'Europe/Amsterdam', 'Asia/Kathmandu', 'Pacific/Chatham', 'Not/AZone', '', 'utc+5'];

function namesOf(portal: PortalMeta, playbook: Playbook): string[] {
  const out = new Set<string>(playbook.properties.map((p) => p.name));
  for (const defs of Object.values(portal.properties)) for (const d of defs) out.add(d.name);
  return [...out];
}

function valuesOf(portal: PortalMeta): fc.Arbitrary<string | null> {
  const ids: string[] = [];
  for (const pipes of Object.values(portal.pipelines)) for (const p of pipes) ids.push(p.id, ...p.stages.map((s) => s.id));
  const options: string[] = [];
  for (const defs of Object.values(portal.properties)) for (const d of defs) for (const o of d.options) options.push(o.value);
  return fc.oneof(
    fc.constant(null),
    fc.constantFrom('', ' ', 'yes', 'no', 'true', 'false', '0', '1,000', 'NaN', 'Infinity', ';;', 'rcm;;coding', '<script>x</script>', '#S&amp;OP'),
    fc.constantFrom(...ids),
    fc.constantFrom(...options),
    fc.constantFrom('2025-02-30', '2025-13-01', '2025-03-15', '2025-03-15T25:00:00Z', '1741996800000', '-1', '9999-12-31T23:59:59.999Z', 'yesterday'),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.string({ maxLength: 12 }),
  );
}

function snapshotArb(portal: PortalMeta, playbook: Playbook): fc.Arbitrary<Snapshot> {
  const key = fc.tuple(fc.constantFrom(...TYPES), fc.constantFrom(...IDS)).map(([t, i]) => `${t}/${i}`);
  const names = namesOf(portal, playbook);
  const props = fc.dictionary(fc.constantFrom(...names, 'whatever'), valuesOf(portal), { maxKeys: 25 });
  const timestamp = fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('', 'bad', '2025-03-01'));
  const record = fc.record(
    {
      properties: props,
      history: fc.option(fc.dictionary(fc.constantFrom('dealstage', 'hs_pipeline_stage', 'x'), fc.array(fc.record({ value: valuesOf(portal).map((v) => v ?? ''), timestamp }), { maxLength: 5 })), { nil: undefined }),
    },
    { requiredKeys: ['properties'] },
  );
  const engagement: fc.Arbitrary<Engagement> = fc.record({
    type: fc.constantFrom('note', 'call', 'email', 'meeting', 'task'),
    id: fc.constantFrom('e1', 'e2', 'e3'),
    timestamp,
    properties: fc.dictionary(fc.constantFrom('hs_note_body', 'hs_call_body', 'hs_call_disposition', 'hs_activity_type', 'hs_call_direction', 'hs_task_subject', 'hs_task_status', 'hs_timestamp'), valuesOf(portal), { maxKeys: 5 }),
    attachmentIds: fc.array(fc.constantFrom('f1', 'f2', 'f3'), { maxLength: 2 }),
  });
  const typeArb = fc.record({
    category: fc.constantFrom('HUBSPOT_DEFINED', 'USER_DEFINED') as fc.Arbitrary<'HUBSPOT_DEFINED' | 'USER_DEFINED'>,
    typeId: fc.constantFrom(1, 3, 5, 13, 14, 101, 103, 201, 7, 9, 10, 999),
    label: fc.constantFrom(null, 'Champion', 'Decision Maker', 'Primary Contact', 'Economic Buyer', 'Sponsor', 'Detractor', 'champion ', ''),
  });
  return fc
    .record({
      zone: fc.constantFrom(...ZONES),
      focus: key,
      records: fc.dictionary(key, record, { maxKeys: 8 }),
      associations: fc.array(fc.record({ from: key, to: key, types: fc.array(typeArb, { maxLength: 3 }) }), { maxLength: 12 }),
      loaded: fc.array(fc.tuple(key, fc.constantFrom(...TYPES)).map(([k, t]) => `${k}>${t}`), { maxLength: 10 }),
      engagements: fc.dictionary(key, fc.array(engagement, { maxLength: 4 }), { maxKeys: 3 }),
      files: fc.dictionary(fc.constantFrom('f1', 'f2', 'f3'), fc.record({ id: fc.constant('f'), name: fc.string({ maxLength: 20 }), extension: fc.constantFrom('pdf', 'PDF', '.pdf', 'xlsx', '') })),
      candidates: fc.option(fc.array(key, { maxLength: 4 }), { nil: undefined }),
      focusIsRecord: fc.boolean(),
    })
    .map((r) => {
      const records: Snapshot['records'] = {};
      for (const [k, v] of Object.entries(r.records)) {
        const slash = k.lastIndexOf('/');
        records[k] = { objectTypeId: k.slice(0, slash), id: k.slice(slash + 1), ...v } as Snapshot['records'][string];
      }
      const slash = r.focus.lastIndexOf('/');
      const focus = { objectTypeId: r.focus.slice(0, slash), id: r.focus.slice(slash + 1) };
      if (r.focusIsRecord && !records[r.focus]) records[r.focus] = { ...focus, properties: {} };
      return {
        portal: { ...portal, timeZone: r.zone },
        focus,
        records,
        associations: r.associations,
        loadedAssociations: r.loaded,
        engagements: r.engagements,
        files: r.files,
        duplicateCandidates: r.candidates,
        loadedAt: '2025-03-15T00:00:00Z',
      } as Snapshot;
    });
}

const nowArb = fc.oneof(fc.date({ noInvalidDate: true }), fc.constant(new Date(Number.NaN)), fc.constant(new Date('2025-03-15T15:00:00Z')));

function check(portal: PortalMeta, playbook: Playbook) {
  fc.assert(
    fc.property(snapshotArb(portal, playbook), nowArb, (snap, now) => {
      const e = evaluate(snap, playbook, now);
      expect(() => JSON.stringify(e)).not.toThrow();
      const internal = e.findings.flatMap((f) => f.items).filter((i) => i.label === INTERNAL_ERROR_LABEL);
      expect(internal).toEqual([]);
      for (const f of e.findings) expect(['met', 'missing', 'violation', 'warning', 'unknown']).toContain(f.status);
      const spec = callLogSpec(snap, playbook);
      if (spec) validateCallLog({ hs_call_body: null, hs_call_disposition: 'x' }, spec);
      cadenceAfterCall(snap, playbook, { hs_call_disposition: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', hs_activity_type: 'Check In - Call', hs_call_direction: 'OUTBOUND', hs_timestamp: 'bad' }, now);
      buildSopNote(snap, playbook);
    }),
    { numRuns: 300, seed: 20250315 },
  );
}

describe('evaluate never throws on arbitrary snapshots', () => {
  it('default playbook against the reference portal', () => check(referencePortalMeta, defaultPlaybook));
  it('Acme playbook against its portal', () => check(acmePortal, acmePlaybook));
  it('a playbook against the other company\'s portal (nothing resolves)', () => check(acmePortal, defaultPlaybook));

  it('structurally broken snapshots: nulls where objects belong', () => {
    const broken = [
      {},
      { portal: null, focus: null },
      { portal: referencePortalMeta, focus: { objectTypeId: '0-3', id: '1' }, records: null, associations: [null, { from: 1 }], loadedAssociations: 'x', engagements: { '0-3/1': [null] } },
      { portal: referencePortalMeta, focus: { objectTypeId: '0-3', id: '1' }, records: { '0-3/1': { objectTypeId: '0-3', id: '1', properties: null } }, associations: [] },
      { portal: { ...referencePortalMeta, pipelines: { '0-3': [{ id: 'p', label: null, stages: [null] }] }, owners: [null], schemas: null }, focus: { objectTypeId: '0-3', id: '1' }, records: { '0-3/1': { objectTypeId: '0-3', id: '1', properties: { pipeline: 'p' }, history: { dealstage: [null, { value: 5 }] } } } },
    ];
    for (const b of broken) {
      for (const pb of [defaultPlaybook, acmePlaybook]) {
        const e = evaluate(b as unknown as Snapshot, pb, new Date('2025-03-15T00:00:00Z'));
        expect(e.findings.flatMap((f) => f.items).filter((i) => i.label === INTERNAL_ERROR_LABEL)).toEqual([]);
      }
    }
  });
});
