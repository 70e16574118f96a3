/**
 * What the sidebar shows, independent of how it got there: the content
 * script turns background answers into these shapes and the components
 * render them (props in, JSX out). No browser APIs here, so components and
 * their tests import it freely.
 */
import type { Evaluation } from '../rules/result';
import type { RecordRef } from '../rules/snapshot';
import type { AppError } from '../messages/errors';
import type { OutboxEntry, SnapshotMeta } from '../messages/schemas';

export type { OutboxEntry, SnapshotMeta };

/** Every failure the sidebar can show is a protocol error (lib/messages/errors.ts), each with a plain-words fix. */
export type SidebarError = AppError;
export type SidebarErrorCode = AppError['code'];

export interface ViewData {
  evaluation: Evaluation;
  meta: SnapshotMeta;
  outbox: OutboxEntry[];
}

/** Result of an action the sidebar asked for (a fix, a call, the S&OP note). */
export type ActionResult =
  | { ok: true; /** Accepted by HubSpot now (false: held in the outbox, sent later). */ sent: boolean }
  | { ok: false; error: SidebarError };

/**
 * What a logged call does to a Client Hub record (CH-2, CH-3, CH-8), as the
 * background's engine worked it out (`call.log` answer): whether the cadence
 * moves, to which stage, the property writes that carry it out and the steps in words.
 */
export interface CadenceAfterCall {
  moves: boolean;
  stage: string;
  updates: CadenceUpdate[];
  steps: string[];
}

export interface CadenceUpdate {
  property: string;
  value: string;
}

export type CallLogResult = (ActionResult & { ok: true; cadence: CadenceAfterCall | null }) | (ActionResult & { ok: false });

/** The call-log draft the form keeps per record (survives a closed tab or a failed send). */
export interface CallDraft {
  outcomeId: string;
  type: string;
  direction: string;
  body: string;
  /** YYYY-MM-DDTHH:mm, local time of the rep. */
  when: string;
}

export interface PropertyWrite {
  targets: RecordRef[];
  property: string;
  /** HubSpot wire value: multi-select joined with `;`, dates YYYY-MM-DD. */
  value: string;
  /** Label for the outbox ("Set Deal Approval Status to Approved"). */
  label: string;
}

/** What the sidebar can ask the background to do (lib/content/client.ts implements it). */
export interface SidebarActions {
  refresh(): void;
  updateProperty(write: PropertyWrite): Promise<ActionResult>;
  logCall(draft: CallDraft): Promise<CallLogResult>;
  createSopNote(confirmGaps: boolean): Promise<ActionResult>;
  /** CH-8: carry out a call's cadence move (the updates from the `call.log` answer), after the rep confirms. */
  applyCadence(updates: CadenceUpdate[]): Promise<ActionResult>;
  retryOutbox(id: string): Promise<ActionResult>;
  discardOutbox(id: string): Promise<ActionResult>;
  loadDraft(): Promise<CallDraft | null>;
  saveDraft(draft: CallDraft | null): Promise<void>;
  /** Opens the extension's options page; null where the sidebar cannot (content scripts need the background for it). */
  openOptions: (() => void) | null;
}

export interface UiPrefs {
  collapsed: boolean;
  /** Sidebar width in CSS pixels (clamped to SIDEBAR_MIN_WIDTH..SIDEBAR_MAX_WIDTH). */
  width: number;
}

export const SIDEBAR_MIN_WIDTH = 280;
export const SIDEBAR_MAX_WIDTH = 640;
export const SIDEBAR_DEFAULT_WIDTH = 360;
/** Width of the slim tab the collapsed sidebar becomes. */
export const SIDEBAR_TAB_WIDTH = 36;

export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT_WIDTH;
  return Math.round(Math.min(SIDEBAR_MAX_WIDTH, Math.max(SIDEBAR_MIN_WIDTH, width)));
}

export type ViewPhase = 'loading' | 'ready' | 'error';

/** Everything the shell renders, for one record. */
export interface SidebarModel {
  record: RecordRef;
  portalId: number;
  phase: ViewPhase;
  data: ViewData | null;
  error: SidebarError | null;
  /** A refresh (or a cache revalidation) is under way while `data` is shown. */
  refreshing: boolean;
  /** The background cannot reach HubSpot (network down); cached data is shown when present. */
  offline: boolean;
  learnMode: boolean;
  ui: UiPrefs;
  /** Clock for ages and due dates (ms since epoch); passed in so views are pure. */
  now: number;
  /** The outcome of the last write, announced (a fixed item leaves the list, so its own message would vanish). */
  notice: string | null;
}
