/**
 * Call-log drafts, per record, in the extension's own `storage.local` (not
 * the page's localStorage: HubSpot's scripts must not read the rep's notes).
 * A draft survives a closed tab or a failed send and is removed once HubSpot
 * (or the durable outbox) has the call. Old drafts are pruned.
 */
import type { DraftStore } from './view-store';
import type { RecordTarget } from './record-url';
import type { CallDraft } from './view-model';
import { sanitizeDraft } from './call-draft';

export interface KeyValueArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = 'sopSidebar.callDraft.';
/** Drafts older than this are dropped (a forgotten draft should not resurface months later). */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export function draftKey(target: RecordTarget): string {
  return `${PREFIX}${target.portalId}:${target.ref.objectTypeId}/${target.ref.id}`;
}

interface Stored {
  draft: CallDraft;
  savedAt: number;
}

export function createDraftStore(area: KeyValueArea, now: () => number): DraftStore {
  let pruned = false;
  const prune = async () => {
    if (pruned) return;
    pruned = true;
    const all = await area.get(null);
    const old = Object.entries(all)
      .filter(([k, v]) => k.startsWith(PREFIX) && !(typeof (v as Stored)?.savedAt === 'number' && now() - (v as Stored).savedAt < DRAFT_MAX_AGE_MS))
      .map(([k]) => k);
    if (old.length > 0) await area.remove(old);
  };
  return {
    async load(target) {
      try {
        await prune();
        const key = draftKey(target);
        const stored = (await area.get(key))[key] as Stored | undefined;
        return stored ? sanitizeDraft(stored.draft, now()) : null;
      } catch {
        return null;
      }
    },
    async save(target, draft) {
      const key = draftKey(target);
      try {
        if (draft === null) await area.remove(key);
        else await area.set({ [key]: { draft, savedAt: now() } satisfies Stored });
      } catch {
        // Storage full or the extension reloaded: the draft stays in the form until the tab closes.
      }
    },
  };
}
