import { describe, expect, test } from 'vitest';
import { daysInStage, enteredStageAt, ownerIndex, rowContext } from '../../../lib/admin/scan-row-context';
import type { RecordData } from '../../../lib/rules/snapshot';
import { referencePortalMeta as meta } from '../../fixtures/playbooks/reference-portal-meta';

const DAY = 86_400_000;
const NOW = Date.parse('2025-03-10T12:00:00.000Z');
const iso = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();

function deal(properties: Record<string, string | null>, history?: RecordData['history']): RecordData {
  return { objectTypeId: '0-3', id: '1', properties: { pipeline: '78110001', dealstage: '150100003', ...properties }, ...(history ? { history } : {}) };
}

describe('days in stage', () => {
  test('from the stage history: the latest entry into the current stage (back and forth counts the return)', () => {
    const rec = deal({}, { dealstage: [
      { value: '150100003', timestamp: iso(5) },
      { value: '150100002', timestamp: iso(20) },
      { value: '150100003', timestamp: iso(40) },
      { value: '150100001', timestamp: iso(60) },
    ] });
    expect(daysInStage(rec, NOW)).toBe(5);
  });

  test('without history: hs_v2_date_entered_current_stage, then hs_date_entered_{stage}, then the creation date', () => {
    expect(daysInStage(deal({ hs_v2_date_entered_current_stage: iso(12), createdate: iso(90) }), NOW)).toBe(12);
    expect(daysInStage(deal({ hs_date_entered_150100003: String(NOW - 7 * DAY), createdate: iso(90) }), NOW)).toBe(7);
    expect(daysInStage(deal({ createdate: iso(90) }), NOW)).toBe(90);
    expect(enteredStageAt(deal({ dealstage: null }))).toBeNull();
  });
});

describe('row context', () => {
  test('owner by name (an unknown id says so), pipeline and stage labels, days only for pipelined records', () => {
    const owners = ownerIndex(meta);
    const owner = meta.owners[0]!;
    const ctx = rowContext(deal({ hubspot_owner_id: owner.id, createdate: iso(3) }), { meta, uiDomain: 'app.hubspot.com', now: NOW, rules: new Set(), owners });
    expect(ctx).toMatchObject({ ownerId: owner.id, pipeline: 'New Business', stage: 'Proposal', daysInStage: 3 });
    expect(ctx.ownerName).toBe([owner.firstName, owner.lastName].join(' '));
    const stranger = rowContext(deal({ hubspot_owner_id: '999' }), { meta, uiDomain: 'app.hubspot.com', now: NOW, rules: new Set(), owners });
    expect(stranger.ownerName).toBe('Unknown owner (999)');
    const contact = rowContext({ objectTypeId: '0-1', id: '5', properties: { hubspot_owner_id: null } }, { meta, uiDomain: 'app.hubspot.com', now: NOW, rules: new Set(), owners });
    expect(contact).toMatchObject({ ownerId: null, ownerName: null, pipeline: null, stage: null, daysInStage: null });
  });
});
