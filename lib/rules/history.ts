/**
 * A record's stage history (`propertiesWithHistory` of its stage property),
 * oldest first. SALES-SQL-1 reads the path, SALES-ENG-4 the latest entry into
 * Engaged, ACC-6 the time in the current stage, CH-7 the entry into Call 3.
 */
import type { RecordData } from './snapshot';
import type { Ctx } from './context';
import { parseInstant } from './dates';
import { stageProperty } from './hubspot';
import { clean, isBlank } from './values';

export interface StageEntry {
  stageId: string;
  at: number;
}

/** Null when the history was not loaded (unknown); entries with bad timestamps are dropped. */
export function stageHistory(ctx: Ctx, rec: RecordData): StageEntry[] | null {
  const c = ctx.cache(rec);
  if (c.history !== undefined) return c.history as StageEntry[] | null;
  const raw = rec.history ? rec.history[stageProperty(rec.objectTypeId)] : undefined;
  let out: StageEntry[] | null = null;
  if (Array.isArray(raw) && raw.length > 0) {
    out = [];
    for (const h of raw) {
      if (!h || typeof h.value !== 'string' || isBlank(h.value)) continue;
      const at = parseInstant(typeof h.timestamp === 'string' ? h.timestamp : null);
      if (at === null || !Number.isFinite(at)) continue;
      out.push({ stageId: clean(h.value), at });
    }
    // HubSpot lists newest first: reverse, and sort only when the stamps are not already in order.
    if (out.length > 1 && out[0]!.at > out[out.length - 1]!.at) out.reverse();
    let ordered = true;
    for (let i = 1; i < out.length; i++) if (out[i - 1]!.at > out[i]!.at) ordered = false;
    if (!ordered) out.sort((a, b) => a.at - b.at);
    if (out.length === 0) out = null;
  }
  c.history = out;
  return out;
}

/** The latest time the record entered `stageId`, or null (never, or history unknown). */
export function latestEntry(history: StageEntry[] | null, stageId: string): number | null {
  if (!history) return null;
  let at: number | null = null;
  let prev: string | null = null;
  for (const h of history) {
    if (h.stageId === stageId && prev !== stageId) at = h.at;
    prev = h.stageId;
  }
  return at;
}
