import { describe, expect, test } from 'vitest';
import { DRAFT_MAX_AGE_MS, createDraftStore, draftKey, type KeyValueArea } from '../../../lib/content/drafts';

function memoryArea(initial: Record<string, unknown> = {}): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    async get(keys) {
      if (keys === null) return Object.fromEntries(data);
      return data.has(keys) ? { [keys]: structuredClone(data.get(keys)) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

const target = { portalId: 4471200, ref: { objectTypeId: '2-9000101', id: '42' } };
const draft = { outcomeId: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', type: 'Check In - Call', direction: 'OUTBOUND', body: 'Talked about billing', when: '2025-03-10T09:30' };

describe('call-log drafts (survive a closed tab or a failed send)', () => {
  test('are kept per record and removed once the call is logged', async () => {
    const area = memoryArea();
    let now = 1_000_000;
    const store = createDraftStore(area, () => now);
    await store.save(target, draft);
    expect(await createDraftStore(area, () => now).load(target)).toEqual(draft);
    expect(await store.load({ ...target, ref: { ...target.ref, id: '43' } })).toBeNull();
    now += 1000;
    await store.save(target, null);
    expect(await store.load(target)).toBeNull();
    expect(area.data.size).toBe(0);
  });

  test('old drafts are pruned; other extension data is left alone', async () => {
    const area = memoryArea({
      [draftKey(target)]: { draft, savedAt: 0 },
      'sopSidebar.callDraft.4471200:0-1/1': { draft, savedAt: DRAFT_MAX_AGE_MS + 10 },
      settings: { keep: true },
    });
    const store = createDraftStore(area, () => DRAFT_MAX_AGE_MS + 20);
    expect(await store.load(target)).toBeNull();
    expect([...area.data.keys()].sort()).toEqual(['settings', 'sopSidebar.callDraft.4471200:0-1/1']);
  });

  test('a malformed stored draft is sanitized; a failing storage loses nothing in the form', async () => {
    const area = memoryArea({ [draftKey(target)]: { draft: { body: 'kept', type: 7 }, savedAt: 5 } });
    const loaded = await createDraftStore(area, () => 10).load(target);
    expect(loaded?.body).toBe('kept');
    expect(loaded?.type).toBe('');
    const broken: KeyValueArea = {
      get: async () => {
        throw new Error('quota');
      },
      set: async () => {
        throw new Error('quota');
      },
      remove: async () => undefined,
    };
    const store = createDraftStore(broken, () => 10);
    await expect(store.save(target, draft)).resolves.toBeUndefined();
    await expect(store.load(target)).resolves.toBeNull();
  });
});
