/**
 * Record views: the evaluation the sidebar shows, cache first.
 *
 * - Warm (a cached view of this portal + record): answered from IndexedDB
 *   with 0 HubSpot requests. Older than `revalidateAfterMs`, invalidated by
 *   a write or evaluated under another playbook → revalidated in the
 *   background and pushed to the tab (view.updated). `stale` = older than
 *   the freshness window (`freshMs`), invalidated, or playbook changed.
 * - Cold: portal metadata (cached, TTL) + the snapshot through the HubSpot
 *   client (limiter, interactive lane) → evaluate → cache → answer.
 * Concurrent loads of the same view share one request set.
 */
import { AppErrorException, appError } from '../messages/errors';
import type { ViewPayload } from '../messages/schemas';
import type { Evaluation } from '../rules/result';
import type { PortalMeta, RecordRef, Snapshot } from '../rules/snapshot';
import type { TokenRecord } from '../storage/token';
import type { ViewCache } from './cache';
import type { Engine } from './engine';
import { detach, toAppError } from './errors';
import type { Outbox } from './outbox';
import { toWireEntry } from './outbox';
import type { PlaybookService } from './playbooks';
import type { Pusher } from './push';
import type { TokenService } from './tokens';
import type { Lane } from './rate-limiter';

export interface ViewServiceOptions {
  cache: ViewCache;
  tokens: TokenService;
  playbooks: PlaybookService;
  engine: Engine;
  pusher: Pusher;
  outbox: Outbox;
  now: () => number;
  /** Served as not stale within this age (default 5 min). */
  freshMs?: number;
  /** A warm view older than this is revalidated in the background (default 30 s). */
  revalidateAfterMs?: number;
}

export interface LoadedView {
  snapshot: Snapshot;
  evaluation: Evaluation;
  loadedAt: number;
  fromCache: boolean;
  stale: boolean;
}

const keyOf = (portalId: number, ref: RecordRef) => `${portalId}|${ref.objectTypeId}/${ref.id}`;

export class ViewService {
  private readonly inflight = new Map<string, Promise<LoadedView>>();
  private readonly metaInflight = new Map<number, Promise<PortalMeta>>();
  readonly freshMs: number;
  readonly revalidateAfterMs: number;

  constructor(private readonly o: ViewServiceOptions) {
    this.freshMs = o.freshMs ?? 5 * 60_000;
    this.revalidateAfterMs = o.revalidateAfterMs ?? 30_000;
  }

  /** view.get (force = false) and view.refresh (force = true). */
  async get(portalId: number, ref: RecordRef, options: { force?: boolean; tab?: { tabId: number; frameId: number | null } } = {}): Promise<ViewPayload> {
    // Watch first: a tab that cannot load yet (no token, wrong portal, expired) must still get the
    // status.changed push that tells it the token is fixed, so it loads by itself.
    if (options.tab) this.o.pusher.watch(options.tab.tabId, options.tab.frameId, portalId, ref);
    const token = await this.o.tokens.require(portalId);
    let view: LoadedView;
    if (options.force) {
      try {
        view = await this.load(portalId, ref, token, 'interactive');
      } catch (err) {
        // Offline or limited: the cached view, marked stale, beats an error.
        const cached = await this.cached(portalId, ref, false);
        if (!cached || !isWaitable(err)) throw err;
        view = { ...cached, stale: true };
      }
    } else {
      view = (await this.cached(portalId, ref, true)) ?? (await this.load(portalId, ref, token, 'interactive'));
    }
    return this.payload(portalId, ref, view);
  }

  /** The snapshot (and evaluation) a write is checked against: the cached view, else a fresh load. */
  async current(portalId: number, ref: RecordRef): Promise<LoadedView> {
    const token = await this.o.tokens.require(portalId);
    return (await this.cached(portalId, ref, false)) ?? this.load(portalId, ref, token, 'interactive');
  }

  /** Reload in the background and push the result (or the failure) to the tabs showing it. */
  revalidate(portalId: number, ref: RecordRef): Promise<void> {
    return (async () => {
      try {
        const token = await this.o.tokens.require(portalId);
        const view = await this.load(portalId, ref, token, 'interactive');
        await this.o.pusher.view({ event: 'view.updated', portalId, ref, view: await this.payload(portalId, ref, view) });
      } catch (err) {
        await this.o.pusher.view({ event: 'view.failed', portalId, ref, error: toAppError(err) });
      }
    })();
  }

  /** After a write: views including `refs` are invalidated; those on screen are reloaded and pushed. */
  async invalidateAndRefresh(portalId: number, refs: RecordRef[]): Promise<void> {
    const invalidated = await this.o.cache.invalidateRecords(portalId, refs);
    const onScreen = this.o.pusher.watchedViews(portalId);
    const reload = onScreen.filter((v) => invalidated.some((i) => i.objectTypeId === v.objectTypeId && i.id === v.id) || refs.some((r) => r.objectTypeId === v.objectTypeId && r.id === v.id));
    await Promise.all(reload.map((v) => this.revalidate(portalId, v)));
  }

  async payload(portalId: number, ref: RecordRef, view: LoadedView): Promise<ViewPayload> {
    const entries = await this.o.outbox.list({ portalId, ref });
    return {
      evaluation: view.evaluation,
      snapshotMeta: { loadedAt: new Date(view.loadedAt).toISOString(), fromCache: view.fromCache, stale: view.stale },
      outbox: entries.map(toWireEntry),
    };
  }

  /** Portal metadata: cached within its TTL, else loaded once (shared by concurrent callers). */
  async portalMeta(portalId: number, token: TokenRecord, lane: Lane, force = false): Promise<PortalMeta> {
    if (!force) {
      const cached = await this.o.cache.getPortalMeta(portalId);
      if (cached?.fresh) return cached.meta;
    }
    const running = this.metaInflight.get(portalId);
    if (running) return running;
    const promise = (async () => {
      const { playbook } = await this.o.playbooks.active();
      const meta = await this.o.engine.loadPortalMeta(this.o.tokens.client(token, lane), { playbook });
      if (meta.portalId !== portalId) {
        throw new AppErrorException(appError('wrong-portal', `HubSpot answered for portal ${meta.portalId}, not ${portalId}.`, { tokenPortalId: meta.portalId }));
      }
      await this.o.cache.putPortalMeta(meta, this.o.now());
      return meta;
    })().finally(() => this.metaInflight.delete(portalId));
    this.metaInflight.set(portalId, promise);
    return promise;
  }

  private async cached(portalId: number, ref: RecordRef, revalidate: boolean): Promise<LoadedView | null> {
    const hit = await this.o.cache.getView(portalId, ref);
    if (!hit) return null;
    const active = await this.o.playbooks.active();
    const now = this.o.now();
    let evaluation = hit.evaluation;
    const playbookChanged = hit.playbookKey !== active.key;
    if (!evaluation || playbookChanged) {
      // Another playbook: evaluate the cached data again at once (no network), then reload it.
      evaluation = this.o.engine.evaluate(hit.snapshot, active.playbook, new Date(now));
      await this.o.cache.putEvaluation(portalId, ref, evaluation, active.key);
    }
    const age = now - hit.loadedAt;
    const stale = hit.invalidatedAt !== null || age > this.freshMs || playbookChanged;
    if (revalidate && (stale || age > this.revalidateAfterMs)) detach(this.revalidate(portalId, ref), 'revalidation');
    return { snapshot: hit.snapshot, evaluation, loadedAt: hit.loadedAt, fromCache: true, stale };
  }

  private load(portalId: number, ref: RecordRef, token: TokenRecord, lane: Lane): Promise<LoadedView> {
    const key = keyOf(portalId, ref);
    const running = this.inflight.get(key);
    if (running) return running;
    const promise = (async () => {
      try {
        const active = await this.o.playbooks.active();
        const meta = await this.portalMeta(portalId, token, lane);
        const now = this.o.now();
        const client = this.o.tokens.client(token, lane);
        const { snapshot } = await this.o.engine.loadSnapshot(client, { ref, playbook: active.playbook, meta, now: new Date(now) });
        if (snapshot.portal.portalId !== portalId) throw new AppErrorException(appError('wrong-portal', 'The loaded data belongs to another portal.'));
        const evaluation = this.o.engine.evaluate(snapshot, active.playbook, new Date(now));
        await this.o.cache.putView(snapshot, evaluation, active.key);
        const loadedAt = Date.parse(snapshot.loadedAt);
        return { snapshot, evaluation, loadedAt: Number.isFinite(loadedAt) ? loadedAt : now, fromCache: false, stale: false };
      } catch (err) {
        await this.o.tokens.noteError(err);
        throw err;
      }
    })().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }
}

/** Failures that pass with time (a cached view may stand in meanwhile). */
function isWaitable(err: unknown): boolean {
  const code = toAppError(err).code;
  return code === 'offline' || code === 'rate-limited' || code === 'daily-limit';
}
