/** Small hand-made snapshots and evaluations for the background's unit tests. */
import type { Evaluation } from '../../../lib/rules/result';
import type { PortalMeta, RecordRef, Snapshot } from '../../../lib/rules/snapshot';

export function portalMeta(portalId: number, extra: Partial<PortalMeta> = {}): PortalMeta {
  return {
    portalId,
    timeZone: 'US/Eastern',
    uiDomain: 'app.hubspot.com',
    pipelines: {},
    properties: {},
    owners: [],
    callDispositions: [],
    schemas: [],
    ...extra,
  };
}

export function snapshot(portalId: number, focus: RecordRef, others: RecordRef[] = [], loadedAt = '2025-03-01T10:00:00.000Z', pad = 0): Snapshot {
  const records: Snapshot['records'] = {};
  for (const ref of [focus, ...others]) {
    records[`${ref.objectTypeId}/${ref.id}`] = { ...ref, properties: { name: `r${ref.id}`, pad: 'x'.repeat(pad) } };
  }
  return {
    portal: portalMeta(portalId),
    focus,
    records,
    associations: [],
    loadedAssociations: [],
    engagements: {},
    files: {},
    loadedAt,
  };
}

export function evaluation(ref: RecordRef, name = 'Deal'): Evaluation {
  return {
    record: ref,
    object: 'deal',
    name,
    result: { kind: 'other' },
    findings: [],
    guidance: [],
    callLog: null,
    nextSteps: [],
  };
}
