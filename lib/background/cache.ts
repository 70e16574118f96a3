/**
 * The view cache: one entry per record view (snapshot + its evaluation),
 * keyed by portal id + object type id + record id, plus the portal metadata
 * (pipelines, properties, owners… with a TTL, default 1 h).
 *
 * - Bounded: at most `maxEntries` views and about `maxBytes`; the least
 *   recently used views are evicted first (the `lru` store is the bookkeeping,
 *   so a read only rewrites a tiny row, not the snapshot).
 * - Invalidation: a write to a record marks every view that includes it
 *   (the `byMember` index) as invalidated; it is then served as stale only.
 * - Never one portal's data for another: the portal id is part of every key
 *   and is checked again on the values read.
 */
import type { Evaluation } from '../rules/result';
import type { PortalMeta, RecordRef, Snapshot } from '../rules/snapshot';
import { approxBytes, memberKey, type AppDb, type PortalMetaEntry, type SnapshotEntry } from './db';

export interface CacheOptions {
  /** At most this many record views (default 200). */
  maxEntries?: number;
  /** About this many bytes of views (default 32 MB; UTF-16 code units of the JSON). */
  maxBytes?: number;
  /** Portal metadata older than this is refreshed on the next cold load (default 1 h). */
  metaTtlMs?: number;
  now?: () => number;
}

export interface CachedView {
  snapshot: Snapshot;
  evaluation: Evaluation | null;
  playbookKey: string | null;
  /** Epoch ms the snapshot was loaded. */
  loadedAt: number;
  invalidatedAt: number | null;
}

export interface CachedMeta {
  meta: PortalMeta;
  fetchedAt: number;
  /** Within the TTL. */
  fresh: boolean;
}

export class ViewCache {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly metaTtlMs: number;
  private readonly now: () => number;
  /**
   * The portal metadata last read or written, per portal. Reading it from
   * IndexedDB copies every property definition of the portal (tens of ms on
   * each view); the worker is the only writer, so memory stays in step. The
   * same object each time also lets the engine reuse what it derived from it.
   */
  private readonly metas = new Map<number, PortalMetaEntry>();

  constructor(
    private readonly db: AppDb,
    options: CacheOptions = {},
  ) {
    this.maxEntries = options.maxEntries ?? 200;
    this.maxBytes = options.maxBytes ?? 32 * 1024 * 1024;
    this.metaTtlMs = options.metaTtlMs ?? 60 * 60 * 1000;
    this.now = options.now ?? (() => Date.now());
  }

  async getPortalMeta(portalId: number): Promise<CachedMeta | null> {
    const entry = this.metas.get(portalId) ?? (await this.db.get('portalMeta', portalId));
    if (!entry || entry.portalId !== portalId || entry.meta.portalId !== portalId) return null;
    this.metas.set(portalId, entry);
    return { meta: entry.meta, fetchedAt: entry.fetchedAt, fresh: this.now() - entry.fetchedAt < this.metaTtlMs };
  }

  async putPortalMeta(meta: PortalMeta, fetchedAt = this.now()): Promise<void> {
    const entry: PortalMetaEntry = { portalId: meta.portalId, meta, fetchedAt };
    await this.db.put('portalMeta', entry);
    this.metas.set(meta.portalId, entry);
  }

  /** Refresh on demand: the next cold load fetches the metadata again. */
  async expirePortalMeta(portalId: number): Promise<void> {
    const entry = await this.db.get('portalMeta', portalId);
    this.metas.delete(portalId);
    if (entry) await this.db.put('portalMeta', { ...entry, fetchedAt: 0 });
  }

  /** The cached view of a record in `portalId`, with its portal's metadata; null when absent. */
  async getView(portalId: number, ref: RecordRef): Promise<CachedView | null> {
    const tx = this.db.transaction(['snapshots', 'portalMeta', 'lru'], 'readwrite');
    const entry = await tx.objectStore('snapshots').get([portalId, ref.objectTypeId, ref.id]);
    // The metadata is read only for a hit, and from memory when it is there.
    const meta = entry ? (this.metas.get(portalId) ?? (await tx.objectStore('portalMeta').get(portalId))) : undefined;
    if (!entry || !meta || entry.portalId !== portalId || meta.meta.portalId !== portalId) {
      await tx.done;
      return null;
    }
    this.metas.set(portalId, meta);
    const key = memberKey(portalId, ref);
    const lru = await tx.objectStore('lru').get(key);
    await tx.objectStore('lru').put({ key, accessedAt: this.now(), bytes: lru?.bytes ?? approxBytes(entry) });
    await tx.done;
    return {
      snapshot: { ...entry.snapshot, portal: meta.meta },
      evaluation: entry.evaluation,
      playbookKey: entry.playbookKey,
      loadedAt: entry.loadedAt,
      invalidatedAt: entry.invalidatedAt,
    };
  }

  /** Store a view (the snapshot's portal metadata goes to `portalMeta`), then evict down to the bounds. */
  async putView(snapshot: Snapshot, evaluation: Evaluation | null, playbookKey: string | null): Promise<void> {
    const portalId = snapshot.portal.portalId;
    const { portal: _portal, ...rest } = snapshot;
    const loadedAt = Date.parse(snapshot.loadedAt);
    const entry: SnapshotEntry = {
      portalId,
      objectTypeId: snapshot.focus.objectTypeId,
      id: snapshot.focus.id,
      snapshot: rest,
      evaluation,
      playbookKey,
      loadedAt: Number.isFinite(loadedAt) ? loadedAt : this.now(),
      members: Object.keys(snapshot.records).map((k) => `${portalId}|${k}`),
      invalidatedAt: null,
    };
    const key = memberKey(portalId, snapshot.focus);
    const tx = this.db.transaction(['snapshots', 'lru', 'portalMeta'], 'readwrite');
    const metaStore = tx.objectStore('portalMeta');
    // Existence only (getKey): reading the value would copy the whole metadata.
    if (!this.metas.has(portalId) && (await metaStore.getKey(portalId)) === undefined) {
      const fresh = { portalId, meta: snapshot.portal, fetchedAt: entry.loadedAt };
      await metaStore.put(fresh);
      this.metas.set(portalId, fresh);
    }
    await tx.objectStore('snapshots').put(entry);
    await tx.objectStore('lru').put({ key, accessedAt: this.now(), bytes: approxBytes(entry) });
    await tx.done;
    await this.evict(key);
  }

  /** Replace the evaluation of a cached view (playbook changed; no new HubSpot data). */
  async putEvaluation(portalId: number, ref: RecordRef, evaluation: Evaluation, playbookKey: string): Promise<void> {
    const tx = this.db.transaction('snapshots', 'readwrite');
    const entry = await tx.store.get([portalId, ref.objectTypeId, ref.id]);
    if (entry) await tx.store.put({ ...entry, evaluation, playbookKey });
    await tx.done;
  }

  /**
   * After a write to `refs`: every cached view that includes one of them
   * (the record's own view and the views it appears in) is invalidated.
   * Returns the focus records of the invalidated views.
   */
  async invalidateRecords(portalId: number, refs: RecordRef[]): Promise<RecordRef[]> {
    const tx = this.db.transaction('snapshots', 'readwrite');
    const index = tx.store.index('byMember');
    const seen = new Map<string, RecordRef>();
    const at = this.now();
    for (const ref of refs) {
      const own = await tx.store.get([portalId, ref.objectTypeId, ref.id]);
      const entries = await index.getAll(memberKey(portalId, ref));
      for (const entry of own ? [own, ...entries] : entries) {
        if (entry.portalId !== portalId) continue;
        const key = memberKey(portalId, entry);
        if (seen.has(key)) continue;
        seen.set(key, { objectTypeId: entry.objectTypeId, id: entry.id });
        await tx.store.put({ ...entry, invalidatedAt: at });
      }
    }
    await tx.done;
    return [...seen.values()];
  }

  /** Forget everything cached for a portal (token cleared or switched). */
  async clearPortal(portalId: number): Promise<void> {
    const tx = this.db.transaction(['snapshots', 'lru', 'portalMeta'], 'readwrite');
    const range = IDBKeyRange.bound([portalId], [portalId, []]);
    await tx.objectStore('snapshots').delete(range);
    let cursor = await tx.objectStore('lru').openCursor();
    while (cursor) {
      if (cursor.value.key.startsWith(`${portalId}|`)) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.objectStore('portalMeta').delete(portalId);
    this.metas.delete(portalId);
    await tx.done;
  }

  async stats(): Promise<{ entries: number; bytes: number }> {
    const all = await this.db.getAll('lru');
    return { entries: all.length, bytes: all.reduce((sum, e) => sum + e.bytes, 0) };
  }

  /** Drop least-recently-used views until within both bounds (never the one just written). */
  private async evict(keep: string): Promise<void> {
    const tx = this.db.transaction(['snapshots', 'lru'], 'readwrite');
    const lru = tx.objectStore('lru');
    const all = await lru.index('byAccess').getAll();
    let count = all.length;
    let bytes = all.reduce((sum, e) => sum + e.bytes, 0);
    for (const victim of all) {
      if (count <= this.maxEntries && bytes <= this.maxBytes) break;
      if (victim.key === keep) continue;
      const [portal, recordKey] = victim.key.split('|') as [string, string];
      const slash = recordKey.lastIndexOf('/');
      await tx.objectStore('snapshots').delete([Number(portal), recordKey.slice(0, slash), recordKey.slice(slash + 1)]);
      await lru.delete(victim.key);
      count -= 1;
      bytes -= victim.bytes;
    }
    await tx.done;
  }
}
