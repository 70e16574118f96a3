/**
 * The admin page's state and actions, as a small store (the options page's
 * pattern): the scan setup from the active playbook, start / cancel, the
 * running or last scan's progress (pushed by the background, polled while
 * a scan is under way in case a push is missed), its rows (loaded in pages
 * as they come) and the table's sort, filters and page. Talks to the
 * background only through the typed protocol client; errors are values.
 */
import type { Client, PushHandler } from '../messages/client';
import { appError, type AppError } from '../messages/errors';
import type { Status } from '../messages/schemas';
import { scanCsv, type RowFilter, type ScanRow, type SortKey } from './scan-rows';
import { choiceProblem, defaultChoice, scanStartRequest, setupModel, type SetupChoice, type SetupObject } from './scan-setup';
import type { ScanProgress } from './scan-state';
import type { ViewOptions } from './scan-view';

/** Rows asked for per scan.results message. */
export const ROWS_CHUNK = 5_000;
/** Status poll while a scan is under way (pushes normally arrive first). */
export const POLL_MS = 3_000;

export interface AdminState {
  phase: 'loading' | 'ready' | 'failed';
  loadError: AppError | null;
  status: Status | null;
  model: SetupObject[];
  choice: SetupChoice;
  scan: ScanProgress | null;
  op: { busy: boolean; action: 'start' | 'cancel' | null; error: AppError | null };
  rows: ScanRow[];
  rowsScanId: string | null;
  rowsError: AppError | null;
  view: ViewOptions;
}

export interface AdminDeps {
  client: Client;
  subscribe?: (handler: PushHandler) => () => void;
  /** Runs `fn` after `ms`; returns the cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  download?: (fileName: string, text: string, type: string) => void;
  now?: () => number;
}

export interface AdminActions {
  reload(): Promise<void>;
  toggleObject(alias: string, on: boolean): void;
  toggleRules(ids: string[], on: boolean): void;
  togglePipeline(alias: string, label: string, on: boolean): void;
  startScan(): Promise<void>;
  cancel(): Promise<void>;
  sortBy(key: SortKey): void;
  filter(patch: RowFilter): void;
  clearFilters(): void;
  goToPage(page: number): void;
  exportCsv(rows: readonly ScanRow[]): void;
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

const active = (scan: ScanProgress | null) => scan !== null && (scan.state === 'running' || scan.state === 'paused');

export function initialAdminState(): AdminState {
  return {
    phase: 'loading',
    loadError: null,
    status: null,
    model: [],
    choice: { objects: [], rules: [], pipelines: {} },
    scan: null,
    op: { busy: false, action: null, error: null },
    rows: [],
    rowsScanId: null,
    rowsError: null,
    view: { sort: { key: 'record', direction: 'asc' }, filter: {}, page: 0 },
  };
}

export class AdminController {
  private state: AdminState = initialAdminState();
  private readonly listeners = new Set<(state: AdminState) => void>();
  private unsubscribe: (() => void) | null = null;
  private cancelPoll: (() => void) | null = null;
  private loadingRows = false;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(private readonly deps: AdminDeps) {
    this.schedule = deps.schedule ?? defaultSchedule;
  }

  getState(): AdminState {
    return this.state;
  }

  subscribe(listener: (state: AdminState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<AdminState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  async start(): Promise<void> {
    this.unsubscribe ??= this.deps.subscribe?.((push) => {
      if (push.event === 'scan.progress') this.progress(push.status as ScanProgress);
      if (push.event === 'status.changed') this.set({ status: push.status });
    }) ?? null;
    await this.reload();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancelPoll?.();
    this.cancelPoll = null;
    this.listeners.clear();
  }

  async reload(): Promise<void> {
    const [playbook, status, scan] = await Promise.all([
      this.deps.client.send({ type: 'playbook.get' }),
      this.deps.client.send({ type: 'status.get' }),
      this.deps.client.send({ type: 'scan.status' }),
    ]);
    const failed = [playbook, status, scan].find((r) => !r.ok);
    const model = playbook.ok ? setupModel(playbook.data.playbook) : this.state.model;
    this.set({
      phase: playbook.ok ? 'ready' : 'failed',
      loadError: failed && !failed.ok ? failed.error : null,
      status: status.ok ? status.data : this.state.status,
      model,
      choice: this.state.model.length === 0 && playbook.ok ? defaultChoice(model) : this.state.choice,
    });
    if (scan.ok) this.progress(scan.data as ScanProgress);
  }

  // ── Setup ────────────────────────────────────────────────────────────

  toggleObject(alias: string, on: boolean): void {
    const objects = this.state.model.map((o) => o.alias).filter((a) => (a === alias ? on : this.state.choice.objects.includes(a)));
    this.set({ choice: { ...this.state.choice, objects } });
  }

  /** Checks or unchecks rules (one, or a group's "select all"). */
  toggleRules(ids: string[], on: boolean): void {
    const set = new Set(this.state.choice.rules);
    for (const id of ids) if (on) set.add(id); else set.delete(id);
    const order = this.state.model.flatMap((o) => o.rules.map((r) => r.id));
    this.set({ choice: { ...this.state.choice, rules: order.filter((id) => set.has(id)) } });
  }

  togglePipeline(alias: string, label: string, on: boolean): void {
    const all = this.state.model.find((o) => o.alias === alias)?.pipelines.map((p) => p.label) ?? [];
    const current = new Set(this.state.choice.pipelines[alias] ?? []);
    if (on) current.add(label); else current.delete(label);
    this.set({ choice: { ...this.state.choice, pipelines: { ...this.state.choice.pipelines, [alias]: all.filter((l) => current.has(l)) } } });
  }

  // ── Scan ─────────────────────────────────────────────────────────────

  async startScan(): Promise<void> {
    const problem = choiceProblem(this.state.model, this.state.choice);
    if (problem) {
      this.set({ op: { busy: false, action: 'start', error: appError('validation', problem) } });
      return;
    }
    this.set({ op: { busy: true, action: 'start', error: null } });
    const res = await this.deps.client.send(scanStartRequest(this.state.model, this.state.choice));
    if (!res.ok) {
      this.set({ op: { busy: false, action: 'start', error: res.error } });
      return;
    }
    this.set({ op: { busy: false, action: null, error: null }, view: { ...this.state.view, filter: {}, page: 0 } });
    this.progress(res.data as ScanProgress);
  }

  async cancel(): Promise<void> {
    const scanId = this.state.scan?.scanId;
    if (!scanId) return;
    this.set({ op: { busy: true, action: 'cancel', error: null } });
    const res = await this.deps.client.send({ type: 'scan.cancel', scanId });
    if (!res.ok) {
      this.set({ op: { busy: false, action: 'cancel', error: res.error } });
      return;
    }
    this.set({ op: { busy: false, action: null, error: null } });
    this.progress(res.data as ScanProgress);
  }

  /** A status from a push, a poll or an answer: newer scans replace older ones; rows follow. */
  private progress(scan: ScanProgress): void {
    const current = this.state.scan;
    if (current?.scanId && current.scanId === scan.scanId) {
      // Pushes and polls can cross: never go back from an end state, or to fewer records.
      if (!active(current) && active(scan)) return;
      if (active(current) && active(scan) && scan.processed < current.processed) return;
    }
    if (scan.scanId !== this.state.rowsScanId) this.set({ scan, rows: [], rowsScanId: scan.scanId, rowsError: null });
    else this.set({ scan });
    void this.loadRows();
    this.cancelPoll?.();
    this.cancelPoll = null;
    if (active(scan)) this.cancelPoll = this.schedule(() => void this.poll(), POLL_MS);
  }

  private async poll(): Promise<void> {
    this.cancelPoll = null;
    const scanId = this.state.scan?.scanId;
    if (!scanId) return;
    const res = await this.deps.client.send({ type: 'scan.status', scanId });
    if (res.ok) this.progress(res.data as ScanProgress);
    else if (active(this.state.scan)) this.cancelPoll = this.schedule(() => void this.poll(), POLL_MS);
  }

  /** Loads the rows not yet here (single flight; loops while the scan adds more). */
  private async loadRows(): Promise<void> {
    if (this.loadingRows) return;
    this.loadingRows = true;
    try {
      for (;;) {
        const scan = this.state.scan;
        if (!scan?.scanId || this.state.rows.length >= scan.rows) return;
        const scanId = scan.scanId;
        const res = await this.deps.client.send({ type: 'scan.results', scanId, offset: this.state.rows.length, limit: ROWS_CHUNK });
        if (this.state.rowsScanId !== scanId) continue;
        if (!res.ok) {
          this.set({ rowsError: res.error });
          return;
        }
        if (res.data.rows.length === 0) return;
        this.set({ rows: [...this.state.rows, ...(res.data.rows as unknown as ScanRow[])], rowsError: null });
      }
    } finally {
      this.loadingRows = false;
    }
  }

  // ── Table ────────────────────────────────────────────────────────────

  /** Sorts by a column; the same column again flips the direction. */
  sortBy(key: SortKey): void {
    const { sort } = this.state.view;
    const direction = sort.key === key ? (sort.direction === 'asc' ? 'desc' : 'asc') : key === 'days' ? 'desc' : 'asc';
    this.set({ view: { ...this.state.view, sort: { key, direction }, page: 0 } });
  }

  filter(patch: RowFilter): void {
    const filter: RowFilter = { ...this.state.view.filter, ...patch };
    for (const k of Object.keys(patch) as Array<keyof RowFilter>) if (patch[k] === undefined || patch[k] === '') delete filter[k];
    this.set({ view: { ...this.state.view, filter, page: 0 } });
  }

  clearFilters(): void {
    this.set({ view: { ...this.state.view, filter: {}, page: 0 } });
  }

  goToPage(page: number): void {
    this.set({ view: { ...this.state.view, page: Math.max(0, page) } });
  }

  /** Downloads `rows` (the filtered table, in its order) as CSV: the table's columns, formula-safe. */
  exportCsv(rows: readonly ScanRow[]): void {
    const at = this.state.scan?.finishedAt ?? this.state.scan?.startedAt ?? new Date((this.deps.now ?? Date.now)()).toISOString();
    this.deps.download?.(`sop-compliance-scan-${at.slice(0, 10)}.csv`, scanCsv(rows), 'text/csv;charset=utf-8');
  }
}

/** The actions the view calls (bound, so they can be passed as props). */
export function bindAdminActions(c: AdminController): AdminActions {
  return {
    reload: () => c.reload(),
    toggleObject: (a, on) => c.toggleObject(a, on),
    toggleRules: (ids, on) => c.toggleRules(ids, on),
    togglePipeline: (a, l, on) => c.togglePipeline(a, l, on),
    startScan: () => c.startScan(),
    cancel: () => c.cancel(),
    sortBy: (k) => c.sortBy(k),
    filter: (f) => c.filter(f),
    clearFilters: () => c.clearFilters(),
    goToPage: (p) => c.goToPage(p),
    exportCsv: (rows) => c.exportCsv(rows),
  };
}
