/**
 * When the loader may stop loading engagements: a positive "such an
 * engagement exists" condition already met by the engagements loaded
 * (SALES-ENG-4: a note after entering Engaged makes the deal's emails and
 * meetings irrelevant), or activity properties already recent enough (LC-4,
 * LEAD-1). Conservative on purpose: when in doubt the answer is "not yet",
 * which only costs a request. Reads the data the way the engine does
 * (lib/rules: latest entry into the stage, HTML-decoded body, calendar days).
 */
import type { EngagementProbe } from '../playbook/requirements';
import type { NumberParam, Playbook } from '../playbook/types';
import type { Engagement, PipelineMeta, RecordData } from '../rules/snapshot';
import { ENGAGEMENT_BODY, pipelineProperty, stageProperty } from '../rules/hubspot';
import { latestEntry, type StageEntry } from '../rules/history';
import { htmlText, normLabel } from '../rules/values';

const DAY_MS = 86_400_000;

export function numberParam(pb: Playbook, v: NumberParam): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const p = pb.parameters?.[v.param];
  return typeof p === 'number' && Number.isFinite(p) ? p : null;
}

/** Epoch ms of a HubSpot date/datetime value (ISO string or epoch ms); null when unreadable. */
export function instant(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const v = value.trim();
  const t = /^\d{10,}$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/** The record's pipeline (by its pipeline property, else by its stage id). */
export function pipelineOf(rec: RecordData, pipelines: PipelineMeta[] | undefined): PipelineMeta | null {
  if (!pipelines || pipelines.length === 0) return null;
  const pipelineId = rec.properties[pipelineProperty(rec.objectTypeId)];
  const stageId = rec.properties[stageProperty(rec.objectTypeId)];
  return (
    pipelines.find((p) => p.id === pipelineId) ??
    (stageId ? pipelines.find((p) => p.stages.some((s) => s.id === stageId)) : undefined) ??
    null
  );
}

/** When the record last entered the stage labelled `label`; null when never, or history is unavailable. */
export function enteredStageAt(rec: RecordData, pipelines: PipelineMeta[] | undefined, label: string): number | null {
  const pipe = pipelineOf(rec, pipelines);
  const stage = pipe?.stages.find((s) => normLabel(s.label) === normLabel(label));
  const raw = rec.history?.[stageProperty(rec.objectTypeId)];
  if (!stage || !raw || raw.length === 0) return null;
  const entries: StageEntry[] = [];
  for (const h of raw) {
    const at = instant(h.timestamp);
    if (at !== null && h.value) entries.push({ stageId: h.value.trim(), at });
  }
  entries.sort((a, b) => a.at - b.at);
  return latestEntry(entries, stage.id);
}

function bodyContains(e: Engagement, needle: string): boolean {
  const lower = needle.toLowerCase();
  for (const name of ENGAGEMENT_BODY[e.type] ?? []) {
    const v = e.properties[name];
    if (typeof v === 'string' && htmlText(v).toLowerCase().includes(lower)) return true;
  }
  return false;
}

/** Whether an engagement already loaded satisfies the probe (so its other types need not be loaded). */
export function probeSatisfied(
  probe: EngagementProbe,
  rec: RecordData,
  loaded: Engagement[],
  pipelines: PipelineMeta[] | undefined,
  pb: Playbook,
  now: number,
): boolean {
  // Without an entry into the stage the engine counts any such engagement (Resolutions, SALES-ENG-4).
  const since = probe.sinceStage ? enteredStageAt(rec, pipelines, probe.sinceStage) : null;
  let earliest: number | null = null;
  if (probe.withinDays !== undefined) {
    const days = numberParam(pb, probe.withinDays);
    if (days === null || days < 1) return false;
    // One day of margin for the portal's calendar days.
    earliest = now - (days - 1) * DAY_MS;
  }
  return loaded.some((e) => {
    if (!probe.types.includes(e.type)) return false;
    const at = instant(e.timestamp);
    if (since !== null && (at === null || at < since)) return false;
    if (earliest !== null && (at === null || at < earliest)) return false;
    return probe.contains === undefined || bodyContains(e, probe.contains);
  });
}

/** Whether the record's activity properties alone show activity inside every window. */
export function activitySatisfied(rec: RecordData, properties: string[], windows: NumberParam[], pb: Playbook, now: number): boolean {
  let latest: number | null = null;
  for (const name of properties) {
    const t = instant(rec.properties[name]);
    if (t !== null && (latest === null || t > latest)) latest = t;
  }
  if (latest === null) return false;
  return windows.every((w) => {
    const days = numberParam(pb, w);
    return days !== null && days >= 1 && latest! >= now - (days - 1) * DAY_MS;
  });
}
