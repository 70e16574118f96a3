/**
 * The compliance scan runner (issue 6), in the background service worker:
 * it answers scan.start / scan.cancel / scan.status / scan.results through
 * the background's scan seam (lib/background/scan-registry.ts).
 *
 * A scan reads every selected object page by page (scan-partition.ts: never
 * past HubSpot's 10,000-result search cap), loads what the selected rules
 * need for the whole page (scan-page.ts), evaluates each record with the
 * engine the sidebar uses and keeps the failing findings as rows
 * (scan-rows.ts). Every request goes through the rate limiter's bulk lane
 * (the seam's client), so the sidebar stays responsive during a scan.
 *
 * After every page the state is saved (scan-store.ts). A rate-limit pause
 * longer than the worker may wait becomes `paused` with `resumeAt` and an
 * alarm; a stopped worker resumes the scan when it starts again (the
 * background calls `resume()`), and a heartbeat alarm after each page wakes
 * a worker that was stopped mid-scan.
 */
import { HubSpotOfflineError, HubSpotServerError } from '../hubspot/errors';
import type { HubSpotClient } from '../hubspot/client';
import type { SearchPage } from '../hubspot/types';
import { AppErrorException, appError } from '../messages/errors';
import type { RequestOf } from '../messages/protocol';
import type { ScanResults } from '../messages/schemas';
import type { Playbook } from '../playbook/types';
import type { Owner, PortalMeta } from '../rules/snapshot';
import { toAppError, retryAtOf } from '../background/errors';
import type { ScanContext, ScanRunner, ScanRunnerFactory } from '../background/scan-registry';
import { duplicateKeys, duplicateRows, duplicateRules, type DuplicateEntry } from './scan-duplicates';
import { ScanNeeds } from './scan-needs';
import { loadPage } from './scan-page';
import { advance, pageRequest, SEARCH_PAGE, type PartitionCursor } from './scan-partition';
import { ownerIndex, rowContext } from './scan-row-context';
import { rowsFor, type ScanRow } from './scan-rows';
import { objectTypesOf, resolveSelection } from './scan-selection';
import { idleProgress, nextPartition, progressOf, type ScanProgress, type ScanRecord } from './scan-state';
import { ScanStore } from './scan-store';

/** A worker stopped mid-scan is woken by this alarm, re-armed after every page. */
const HEARTBEAT_MS = 60_000;
/** Pages in flight at once (see `pages`). */
const PIPELINE_DEPTH = 2;
/** After a network failure or a HubSpot 5xx that outlived the limiter's retries. */
const OFFLINE_RETRY_MS = 30_000;

export interface ScanRunnerOptions {
  store?: ScanStore;
  /** Records per search page (≤ 200; tests use less). */
  pageSize?: number;
}

interface Session {
  client: HubSpotClient;
  playbook: Playbook;
  meta: PortalMeta;
  typeOf: Record<string, string | null>;
  needs: Map<string, ScanNeeds>;
  owners: Map<string, Owner>;
  /** Rules answered by the end-of-scan duplicate check. */
  duplicateRules: Set<string>;
}

interface PageResult {
  alias: string;
  cursor: PartitionCursor;
  total: number;
  records: number;
  rows: ScanRow[];
  dupes: DuplicateEntry[];
  requests: number;
  floor: number;
}

function newScanId(now: number): string {
  const random = Math.floor(Math.random() * 0xffffffff).toString(36);
  return `scan-${now.toString(36)}-${random}`;
}

export class ScanService implements ScanRunner {
  readonly store: ScanStore;
  private readonly pageSize: number;
  private loop: { scanId: string; promise: Promise<void> } | null = null;
  private readonly cancelled = new Set<string>();
  private starting: Promise<void> = Promise.resolve();

  constructor(private readonly ctx: ScanContext, options: ScanRunnerOptions = {}) {
    this.store = options.store ?? new ScanStore();
    this.pageSize = Math.min(SEARCH_PAGE, Math.max(1, options.pageSize ?? SEARCH_PAGE));
  }

  async start(request: RequestOf<'scan.start'>): Promise<ScanProgress> {
    // Two starts at once (two admin tabs) must not both pass the check below.
    const previous = this.starting;
    let release: () => void = () => undefined;
    this.starting = new Promise<void>((r) => (release = r));
    try {
      await previous;
      return await this.startOne(request);
    } finally {
      release();
    }
  }

  private async startOne(request: RequestOf<'scan.start'>): Promise<ScanProgress> {
    const currentId = await this.store.pointer('current');
    const current = currentId ? await this.store.get(currentId) : null;
    if (current && (current.state === 'running' || current.state === 'paused')) {
      throw new AppErrorException(appError('validation', 'A scan is already under way: cancel it or wait for it to finish.'));
    }
    const { portalId, uiDomain } = await this.ctx.client();
    const active = await this.ctx.playbook();
    const meta = await this.ctx.portalMeta();
    const selection = resolveSelection(request, active.playbook, meta);
    const now = this.ctx.now();
    const rec: ScanRecord = {
      scanId: newScanId(now),
      portalId,
      uiDomain: uiDomain ?? meta.uiDomain ?? 'app.hubspot.com',
      playbookKey: active.key,
      state: 'running',
      selection,
      partitions: selection.targets.map((t) => ({ alias: t.alias, cursor: { lastId: null, done: false }, processed: 0, total: null })),
      processed: 0,
      rows: 0,
      byRule: {},
      requests: 0,
      floorExtra: 0,
      startedAt: now,
      finishedAt: null,
      activeMs: 0,
      resumeAt: null,
      error: null,
      duplicateEntries: 0,
      duplicatesChecked: false,
    };
    // Only the last scan is kept besides this one.
    const last = await this.store.pointer('last');
    for (const id of await this.store.scanIds()) if (id !== last) await this.store.delete(id);
    await this.store.put(rec);
    await this.store.setPointer('current', rec.scanId);
    const status = progressOf(rec, now);
    this.ctx.progress(status);
    this.kick(rec.scanId);
    return status;
  }

  async cancel(scanId: string): Promise<ScanProgress> {
    const rec = await this.require(scanId);
    if (rec.state === 'running' || rec.state === 'paused') {
      this.cancelled.add(scanId);
      rec.state = 'cancelled';
      rec.finishedAt = this.ctx.now();
      rec.resumeAt = null;
      await this.store.put(rec);
      await this.finished(rec);
    }
    const status = progressOf(rec, this.ctx.now());
    this.ctx.progress(status);
    return status;
  }

  async status(scanId?: string): Promise<ScanProgress> {
    if (scanId) return progressOf(await this.require(scanId), this.ctx.now());
    const id = (await this.store.pointer('current')) ?? (await this.store.pointer('last'));
    const rec = id ? await this.store.get(id) : null;
    return rec ? progressOf(rec, this.ctx.now()) : idleProgress();
  }

  async results(scanId: string, offset: number, limit: number): Promise<ScanResults> {
    const rec = await this.require(scanId);
    const rows = offset >= rec.rows ? [] : await this.store.rows(scanId, offset, Math.min(limit, rec.rows - offset));
    return { scanId, total: rec.rows, rows: rows as unknown as ScanResults['rows'] };
  }

  /** After a worker start and on the resume alarm: continue the scan under way, if any. */
  async resume(): Promise<void> {
    const id = await this.store.pointer('current');
    const rec = id ? await this.store.get(id) : null;
    if (!rec) return;
    const now = this.ctx.now();
    if (rec.state === 'paused') {
      if (rec.resumeAt !== null && rec.resumeAt > now) {
        this.ctx.resumeAt(rec.resumeAt);
        return;
      }
      rec.state = 'running';
      rec.resumeAt = null;
      await this.store.put(rec);
      this.ctx.progress(progressOf(rec, now));
    }
    if (rec.state === 'running') this.kick(rec.scanId);
  }

  /** Resolves when the scan loop in this worker is idle (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.loop) await this.loop.promise;
  }

  private async require(scanId: string): Promise<ScanRecord> {
    const rec = await this.store.get(scanId);
    if (!rec) throw new AppErrorException(appError('not-found', `No scan ${scanId} (only the current and the last scan are kept).`));
    return rec;
  }

  private kick(scanId: string): void {
    if (this.loop?.scanId === scanId) return;
    if (this.loop) {
      // A cancelled scan's page may still be in flight: the new scan starts after it.
      void this.loop.promise.then(() => this.kick(scanId));
      return;
    }
    const promise = this.run(scanId).catch((err: unknown) => console.error('[sop-sidebar] scan loop failed', err));
    this.loop = { scanId, promise: promise.finally(() => { if (this.loop?.scanId === scanId) this.loop = null; }) };
  }

  private async run(scanId: string): Promise<void> {
    const rec = await this.store.get(scanId);
    if (!rec || rec.state !== 'running') return;
    try {
      const session = await this.session(rec);
      await this.pages(rec, session);
    } catch (err) {
      await this.interrupted(rec, err);
    }
  }

  /**
   * Reads pages in order, up to PIPELINE_DEPTH at a time: the next page's
   * search goes out as soon as the previous search answered (its cursor is
   * known), and its loading overlaps the previous page's, so the limiter
   * always has requests queued and the scan runs at the pace the bulk lane
   * allows rather than at the pace of its round trips. Pages are saved
   * strictly in order; a page read but not saved when the worker stops is
   * simply read again.
   */
  private async pages(rec: ScanRecord, s: Session): Promise<void> {
    const planned = new Map(rec.partitions.map((p) => [p.alias, { ...p.cursor }]));
    let plannedRecords = rec.processed;
    const limit = rec.selection.limit ?? Infinity;
    const queue: Array<{ searched: Promise<unknown>; result: Promise<PageResult> }> = [];

    const launch = (): boolean => {
      const next = nextPartition(rec.partitions.map((p) => ({ alias: p.alias, cursor: planned.get(p.alias)! })));
      if (!next || plannedRecords >= limit) return false;
      const pageLimit = Math.min(this.pageSize, limit - plannedRecords);
      const target = rec.selection.targets.find((t) => t.alias === next.alias)!;
      const needs = s.needs.get(target.alias)!;
      // A fork counts this page's requests; it sends through the same bulk-lane limiter.
      const client = s.client.fork();
      const from = next.cursor;
      const searched = client.search(target.objectTypeId, pageRequest(target, from, needs.searchProperties(), pageLimit)).then((page) => {
        const cursor = advance(from, page, pageLimit);
        planned.set(next.alias, cursor);
        plannedRecords += page.results.length;
        return { page, cursor };
      });
      const result = searched.then(({ page, cursor }) => this.processPage(s, rec, next.alias, client, page, cursor));
      // Failures are handled where the page is awaited in order; the others are dropped with the queue.
      searched.catch(() => undefined);
      result.catch(() => undefined);
      queue.push({ searched, result });
      return true;
    };

    let mark = this.ctx.now();
    for (;;) {
      while (queue.length < PIPELINE_DEPTH) {
        if (queue.length > 0) await queue[queue.length - 1]!.searched;
        if (!launch()) break;
      }
      const head = queue.shift();
      if (!head) {
        await this.complete(rec, s);
        return;
      }
      const page = await head.result;
      if (this.cancelled.has(rec.scanId)) return;
      const p = rec.partitions.find((x) => x.alias === page.alias)!;
      p.cursor = page.cursor;
      p.processed += page.records;
      if (p.total === null) p.total = page.total;
      rec.processed += page.records;
      rec.rows += page.rows.length;
      for (const row of page.rows) rec.byRule[row.ruleId] = (rec.byRule[row.ruleId] ?? 0) + 1;
      rec.requests += page.requests;
      rec.floorExtra += page.floor;
      rec.duplicateEntries += page.dupes.length;
      const now = this.ctx.now();
      rec.activeMs += Math.max(0, now - mark);
      mark = now;
      rec.error = null;
      if (!(await this.store.commitPage(rec, page.rows, page.dupes))) return;
      this.ctx.progress(progressOf(rec, now));
      this.ctx.resumeAt(now + HEARTBEAT_MS);
    }
  }

  private async session(rec: ScanRecord): Promise<Session> {
    const { portalId, client } = await this.ctx.client();
    if (portalId !== rec.portalId) {
      throw new AppErrorException(appError('wrong-portal', `The scan was started on portal ${rec.portalId}; the token is now for portal ${portalId}. Start a new scan.`, { tokenPortalId: portalId }));
    }
    const active = await this.ctx.playbook();
    if (active.key !== rec.playbookKey) {
      throw new AppErrorException(appError('playbook', 'The playbook changed while the scan was under way: start a new scan to use it.'));
    }
    const meta = await this.ctx.portalMeta();
    const typeOf = objectTypesOf(active.playbook, meta.schemas);
    const selected = new Set(rec.selection.ruleIds);
    return {
      client,
      playbook: active.playbook,
      meta,
      typeOf,
      needs: new Map(rec.selection.targets.map((t) => [t.alias, new ScanNeeds(active.playbook, meta, typeOf, t)])),
      owners: ownerIndex(meta),
      duplicateRules: duplicateRules(active.playbook.rules.filter((r) => selected.has(r.id))),
    };
  }

  private async processPage(s: Session, rec: ScanRecord, alias: string, client: HubSpotClient, page: SearchPage, cursor: PartitionCursor): Promise<PageResult> {
    const target = rec.selection.targets.find((t) => t.alias === alias)!;
    const needs = s.needs.get(alias)!;
    const now = this.ctx.now();
    const rows: ScanRow[] = [];
    const dupes: DuplicateEntry[] = [];
    let floor = 0;
    if (page.results.length > 0) {
      const load = await loadPage({ client, playbook: s.playbook, meta: s.meta, now, typeOf: s.typeOf, target, needs, records: page.results });
      floor = load.floor;
      const pageRules = new Set(target.rules.filter((r) => !s.duplicateRules.has(r)));
      const dupRules = target.rules.filter((r) => s.duplicateRules.has(r));
      const at = new Date(now);
      for (const pr of load.records) {
        const evaluation = this.ctx.engine.evaluate(pr.snapshot, s.playbook, at);
        const context = rowContext(pr.record, { meta: s.meta, uiDomain: rec.uiDomain, now, rules: pageRules, owners: s.owners });
        rows.push(...rowsFor(evaluation, context));
        const applying = dupRules.filter((r) => pr.plan.rules.includes(r));
        if (applying.length === 0) continue;
        const keys = duplicateKeys(pr.record, s.playbook, target.alias);
        if (keys.length === 0) continue;
        const { rules: _rules, ...rowCtx } = context;
        dupes.push({ scanId: rec.scanId, key: `${pr.record.objectTypeId}/${pr.record.id}`, keys, record: pr.record, context: rowCtx, rules: applying });
      }
    }
    return { alias, cursor, total: page.total, records: page.results.length, rows, dupes, requests: client.requests, floor };
  }

  /** Every page read: the duplicate check (once), then done. */
  private async complete(rec: ScanRecord, s: Session): Promise<void> {
    if (!rec.duplicatesChecked) {
      const entries = rec.duplicateEntries > 0 ? await this.store.dupes(rec.scanId) : [];
      const rows = duplicateRows({ entries, playbook: s.playbook, meta: s.meta, now: this.ctx.now(), evaluate: (snap, pb, at) => this.ctx.engine.evaluate(snap, pb, at) });
      rec.rows += rows.length;
      for (const row of rows) rec.byRule[row.ruleId] = (rec.byRule[row.ruleId] ?? 0) + 1;
      rec.duplicatesChecked = true;
      if (!(await this.store.commitPage(rec, rows, []))) return;
      await this.store.clearDupes(rec.scanId);
    }
    rec.state = 'done';
    rec.finishedAt = this.ctx.now();
    rec.resumeAt = null;
    await this.store.put(rec);
    await this.finished(rec);
    this.ctx.progress(progressOf(rec, this.ctx.now()));
  }

  /** A finished scan becomes the last one; the one before it is dropped. */
  private async finished(rec: ScanRecord): Promise<void> {
    const previous = await this.store.pointer('last');
    if ((await this.store.pointer('current')) === rec.scanId) await this.store.setPointer('current', null);
    await this.store.setPointer('last', rec.scanId);
    if (previous && previous !== rec.scanId) await this.store.delete(previous);
  }

  /** A page failed: wait and resume (rate limits, network), or stop with the error. */
  private async interrupted(rec: ScanRecord, err: unknown): Promise<void> {
    const stored = await this.store.get(rec.scanId);
    if (!stored || stored.state !== 'running' || this.cancelled.has(rec.scanId)) return;
    const now = this.ctx.now();
    const error = toAppError(err);
    let resumeAt = retryAtOf(err, now);
    if (resumeAt === null && (err instanceof HubSpotOfflineError || err instanceof HubSpotServerError)) resumeAt = now + OFFLINE_RETRY_MS;
    stored.error = error;
    if (resumeAt !== null) {
      stored.state = 'paused';
      stored.resumeAt = resumeAt;
      await this.store.put(stored);
      this.ctx.resumeAt(resumeAt);
    } else {
      stored.state = 'failed';
      stored.finishedAt = now;
      stored.resumeAt = null;
      await this.store.put(stored);
      await this.finished(stored);
    }
    this.ctx.progress(progressOf(stored, now));
  }
}

export const createScanRunner: ScanRunnerFactory = (ctx) => new ScanService(ctx);
