/**
 * The columns a result row shows besides the finding: the record's owner (by
 * name, from the portal's owners), its pipeline and stage (labels), and how
 * many days it has been in that stage.
 *
 * Days in stage, in order of preference:
 * 1. the latest entry into the current stage in the stage property's history,
 *    when the scan loaded it (deals whose rules read history: SALES-SQL-1,
 *    SALES-ENG-4);
 * 2. `hs_v2_date_entered_current_stage`, when the portal has it;
 * 3. `hs_date_entered_{stageId}` of the current stage, when the portal has it;
 * 4. the record's creation date: a record whose history says nothing has been
 *    in its stage at most that long (an upper bound, as HubSpot's own
 *    "time in stage" is for records created in their stage).
 * Records of objects without pipelines have none (null).
 */
import { instant } from '../hubspot/engagement-probes';
import { HS, stageProperty } from '../rules/hubspot';
import type { Owner, PortalMeta, RecordData } from '../rules/snapshot';
import { createdProperty, pipelineOf } from './scan-needs';
import type { RowContext } from './scan-rows';

const DAY_MS = 86_400_000;

export function ownerName(owner: Owner): string {
  const name = [owner.firstName, owner.lastName].filter((s) => s && s.trim()).join(' ').trim();
  return name || owner.email || `Owner ${owner.id}`;
}

/** When the record entered its current stage (epoch ms), by the order above; null without a stage. */
export function enteredStageAt(rec: RecordData): number | null {
  const stageId = rec.properties[stageProperty(rec.objectTypeId)]?.trim();
  if (!stageId) return null;
  const raw = rec.history?.[stageProperty(rec.objectTypeId)];
  if (raw && raw.length > 0) {
    const entries: Array<{ stageId: string; at: number }> = [];
    for (const h of raw) {
      const at = instant(h.timestamp);
      if (at !== null && h.value) entries.push({ stageId: h.value.trim(), at });
    }
    entries.sort((a, b) => a.at - b.at);
    // The latest entry into the current stage (a repeated value is no new entry).
    let entered: number | null = null;
    let prev: string | null = null;
    for (const e of entries) {
      if (e.stageId === stageId && prev !== stageId) entered = e.at;
      prev = e.stageId;
    }
    if (entered !== null) return entered;
  }
  return (
    instant(rec.properties[HS.enteredCurrentStage]) ??
    instant(rec.properties[`${HS.enteredStagePrefix}${stageId}`]) ??
    instant(rec.properties[createdProperty(rec.objectTypeId)]) ??
    instant(rec.createdAt)
  );
}

export function daysInStage(rec: RecordData, now: number): number | null {
  const at = enteredStageAt(rec);
  return at === null ? null : Math.max(0, Math.floor((now - at) / DAY_MS));
}

export interface RowContextInput {
  meta: PortalMeta;
  uiDomain: string;
  now: number;
  rules: ReadonlySet<string>;
  owners: ReadonlyMap<string, Owner>;
}

export function ownerIndex(meta: PortalMeta): Map<string, Owner> {
  return new Map(meta.owners.map((o) => [String(o.id), o]));
}

export function rowContext(rec: RecordData, input: RowContextInput): RowContext {
  const ownerId = rec.properties[HS.owner]?.trim() || null;
  const owner = ownerId ? input.owners.get(ownerId) : undefined;
  const pipe = pipelineOf(rec, input.meta.pipelines[rec.objectTypeId]);
  const stageId = rec.properties[stageProperty(rec.objectTypeId)]?.trim() || null;
  const stage = pipe?.stages.find((s) => s.id === stageId);
  return {
    uiDomain: input.uiDomain,
    portalId: input.meta.portalId,
    ownerId,
    // An id that resolves to no owner is shown as such (REC-3 fails on it).
    ownerName: owner ? ownerName(owner) : ownerId ? `Unknown owner (${ownerId})` : null,
    pipeline: pipe?.label ?? null,
    stage: stage?.label ?? stageId,
    daysInStage: pipe ? daysInStage(rec, input.now) : null,
    rules: input.rules,
  };
}
