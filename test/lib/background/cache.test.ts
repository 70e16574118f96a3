import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ViewCache } from '../../../lib/background/cache';
import { DB_VERSION, openAppDb } from '../../../lib/background/db';
import { evaluation, portalMeta, snapshot } from './fixtures';

const deal = { objectTypeId: '0-3', id: '11' };
const contact = { objectTypeId: '0-1', id: '21' };
const company = { objectTypeId: '0-2', id: '31' };

let clock = 1_000_000;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  clock = 1_000_000;
});

async function makeCache(options: ConstructorParameters<typeof ViewCache>[1] = {}) {
  const db = await openAppDb();
  return { db, cache: new ViewCache(db, { now: () => clock, ...options }) };
}

describe('view cache', () => {
  it('stores a view keyed by portal + object type + id and reattaches the portal metadata', async () => {
    const { cache, db } = await makeCache();
    await cache.putView(snapshot(1, deal, [contact]), evaluation(deal), 'pb1');
    const hit = await cache.getView(1, deal);
    expect(hit?.snapshot.focus).toEqual(deal);
    expect(hit?.snapshot.portal.portalId).toBe(1);
    expect(hit?.evaluation?.record).toEqual(deal);
    expect(hit?.playbookKey).toBe('pb1');
    expect(await cache.getView(1, contact)).toBeNull();
    // Stored without the (large, shared) portal metadata.
    const raw = await db.get('snapshots', [1, '0-3', '11']);
    expect(raw && 'portal' in raw.snapshot).toBe(false);
  });

  it("never serves one portal's data for another", async () => {
    const { cache, db } = await makeCache();
    await cache.putView(snapshot(1, deal), evaluation(deal), 'pb');
    expect(await cache.getView(2, deal)).toBeNull();
    // A misfiled entry (key says portal 2, metadata says portal 3) is refused by the value check.
    const entry = await db.get('snapshots', [1, '0-3', '11']);
    await db.put('snapshots', { ...entry!, portalId: 2 });
    await db.put('portalMeta', { portalId: 2, meta: portalMeta(3), fetchedAt: clock });
    expect(await db.get('snapshots', [2, '0-3', '11'])).toBeDefined();
    expect(await cache.getView(2, deal)).toBeNull();
    expect(await cache.getPortalMeta(2)).toBeNull();
  });

  it('portal metadata has a TTL (default 1 h) and can be expired on demand', async () => {
    const { cache } = await makeCache();
    await cache.putPortalMeta(portalMeta(1), clock);
    expect((await cache.getPortalMeta(1))?.fresh).toBe(true);
    clock += 59 * 60 * 1000;
    expect((await cache.getPortalMeta(1))?.fresh).toBe(true);
    clock += 2 * 60 * 1000;
    expect((await cache.getPortalMeta(1))?.fresh).toBe(false);
    await cache.putPortalMeta(portalMeta(1), clock);
    await cache.expirePortalMeta(1);
    expect((await cache.getPortalMeta(1))?.fresh).toBe(false);
    expect(await cache.getPortalMeta(2)).toBeNull();
  });

  it('portal metadata is kept in memory (one object, no copy per view), and a new worker reads it back from IndexedDB', async () => {
    const { cache, db } = await makeCache();
    await cache.putView(snapshot(1, deal, [contact]), evaluation(deal), 'pb1');
    const a = await cache.getPortalMeta(1);
    const b = await cache.getView(1, deal);
    expect(b?.snapshot.portal).toBe(a?.meta);
    // A new worker (a new cache on the same database) gets an equal copy from IndexedDB.
    const restarted = new ViewCache(db, { now: () => clock });
    const c = await restarted.getPortalMeta(1);
    expect(c?.meta).toEqual(a?.meta);
    expect(c?.meta).not.toBe(a?.meta);
    // Cleared portals are forgotten in memory too.
    await cache.clearPortal(1);
    expect(await cache.getPortalMeta(1)).toBeNull();
    expect(await cache.getView(1, deal)).toBeNull();
  });

  it('a write invalidates the written record and every view that includes it', async () => {
    const { cache } = await makeCache();
    await cache.putView(snapshot(1, deal, [contact]), evaluation(deal), 'pb');
    await cache.putView(snapshot(1, contact, [deal]), evaluation(contact), 'pb');
    await cache.putView(snapshot(1, company), evaluation(company), 'pb');
    await cache.putView(snapshot(2, contact), evaluation(contact), 'pb');
    clock += 5;
    const hit = await cache.invalidateRecords(1, [contact]);
    expect(hit.map((r) => r.id).sort()).toEqual(['11', '21']);
    expect((await cache.getView(1, deal))?.invalidatedAt).toBe(clock);
    expect((await cache.getView(1, contact))?.invalidatedAt).toBe(clock);
    expect((await cache.getView(1, company))?.invalidatedAt).toBeNull();
    // Same record id in another portal is untouched.
    expect((await cache.getView(2, contact))?.invalidatedAt).toBeNull();
  });

  it('evicts least-recently-used views beyond the entry bound', async () => {
    const { cache } = await makeCache({ maxEntries: 3 });
    for (let i = 1; i <= 3; i++) {
      clock += 10;
      await cache.putView(snapshot(1, { objectTypeId: '0-3', id: String(i) }), null, null);
    }
    clock += 10;
    await cache.getView(1, { objectTypeId: '0-3', id: '1' }); // 1 is now the most recent
    clock += 10;
    await cache.putView(snapshot(1, { objectTypeId: '0-3', id: '4' }), null, null);
    expect(await cache.getView(1, { objectTypeId: '0-3', id: '2' })).toBeNull();
    expect(await cache.getView(1, { objectTypeId: '0-3', id: '1' })).not.toBeNull();
    expect(await cache.getView(1, { objectTypeId: '0-3', id: '3' })).not.toBeNull();
    expect((await cache.stats()).entries).toBe(3);
  });

  it('evicts by approximate size, keeping the view just written', async () => {
    const { cache } = await makeCache({ maxBytes: 25_000 });
    for (let i = 1; i <= 4; i++) {
      clock += 10;
      await cache.putView(snapshot(1, { objectTypeId: '0-3', id: String(i) }, [], undefined, 10_000), null, null);
    }
    const stats = await cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(25_000);
    expect(stats.entries).toBe(2);
    expect(await cache.getView(1, { objectTypeId: '0-3', id: '4' })).not.toBeNull();
    expect(await cache.getView(1, { objectTypeId: '0-3', id: '1' })).toBeNull();
    // A single view larger than the bound is still kept (the sidebar needs it).
    const small = await makeCache({ maxBytes: 100 });
    await small.cache.putView(snapshot(1, deal, [], undefined, 1000), null, null);
    expect(await small.cache.getView(1, deal)).not.toBeNull();
  });

  it('clearPortal forgets one portal only', async () => {
    const { cache } = await makeCache();
    await cache.putView(snapshot(1, deal), null, null);
    await cache.putView(snapshot(2, deal), null, null);
    await cache.clearPortal(1);
    expect(await cache.getView(1, deal)).toBeNull();
    expect(await cache.getPortalMeta(1)).toBeNull();
    expect(await cache.getView(2, deal)).not.toBeNull();
    expect((await cache.stats()).entries).toBe(1);
  });
});

describe('database upgrade', () => {
  it(`upgrades a v1 database to v${DB_VERSION}, migrating its snapshots`, async () => {
    // A v1 database exactly as the first release wrote it.
    const v1 = await openDB('sop-sidebar', 1, {
      upgrade(db) {
        db.createObjectStore('snapshots', { keyPath: ['portalId', 'objectTypeId', 'id'] });
        db.createObjectStore('portalMeta', { keyPath: 'portalId' });
      },
    });
    const { portal: _p, ...stored } = snapshot(1, deal, [contact]);
    await v1.put('snapshots', { portalId: 1, objectTypeId: '0-3', id: '11', snapshot: stored, evaluation: evaluation(deal), loadedAt: 5_000 });
    await v1.put('portalMeta', { portalId: 1, meta: portalMeta(1), fetchedAt: 5_000 });
    v1.close();

    const { db, cache } = await makeCache();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['kv', 'lru', 'outbox', 'portalMeta', 'snapshots']);
    const hit = await cache.getView(1, deal);
    expect(hit?.evaluation?.record).toEqual(deal);
    expect(hit?.loadedAt).toBe(5_000);
    // Migrated: member index and LRU bookkeeping work on the old entry.
    expect((await cache.invalidateRecords(1, [contact])).map((r) => r.id)).toEqual(['11']);
    expect((await cache.stats()).entries).toBe(1);
  });

  it('upgrades v2 → v3 without touching cached views', async () => {
    const v2 = await openAppDb({ version: 2 });
    expect([...v2.objectStoreNames]).not.toContain('outbox');
    await new ViewCache(v2, { now: () => clock }).putView(snapshot(1, deal), null, null);
    v2.close();
    const { db, cache } = await makeCache();
    expect([...db.objectStoreNames]).toContain('outbox');
    expect(await cache.getView(1, deal)).not.toBeNull();
  });
});
