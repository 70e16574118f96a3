/**
 * A scan's persisted state and the status the admin page sees. Saved after
 * every page (lib/admin/scan-store.ts), so a closed page or a restarted
 * service worker loses at most the page in flight: the scan resumes from the
 * cursor of each object, with its counts and rows.
 */
import type { AppError } from '../messages/errors';
import type { ScanStatus } from '../messages/schemas';
import { searchFloor } from './scan-floor';
import type { PartitionCursor } from './scan-partition';
import type { ScanSelection } from './scan-selection';

export type ScanState = 'running' | 'paused' | 'done' | 'cancelled' | 'failed';

export interface PartitionState {
  alias: string;
  cursor: PartitionCursor;
  processed: number;
  /** HubSpot's `total` on the partition's first page (null before it). */
  total: number | null;
}

export interface ScanRecord {
  scanId: string;
  portalId: number;
  uiDomain: string;
  /** The playbook the scan evaluates with (a changed playbook stops a resumed scan). */
  playbookKey: string;
  state: ScanState;
  selection: ScanSelection;
  partitions: PartitionState[];
  processed: number;
  rows: number;
  /** Violations and warnings by rule ID (the summary). */
  byRule: Record<string, number>;
  /** HTTP requests the scan sent. */
  requests: number;
  /** The floor's per-page part (scan-floor.ts); the search part follows from the partitions. */
  floorExtra: number;
  startedAt: number;
  finishedAt: number | null;
  /** Time spent reading pages (pauses excluded), for the rate. */
  activeMs: number;
  resumeAt: number | null;
  error: AppError | null;
  /** Records kept for the scan-wide duplicate check (ACC-9). */
  duplicateEntries: number;
  /** The duplicate check ran (its rows are saved). */
  duplicatesChecked: boolean;
}

export interface ScanProgress extends ScanStatus {
  requests: number;
  floorRequests: number;
  recordsPerSecond: number | null;
  etaSeconds: number | null;
  objects: Array<{ alias: string; label: string; processed: number; total: number | null; done: boolean; pipelines: string[] | null }>;
  ruleIds: string[];
  byRule: Record<string, number>;
  limit: number | null;
}

/** Records the scan will read: every partition's first-page total (null until all are known), capped by the limit. */
export function totalOf(rec: Pick<ScanRecord, 'partitions' | 'selection'>): number | null {
  let sum = 0;
  for (const p of rec.partitions) {
    if (p.total === null) return null;
    // A partition can grow or shrink while it is read: never below what was read.
    sum += p.cursor.done ? p.processed : Math.max(p.total, p.processed);
  }
  return rec.selection.limit !== null ? Math.min(rec.selection.limit, sum) : sum;
}

export function floorOf(rec: Pick<ScanRecord, 'partitions' | 'floorExtra'>): number {
  return rec.partitions.reduce((n, p) => n + searchFloor(p.processed), 0) + rec.floorExtra;
}

/** The next partition to read: every partition's first page first (so the total is known early), then in order. */
export function nextPartition<T extends { cursor: PartitionCursor }>(partitions: readonly T[]): T | null {
  return partitions.find((p) => !p.cursor.done && p.cursor.lastId === null) ?? partitions.find((p) => !p.cursor.done) ?? null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function progressOf(rec: ScanRecord, now: number): ScanProgress {
  const total = totalOf(rec);
  const rate = rec.activeMs >= 1_000 && rec.processed > 0 ? rec.processed / (rec.activeMs / 1_000) : null;
  const left = total !== null ? Math.max(0, total - rec.processed) : null;
  const running = rec.state === 'running' || rec.state === 'paused';
  let eta: number | null = null;
  if (running && rate && left !== null) {
    eta = Math.ceil(left / rate);
    if (rec.state === 'paused' && rec.resumeAt) eta += Math.max(0, Math.ceil((rec.resumeAt - now) / 1_000));
  }
  return {
    scanId: rec.scanId,
    state: rec.state,
    startedAt: iso(rec.startedAt),
    finishedAt: iso(rec.finishedAt),
    processed: rec.processed,
    total,
    rows: rec.rows,
    resumeAt: rec.state === 'paused' ? iso(rec.resumeAt) : null,
    error: rec.error,
    requests: rec.requests,
    floorRequests: floorOf(rec),
    recordsPerSecond: rate === null ? null : Math.round(rate * 10) / 10,
    etaSeconds: eta,
    objects: rec.partitions.map((p) => {
      const t = rec.selection.targets.find((x) => x.alias === p.alias);
      return { alias: p.alias, label: t?.label ?? p.alias, processed: p.processed, total: p.total, done: p.cursor.done, pipelines: t?.pipelineLabels ?? null };
    }),
    ruleIds: rec.selection.ruleIds,
    byRule: rec.byRule,
    limit: rec.selection.limit,
  };
}

export function idleProgress(): ScanProgress {
  return {
    scanId: null,
    state: 'idle',
    startedAt: null,
    finishedAt: null,
    processed: 0,
    total: null,
    rows: 0,
    resumeAt: null,
    error: null,
    requests: 0,
    floorRequests: 0,
    recordsPerSecond: null,
    etaSeconds: null,
    objects: [],
    ruleIds: [],
    byRule: {},
    limit: null,
  };
}
