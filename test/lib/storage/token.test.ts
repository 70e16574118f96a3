import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { openAppDb } from '../../../lib/background/db';
import { TokenStore, kvValue } from '../../../lib/storage/token';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

const record = {
  token: 'pat-na1-secret',
  portalId: 42,
  timeZone: 'US/Eastern',
  uiDomain: 'app.hubspot.com',
  verifiedAt: '2025-03-03T15:00:00.000Z',
  missingScopes: [],
  rejected: null,
};

describe('token store', () => {
  it('keeps the token in the extension IndexedDB, never in storage.local', async () => {
    const db = await openAppDb();
    await new TokenStore(db).set(record);
    db.close();
    // A new worker reads it back.
    const again = new TokenStore(await openAppDb());
    expect(await again.get()).toEqual(record);
    // Nothing a content script could read.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('pat-na1-secret');
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain('pat-na1-secret');
  });

  it('records missing scopes and clears', async () => {
    const store = new TokenStore(await openAppDb());
    expect(await store.update({ missingScopes: ['x'] })).toBeNull();
    await store.set(record);
    expect((await store.update({ missingScopes: ['crm.objects.deals.write'] }))?.missingScopes).toEqual(['crm.objects.deals.write']);
    await store.clear();
    expect(await store.get()).toBeNull();
  });

  it('kv values persist', async () => {
    const db = await openAppDb();
    const kv = kvValue<{ a: number }>(db, 'x');
    expect(await kv.load()).toBeNull();
    await kv.save({ a: 1 });
    expect(await kv.load()).toEqual({ a: 1 });
  });
});
