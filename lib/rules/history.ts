/**
 * A record's stage history (`propertiesWithHistory` of its stage property),
 * oldest first. SALES-SQL-1 reads the path, SALES-ENG-4 the latest entry into
 * Engaged, ACC-6 the time in the current stage, CH-7 the entry into Call 3.
 * Kept as two parallel arrays (stage ids, times): it is read for most deals.
 */
import type { RecordData } from './snapshot';
import type { Ctx } from './context';
import { parseInstant } from './dates';
import { stageProperty } from './hubspot';
import { clean, isBlank } from './values';

/** One entry of a stage history (used by lib/hubspot's engagement probes). */
export interface StageEntry {
  stageId: string;
  at: number;
}

export interface StageHistory {
  /** Stage ids, oldest first. */
  ids: string[];
  /** When each was entered (ms). */
  at: number[];
}

/** Null when the history was not loaded (unknown); entries with bad timestamps are dropped. */
export function stageHistory(ctx: Ctx, rec: RecordData): StageHistory | null {
  const c = ctx.cache(rec);
  if (c.history !== undefined) return c.history as StageHistory | null;
  const raw = rec.history ? rec.history[stageProperty(rec.objectTypeId)] : undefined;
  let out: StageHistory | null = null;
  if (Array.isArray(raw) && raw.length > 0) {
    // Parse once into exact-size arrays (most histories are a handful of entries).
    const times = new Array<number>(raw.length);
    let n = 0;
    for (let i = 0; i < raw.length; i++) {
      const h = raw[i];
      const ok = !!h && typeof h.value === 'string' && !isBlank(h.value);
      const t = ok ? parseInstant(typeof h.timestamp === 'string' ? h.timestamp : null) : null;
      times[i] = t !== null && Number.isFinite(t) ? t : NaN;
      if (times[i] === times[i]) n++;
    }
    if (n > 0) {
      const ids = new Array<string>(n);
      const at = new Array<number>(n);
      // HubSpot lists newest first: fill oldest first.
      const newestFirst = raw.length > 1 && firstValid(times) > lastValid(times);
      let k = 0;
      for (let j = 0; j < raw.length; j++) {
        const i = newestFirst ? raw.length - 1 - j : j;
        if (times[i] !== times[i]) continue;
        ids[k] = clean(raw[i]!.value);
        at[k++] = times[i]!;
      }
      let ordered = true;
      for (let i = 1; i < n; i++) if (at[i - 1]! > at[i]!) ordered = false;
      if (!ordered) {
        const idx = ids.map((_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);
        out = { ids: idx.map((i) => ids[i]!), at: idx.map((i) => at[i]!) };
      } else out = { ids, at };
    }
  }
  c.history = out;
  return out;
}

function firstValid(xs: number[]): number {
  for (const x of xs) if (x === x) return x;
  return NaN;
}

function lastValid(xs: number[]): number {
  for (let i = xs.length - 1; i >= 0; i--) if (xs[i] === xs[i]) return xs[i]!;
  return NaN;
}

/**
 * The latest time the record entered `stageId`, or null (never, or history
 * unknown). Takes the engine's history or a list of entries, oldest first.
 */
export function latestEntry(history: StageHistory | StageEntry[] | null, stageId: string): number | null {
  if (!history) return null;
  if (Array.isArray(history)) {
    let at: number | null = null;
    let prev: string | null = null;
    for (const h of history) {
      if (h.stageId === stageId && prev !== stageId) at = h.at;
      prev = h.stageId;
    }
    return at;
  }
  let at: number | null = null;
  let prev: string | null = null;
  for (let i = 0; i < history.ids.length; i++) {
    const id = history.ids[i]!;
    if (id === stageId && prev !== stageId) at = history.at[i]!;
    prev = id;
  }
  return at;
}
