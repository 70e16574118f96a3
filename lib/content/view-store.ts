/**
 * The sidebar's state for the record on screen, and the actions that talk to
 * the background. No DOM and no extension APIs: the mount (lib/content/mount.ts)
 * injects `send`, the clock and the draft store, and re-renders on change.
 *
 * One record at a time. Every answer is checked against the record it was
 * asked for: after a switch, late answers for the old record are dropped, so
 * the previous record's data is never shown (and within a record, an older
 * answer never replaces a newer one).
 */
import type { PushMessage } from '../messages/protocol';
import type { Settings } from '../messages/schemas';
import type { AppError } from '../messages/errors';
import type { ContentSend } from './messaging';
import { plainTextToHtml } from './call-draft';
import { targetKey, type RecordTarget } from './record-url';
import {
  SIDEBAR_DEFAULT_WIDTH,
  clampWidth,
  type ActionResult,
  type CadenceUpdate,
  type CallDraft,
  type CallLogResult,
  type OutboxEntry,
  type PropertyWrite,
  type SidebarActions,
  type SidebarModel,
  type UiPrefs,
  type ViewData,
} from './view-model';

export interface DraftStore {
  load(target: RecordTarget): Promise<CallDraft | null>;
  save(target: RecordTarget, draft: CallDraft | null): Promise<void>;
}

export interface ViewStoreDeps {
  send: ContentSend;
  now: () => number;
  drafts: DraftStore;
  openOptions: (() => void) | null;
}

/** hidden: nothing to show (no record, or the playbook does not govern it). pending: waiting for the first answer. */
export type Visibility = 'hidden' | 'pending' | 'shown';

interface RecordState {
  target: RecordTarget;
  key: string;
  phase: SidebarModel['phase'];
  data: ViewData | null;
  error: AppError | null;
  refreshing: boolean;
  offline: boolean;
  /** From the first answer: evaluation.object !== null. Null until then. */
  governed: boolean | null;
  /** The grace period for the first answer ran out: show the loading state. */
  revealed: boolean;
  /** Highest request sequence whose answer was applied. */
  applied: number;
}

/** Errors that a change of token or limit state (status.changed → ok) may have cleared. */
const RECOVERABLE = new Set<AppError['code']>([
  'no-token', 'invalid-token', 'expired-token', 'wrong-portal', 'missing-scopes', 'rate-limited', 'daily-limit', 'offline', 'unavailable',
]);

type SidebarPush = Extract<PushMessage, { event: 'view.updated' | 'view.failed' | 'outbox.changed' | 'status.changed' }>;

const sameRef = (a: { objectTypeId: string; id: string } | null | undefined, b: { objectTypeId: string; id: string }) =>
  !!a && a.objectTypeId === b.objectTypeId && a.id === b.id;

export class ViewStore {
  private current: RecordState | null = null;
  private seq = 0;
  private listeners = new Set<() => void>();
  private settings: Settings | null = null;
  private ui: UiPrefs = { collapsed: false, width: SIDEBAR_DEFAULT_WIDTH };
  private learnMode = false;
  /** Object types the background said it does not govern (no need to ask again on this page). */
  private ungoverned = new Set<string>();
  /** Object types the background said it governs: a hop to one shows the sidebar's loading state at once. */
  private governedTypes = new Set<string>();
  private actionsCache = new Map<string, SidebarActions>();
  private notice: string | null = null;

  constructor(private readonly deps: ViewStoreDeps) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  get key(): string | null {
    return this.current?.key ?? null;
  }

  visibility(): Visibility {
    const s = this.current;
    if (!s || s.governed === false) return 'hidden';
    if (s.governed === true || s.phase === 'error' || s.revealed) return 'shown';
    return 'pending';
  }

  /** The model to render, or null when nothing is shown. */
  model(): SidebarModel | null {
    const s = this.current;
    if (!s || this.visibility() !== 'shown') return null;
    return {
      record: s.target.ref,
      portalId: s.target.portalId,
      phase: s.phase,
      data: s.data,
      error: s.error,
      refreshing: s.refreshing,
      offline: s.offline,
      learnMode: this.learnMode,
      ui: this.ui,
      now: this.deps.now(),
      notice: this.notice,
    };
  }

  uiPrefs(): UiPrefs {
    return this.ui;
  }

  /** Loads settings (learn mode, collapsed, width) once at start. */
  async init(): Promise<void> {
    const res = await this.deps.send({ type: 'settings.get' });
    if (res.ok) this.applySettings(res.data);
  }

  private applySettings(settings: Settings): void {
    this.settings = settings;
    this.learnMode = settings.learnMode.active;
    this.ui = { collapsed: settings.sidebar.collapsed, width: clampWidth(settings.sidebar.width) };
    this.emit();
  }

  /** The page now shows `target` (null: not a record page). */
  navigate(target: RecordTarget | null): void {
    const key = targetKey(target);
    if (key === this.key) return;
    if (!target || !key) {
      this.current = null;
      this.emit();
      return;
    }
    this.notice = null;
    const typeKey = `${target.portalId}:${target.ref.objectTypeId}`;
    const known = this.ungoverned.has(typeKey) ? false : null;
    // In-page navigation keeps a shown sidebar on screen (loading the new record) instead of
    // detaching it until the first answer: no flicker, no page reflow from the margin. The
    // reveal delay is only for pages where it is not yet known whether anything is governed.
    const keepShown = known === null && (this.visibility() === 'shown' || this.governedTypes.has(typeKey));
    this.current = {
      target,
      key,
      phase: 'loading',
      data: null,
      error: null,
      refreshing: false,
      offline: false,
      governed: known,
      revealed: keepShown,
      applied: 0,
    };
    this.emit();
    if (known === false) return;
    void this.load('view.get');
  }

  /** The first answer is taking long: show the loading state (unless already hidden or shown). */
  reveal(key: string): void {
    const s = this.current;
    if (!s || s.key !== key || s.revealed) return;
    s.revealed = true;
    this.emit();
  }

  /**
   * The tab became visible again (the rep may have set the token in the
   * options page meanwhile). Pushes reach only tabs the current worker knows,
   * and a service worker that slept has forgotten them: a sidebar still
   * showing an error the options page fixes asks again.
   */
  recheck(): void {
    const s = this.current;
    if (!s || s.data || !s.error || !RECOVERABLE.has(s.error.code)) return;
    void this.load('view.get');
  }

  refresh(): void {
    const s = this.current;
    if (!s) return;
    s.refreshing = s.data !== null;
    if (!s.data) s.phase = 'loading';
    this.emit();
    void this.load('view.refresh');
  }

  private async load(type: 'view.get' | 'view.refresh'): Promise<void> {
    const s = this.current;
    if (!s) return;
    const seq = ++this.seq;
    const { key, target } = s;
    const res = await this.deps.send({ type, portalId: target.portalId, ref: target.ref });
    const now = this.current;
    // A late answer for another record (or an older answer for this one) is dropped.
    if (!now || now.key !== key || seq < now.applied) return;
    now.applied = seq;
    now.refreshing = false;
    if (res.ok) this.applyView(now, { evaluation: res.data.evaluation, meta: res.data.snapshotMeta, outbox: res.data.outbox });
    else this.applyError(now, res.error);
    this.emit();
  }

  private applyView(s: RecordState, data: ViewData): void {
    // Within a record, never replace newer data with older (answers and pushes may cross).
    if (s.data && Date.parse(data.meta.loadedAt) < Date.parse(s.data.meta.loadedAt)) return;
    if (!sameRef(data.evaluation.record, s.target.ref)) return;
    s.governed = data.evaluation.object !== null;
    const typeKey = `${s.target.portalId}:${s.target.ref.objectTypeId}`;
    if (s.governed) this.governedTypes.add(typeKey);
    else this.ungoverned.add(typeKey);
    s.data = data;
    s.phase = 'ready';
    s.error = null;
    s.offline = false;
  }

  private applyError(s: RecordState, error: AppError): void {
    s.error = error;
    s.offline = error.code === 'offline';
    s.phase = s.data ? 'ready' : 'error';
  }

  /** A push from the background (lib/content/messaging.ts parsePush). */
  handlePush(push: SidebarPush): void {
    const s = this.current;
    if (push.event === 'status.changed') {
      if (!s) return;
      s.offline = push.status.token === 'offline';
      // A token was set or fixed (or HubSpot is reachable again) while the sidebar showed why it could not load: load now.
      if (push.status.token === 'ok' && s.error && RECOVERABLE.has(s.error.code)) void this.load('view.get');
      this.emit();
      return;
    }
    if (!s || push.portalId !== s.target.portalId) return;
    if (push.event === 'outbox.changed') {
      if (!s.data) return;
      s.data = { ...s.data, outbox: push.entries.filter((e: OutboxEntry) => sameRef(e.record, s.target.ref)) };
      this.emit();
      return;
    }
    if (!sameRef(push.ref, s.target.ref)) return;
    if (push.event === 'view.updated') {
      s.refreshing = false;
      this.applyView(s, { evaluation: push.view.evaluation, meta: push.view.snapshotMeta, outbox: push.view.outbox });
    } else {
      s.refreshing = false;
      this.applyError(s, push.error);
    }
    this.emit();
  }

  setCollapsed(collapsed: boolean): void {
    this.ui = { ...this.ui, collapsed };
    this.emit();
    void this.saveSettings({ sidebar: { collapsed } });
  }

  /** Live while dragging; remembered when `final`. */
  setWidth(width: number, final: boolean): void {
    this.ui = { ...this.ui, width: clampWidth(width) };
    this.emit();
    if (final) void this.saveSettings({ sidebar: { width: this.ui.width } });
  }

  setLearnMode(enabled: boolean): void {
    this.learnMode = enabled;
    this.emit();
    void this.saveSettings({ learnMode: { enabled } });
  }

  private async saveSettings(patch: { sidebar?: Partial<UiPrefs>; learnMode?: { enabled: boolean } }): Promise<void> {
    const res = await this.deps.send({ type: 'settings.set', patch });
    // The background's answer is the truth (a managed policy may override learn mode).
    if (res.ok) {
      this.settings = res.data;
      this.learnMode = res.data.learnMode.active;
      this.emit();
    }
  }

  /** Actions bound to the record they were rendered for (a switch never redirects a write). */
  actions(): SidebarActions | null {
    const s = this.current;
    if (!s) return null;
    let actions = this.actionsCache.get(s.key);
    if (!actions) {
      actions = this.createActions(s.target);
      this.actionsCache.clear();
      this.actionsCache.set(s.key, actions);
    }
    return actions;
  }

  private createActions(target: RecordTarget): SidebarActions {
    const { send } = this.deps;
    const view = { portalId: target.portalId, ref: target.ref };
    const written = (res: Awaited<ReturnType<ContentSend>>, what: string): ActionResult => {
      if (!res.ok) return { ok: false, error: res.error };
      const data = res.data as { sent: boolean; entries: OutboxEntry[] };
      this.mergeOutbox(target, data.entries);
      this.announce(target, data.sent ? `${what}: saved in HubSpot.` : `${what}: queued, sent when HubSpot is reachable.`);
      return { ok: true, sent: data.sent };
    };
    return {
      refresh: () => {
        if (targetKey(target) === this.key) this.refresh();
      },
      updateProperty: async (write: PropertyWrite) =>
        written(await send({ type: 'property.update', ...view, targets: write.targets, property: write.property, value: write.value, label: write.label }), write.label),
      logCall: async (draft: CallDraft): Promise<CallLogResult> => {
        const res = await send({ type: 'call.log', ...view, properties: callProperties(draft) });
        if (!res.ok) return { ok: false, error: res.error };
        const result = written(res, 'Call logged');
        return { ok: true, sent: result.ok && result.sent, cadence: res.data.cadence ?? null };
      },
      createSopNote: async (confirmGaps: boolean) => written(await send({ type: 'sopNote.create', ...view, confirmGaps }), 'S&OP note'),
      applyCadence: async (updates: CadenceUpdate[]) =>
        updates.length === 0
          ? { ok: true, sent: true }
          : written(await send({ type: 'cadence.apply', ...view, updates: updates.map((u) => ({ property: u.property, value: u.value })) }), 'Cadence updated'),
      retryOutbox: async (id: string) => {
        const res = await send({ type: 'outbox.retry', id });
        return res.ok ? { ok: true, sent: res.data.sent } : { ok: false, error: res.error };
      },
      discardOutbox: async (id: string) => {
        const res = await send({ type: 'outbox.discard', id });
        if (res.ok) this.dropOutbox(target, id);
        return res.ok ? { ok: true, sent: true } : { ok: false, error: res.error };
      },
      loadDraft: () => this.deps.drafts.load(target),
      saveDraft: (draft: CallDraft | null) => this.deps.drafts.save(target, draft),
      openOptions: this.deps.openOptions,
    };
  }

  private announce(target: RecordTarget, text: string): void {
    if (this.key !== targetKey(target)) return;
    this.notice = text;
    this.emit();
  }

  private mergeOutbox(target: RecordTarget, entries: OutboxEntry[]): void {
    const s = this.current;
    if (!s || s.key !== targetKey(target) || !s.data || entries.length === 0) return;
    const ids = new Set(entries.map((e) => e.id));
    s.data = { ...s.data, outbox: [...s.data.outbox.filter((e) => !ids.has(e.id)), ...entries] };
    this.emit();
  }

  private dropOutbox(target: RecordTarget, id: string): void {
    const s = this.current;
    if (!s || s.key !== targetKey(target) || !s.data) return;
    s.data = { ...s.data, outbox: s.data.outbox.filter((e) => e.id !== id) };
    this.emit();
  }
}

/** The call properties of a draft (CH-2/CH-3); the background checks them against the record's call-log spec. */
export function callProperties(draft: CallDraft): Record<string, string> {
  const when = new Date(draft.when);
  return {
    hs_call_disposition: draft.outcomeId,
    hs_activity_type: draft.type,
    hs_call_direction: draft.direction,
    hs_call_body: plainTextToHtml(draft.body),
    hs_timestamp: Number.isNaN(when.getTime()) ? draft.when : when.toISOString(),
  };
}

