/**
 * Background → sidebar/pages pushes (view.updated, view.failed,
 * outbox.changed, status.changed, scan.progress).
 *
 * - The sidebar's tab: `tabs.sendMessage(tabId, push, { frameId })` to every
 *   tab that asked for the view (view.get / view.refresh register it). A tab
 *   that is gone is forgotten. Watchers live in memory: after the service
 *   worker restarts, a tab is registered again by its next view.get (the
 *   sidebar sends one when it becomes visible or navigates).
 * - Extension pages: `runtime.sendMessage(push)` (no listener → ignored).
 * Messages carry PUSH_TAG, so listeners tell them from requests.
 */
import { PUSH_TAG } from '../messages/constants';
import type { PushMessage } from '../messages/protocol';
import type { RecordRef } from '../rules/snapshot';

type Payload<E extends PushMessage['event']> = Omit<Extract<PushMessage, { event: E }>, 'tag'>;

export interface PushTransport {
  toTab(tabId: number, frameId: number | null, message: PushMessage): Promise<void>;
  toPages(message: PushMessage): Promise<void>;
}

interface Watcher {
  tabId: number;
  frameId: number | null;
  portalId: number;
  key: string;
}

const viewKey = (portalId: number, ref: RecordRef) => `${portalId}|${ref.objectTypeId}/${ref.id}`;

export class Pusher {
  /** tabId → what the tab shows (one view per tab: the record on screen). */
  private readonly watchers = new Map<number, Watcher>();

  constructor(private readonly transport: PushTransport) {}

  watch(tabId: number, frameId: number | null, portalId: number, ref: RecordRef): void {
    this.watchers.set(tabId, { tabId, frameId, portalId, key: viewKey(portalId, ref) });
  }

  forget(tabId: number): void {
    this.watchers.delete(tabId);
  }

  /** Views on screen in some tab (revalidated after writes). */
  watchedViews(portalId: number): RecordRef[] {
    const seen = new Set<string>();
    const out: RecordRef[] = [];
    for (const w of this.watchers.values()) {
      if (w.portalId !== portalId || seen.has(w.key)) continue;
      seen.add(w.key);
      const record = w.key.slice(w.key.indexOf('|') + 1);
      const slash = record.lastIndexOf('/');
      out.push({ objectTypeId: record.slice(0, slash), id: record.slice(slash + 1) });
    }
    return out;
  }

  async view(payload: Payload<'view.updated'> | Payload<'view.failed'>): Promise<void> {
    const key = viewKey(payload.portalId, payload.ref);
    await this.toTabs((w) => w.key === key, { tag: PUSH_TAG, ...payload } as PushMessage);
  }

  async outbox(payload: Payload<'outbox.changed'>): Promise<void> {
    const message = { tag: PUSH_TAG, ...payload } as PushMessage;
    await Promise.all([this.toTabs((w) => w.portalId === payload.portalId, message), this.pages(message)]);
  }

  async status(payload: Payload<'status.changed'>): Promise<void> {
    const message = { tag: PUSH_TAG, ...payload } as PushMessage;
    await Promise.all([this.toTabs(() => true, message), this.pages(message)]);
  }

  async scan(payload: Payload<'scan.progress'>): Promise<void> {
    await this.pages({ tag: PUSH_TAG, ...payload } as PushMessage);
  }

  private async pages(message: PushMessage): Promise<void> {
    await this.transport.toPages(message).catch(() => undefined);
  }

  private async toTabs(match: (w: Watcher) => boolean, message: PushMessage): Promise<void> {
    const targets = [...this.watchers.values()].filter(match);
    await Promise.all(
      targets.map((w) =>
        this.transport.toTab(w.tabId, w.frameId, message).catch(() => {
          // Tab closed or navigated away from HubSpot: stop pushing to it.
          this.watchers.delete(w.tabId);
        }),
      ),
    );
  }
}
