/**
 * The options page's state and every action it takes, as a small store.
 * All talk to the background goes through the typed protocol client
 * (lib/messages/client.ts); errors are values kept per section, so a failed
 * action never blanks the rest of the page. The clock, the timer, pushes and
 * the download are injected (tests drive them; the entrypoint wires the real ones).
 */
import type { Client, PushHandler } from '../messages/client';
import { appError, type AppError, type FieldError } from '../messages/errors';
import type { Request, Response } from '../messages/protocol';
import type { ApiTier, PlaybookInfo, Settings, Status } from '../messages/schemas';
import { checkDraft, type DraftCheck } from './draft';
import { choiceToEnabled, type LearnChoice } from './learn-mode';
import { plural } from './format';
import { lintReport, type LintReport } from './lint-report';
import { normalizeToken, tokenInputProblem } from './token-input';

/** The protocol's limit for playbook JSON (lib/messages/protocol.ts). */
export const MAX_PLAYBOOK_CHARS = 5_000_000;
/** Validate the draft this long after the last keystroke. */
export const DRAFT_DEBOUNCE_MS = 250;

export interface OpState {
  busy: boolean;
  error: AppError | null;
  /** What just succeeded, in words (announced politely). */
  notice: string | null;
}

export type TokenAction = 'save' | 'verify' | 'remove';
export type PlaybookAction = 'import' | 'export' | 'reset' | 'save' | 'edit';

export interface RejectedPlaybook {
  /** Where the refused playbook came from. */
  from: 'file' | 'editor';
  fileName: string | null;
  errors: FieldError[];
}

export interface EditorState {
  open: boolean;
  text: string;
  /** The text's check (null until the first one has run). */
  check: DraftCheck | null;
  /** A check is scheduled (typing). */
  pending: boolean;
  dirty: boolean;
}

export interface LintState extends OpState {
  report: LintReport | null;
  /** What was checked: the active playbook or the unsaved draft. */
  subject: 'active' | 'draft' | null;
  at: string | null;
}

export interface OptionsState {
  phase: 'loading' | 'ready' | 'failed';
  loadError: AppError | null;
  status: Status | null;
  settings: Settings | null;
  playbook: PlaybookInfo | null;
  token: OpState & { action: TokenAction | null };
  apiTier: OpState;
  learnMode: OpState;
  playbookOp: OpState & { action: PlaybookAction | null; rejected: RejectedPlaybook | null; confirmingReset: boolean };
  editor: EditorState;
  lint: LintState;
}

export interface OptionsDeps {
  client: Client;
  /** Background pushes (lib/messages/client.ts onPush). */
  subscribe?: (handler: PushHandler) => () => void;
  now?: () => number;
  /** Runs `fn` after `ms`; returns the cancel function. */
  schedule?: (fn: () => void, ms: number) => () => void;
  download?: (fileName: string, text: string) => void;
}

const idle: OpState = { busy: false, error: null, notice: null };

export function initialState(): OptionsState {
  return {
    phase: 'loading',
    loadError: null,
    status: null,
    settings: null,
    playbook: null,
    token: { ...idle, action: null },
    apiTier: { ...idle },
    learnMode: { ...idle },
    playbookOp: { ...idle, action: null, rejected: null, confirmingReset: false },
    editor: { open: false, text: '', check: null, pending: false, dirty: false },
    lint: { ...idle, report: null, subject: null, at: null },
  };
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const id = setTimeout(fn, ms);
  return () => clearTimeout(id);
};

export type OptionsActions = Pick<
  OptionsController,
  | 'reload'
  | 'saveToken'
  | 'verifyToken'
  | 'removeToken'
  | 'setApiTier'
  | 'setLearnMode'
  | 'setLearnDays'
  | 'importPlaybook'
  | 'exportPlaybook'
  | 'askReset'
  | 'cancelReset'
  | 'resetPlaybook'
  | 'openEditor'
  | 'editDraft'
  | 'saveDraft'
  | 'closeEditor'
  | 'lint'
>;

export class OptionsController {
  private state: OptionsState = initialState();
  private readonly listeners = new Set<(state: OptionsState) => void>();
  private cancelCheck: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;
  private readonly now: () => number;
  private readonly schedule: (fn: () => void, ms: number) => () => void;

  constructor(private readonly deps: OptionsDeps) {
    this.now = deps.now ?? Date.now;
    this.schedule = deps.schedule ?? defaultSchedule;
  }

  getState(): OptionsState {
    return this.state;
  }

  subscribe(listener: (state: OptionsState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<OptionsState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private send<M extends Request>(message: M): Promise<Response<M['type']>> {
    return this.deps.client.send(message);
  }

  /** Loads everything and listens to pushes. */
  async start(): Promise<void> {
    this.unsubscribe ??= this.deps.subscribe?.((push) => {
      if (push.event === 'status.changed') this.set({ status: push.status });
    }) ?? null;
    await this.reload();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.cancelCheck?.();
    this.listeners.clear();
  }

  async reload(): Promise<void> {
    this.set({ phase: this.state.phase === 'ready' ? 'ready' : 'loading' });
    const [settings, status, playbook] = await Promise.all([
      this.send({ type: 'settings.get' }),
      this.send({ type: 'status.get' }),
      this.send({ type: 'playbook.get' }),
    ]);
    const failures = [settings, status, playbook].filter((r) => !r.ok);
    const firstError = failures.length > 0 && !failures[0]!.ok ? failures[0]!.error : null;
    this.set({
      phase: failures.length === 3 ? 'failed' : 'ready',
      loadError: firstError,
      settings: settings.ok ? settings.data : this.state.settings,
      status: status.ok ? status.data : this.state.status,
      playbook: playbook.ok ? playbook.data : this.state.playbook,
    });
  }

  // ── Token ──────────────────────────────────────────────────────────────

  /** Verifies and saves a pasted token; true when it was saved (the input can be cleared). */
  async saveToken(text: string): Promise<boolean> {
    const problem = tokenInputProblem(text);
    if (problem) {
      this.set({ token: { busy: false, action: 'save', notice: null, error: appError('validation', problem) } });
      return false;
    }
    this.set({ token: { busy: true, action: 'save', error: null, notice: null } });
    const res = await this.send({ type: 'token.set', token: normalizeToken(text) });
    if (!res.ok) {
      this.set({ token: { busy: false, action: 'save', error: res.error, notice: null } });
      return false;
    }
    this.set({
      status: res.data,
      token: { busy: false, action: 'save', error: null, notice: `Token verified and saved for portal ${res.data.portalId ?? 'unknown'}.` },
    });
    return true;
  }

  async verifyToken(): Promise<void> {
    this.set({ token: { busy: true, action: 'verify', error: null, notice: null } });
    const res = await this.send({ type: 'token.verify' });
    if (!res.ok) {
      // The background recorded what it learnt (refused, expired): show the new state too.
      const status = await this.send({ type: 'status.get' });
      this.set({ status: status.ok ? status.data : this.state.status, token: { busy: false, action: 'verify', error: res.error, notice: null } });
      return;
    }
    this.set({ status: res.data, token: { busy: false, action: 'verify', error: null, notice: 'HubSpot accepted the token again.' } });
  }

  async removeToken(): Promise<void> {
    this.set({ token: { busy: true, action: 'remove', error: null, notice: null } });
    const res = await this.send({ type: 'token.clear' });
    if (!res.ok) {
      this.set({ token: { busy: false, action: 'remove', error: res.error, notice: null } });
      return;
    }
    const status = await this.send({ type: 'status.get' });
    this.set({
      status: status.ok ? status.data : this.state.status,
      lint: { ...idle, report: null, subject: null, at: null },
      token: { busy: false, action: 'remove', error: null, notice: 'The token was removed from this browser, with the data it loaded.' },
    });
  }

  // ── Settings ───────────────────────────────────────────────────────────

  async setApiTier(tier: ApiTier): Promise<void> {
    this.set({ apiTier: { busy: true, error: null, notice: null } });
    const res = await this.send({ type: 'settings.set', patch: { apiTier: tier } });
    if (!res.ok) {
      this.set({ apiTier: { busy: false, error: res.error, notice: null } });
      return;
    }
    this.set({ settings: res.data, apiTier: { busy: false, error: null, notice: `Saved: ${tier} requests per 10 seconds.` } });
  }

  async setLearnMode(choice: LearnChoice): Promise<void> {
    await this.patchLearnMode({ enabled: choiceToEnabled(choice) }, choice === 'auto' ? 'Learn mode is automatic again.' : `Learn mode switched ${choice}.`);
  }

  async setLearnDays(days: number): Promise<void> {
    if (!Number.isInteger(days) || days < 0 || days > 365) {
      this.set({ learnMode: { busy: false, notice: null, error: appError('validation', 'Enter a whole number of days from 0 to 365.') } });
      return;
    }
    await this.patchLearnMode({ days }, `Learning period saved: ${days} days after install.`);
  }

  private async patchLearnMode(patch: { enabled?: boolean | null; days?: number }, notice: string): Promise<void> {
    this.set({ learnMode: { busy: true, error: null, notice: null } });
    const res = await this.send({ type: 'settings.set', patch: { learnMode: patch } });
    if (!res.ok) {
      this.set({ learnMode: { busy: false, error: res.error, notice: null } });
      return;
    }
    this.set({ settings: res.data, learnMode: { busy: false, error: null, notice } });
  }

  // ── Playbook ───────────────────────────────────────────────────────────

  private playbookOp(patch: Partial<OptionsState['playbookOp']>): void {
    this.set({ playbookOp: { ...this.state.playbookOp, ...patch } });
  }

  private describe(info: PlaybookInfo): string {
    return `“${info.playbook.name}” version ${info.playbook.version}`;
  }

  /** Imports a playbook file's text; a refused one leaves the active playbook as it was. */
  async importPlaybook(fileName: string, text: string): Promise<boolean> {
    if (text.length > MAX_PLAYBOOK_CHARS) {
      this.playbookOp({ busy: false, action: 'import', notice: null, rejected: null, error: appError('validation', `${fileName} is too large for a playbook (over ${MAX_PLAYBOOK_CHARS.toLocaleString('en-US')} characters).`) });
      return false;
    }
    if (text.trim().length < 2) {
      this.playbookOp({ busy: false, action: 'import', notice: null, rejected: { from: 'file', fileName, errors: [{ path: '$', message: 'The file is empty.' }] }, error: null });
      return false;
    }
    this.playbookOp({ busy: true, action: 'import', error: null, notice: null, rejected: null, confirmingReset: false });
    const res = await this.send({ type: 'playbook.import', json: text });
    if (!res.ok) {
      this.playbookOp({ busy: false, error: res.error });
      return false;
    }
    if (!res.data.accepted) {
      this.set({ playbook: res.data.active });
      this.playbookOp({ busy: false, rejected: { from: 'file', fileName, errors: res.data.errors } });
      return false;
    }
    this.set({ playbook: res.data.active, lint: { ...idle, report: null, subject: null, at: null } });
    this.playbookOp({ busy: false, notice: `Imported ${this.describe(res.data.active)} from ${fileName}.` });
    return true;
  }

  async exportPlaybook(): Promise<void> {
    this.playbookOp({ busy: true, action: 'export', error: null, notice: null });
    const res = await this.send({ type: 'playbook.export' });
    if (!res.ok) {
      this.playbookOp({ busy: false, error: res.error });
      return;
    }
    try {
      this.deps.download?.(res.data.fileName, res.data.json);
    } catch (err) {
      this.playbookOp({ busy: false, error: appError('internal', `The download could not start: ${(err as Error).message}`) });
      return;
    }
    this.playbookOp({ busy: false, notice: `Downloaded ${res.data.fileName}.` });
  }

  askReset(): void {
    this.playbookOp({ confirmingReset: true, action: 'reset', error: null, notice: null });
  }

  cancelReset(): void {
    this.playbookOp({ confirmingReset: false });
  }

  async resetPlaybook(): Promise<void> {
    this.playbookOp({ busy: true, action: 'reset', error: null, notice: null, rejected: null, confirmingReset: false });
    const res = await this.send({ type: 'playbook.reset' });
    if (!res.ok) {
      this.playbookOp({ busy: false, error: res.error });
      return;
    }
    this.set({ playbook: res.data, lint: { ...idle, report: null, subject: null, at: null } });
    this.playbookOp({ busy: false, notice: `Back to ${res.data.source === 'managed' ? 'your company’s' : 'the default'} playbook: ${this.describe(res.data)}.` });
  }

  // ── Editing in place ───────────────────────────────────────────────────

  /** Opens the editor on the active playbook's JSON (as exported). */
  async openEditor(): Promise<void> {
    this.playbookOp({ busy: true, action: 'edit', error: null, notice: null });
    const res = await this.send({ type: 'playbook.export' });
    if (!res.ok) {
      this.playbookOp({ busy: false, error: res.error });
      return;
    }
    this.playbookOp({ busy: false });
    this.set({ editor: { open: true, text: res.data.json, check: checkDraft(res.data.json), pending: false, dirty: false } });
  }

  /** The text changed: validation runs once typing pauses. */
  editDraft(text: string): void {
    this.cancelCheck?.();
    this.set({ editor: { ...this.state.editor, text, pending: true, dirty: true } });
    this.cancelCheck = this.schedule(() => this.runCheck(), DRAFT_DEBOUNCE_MS);
  }

  private runCheck(): DraftCheck {
    this.cancelCheck?.();
    this.cancelCheck = null;
    const check = checkDraft(this.state.editor.text);
    this.set({ editor: { ...this.state.editor, check, pending: false } });
    return check;
  }

  async saveDraft(): Promise<boolean> {
    const check = this.runCheck();
    if (!check.ok) return false;
    this.playbookOp({ busy: true, action: 'save', error: null, notice: null, rejected: null });
    const res = await this.send({ type: 'playbook.import', json: this.state.editor.text });
    if (!res.ok) {
      this.playbookOp({ busy: false, error: res.error });
      return false;
    }
    this.set({ playbook: res.data.active });
    if (!res.data.accepted) {
      this.playbookOp({ busy: false, rejected: { from: 'editor', fileName: null, errors: res.data.errors } });
      return false;
    }
    this.set({ editor: { open: false, text: '', check: null, pending: false, dirty: false }, lint: { ...idle, report: null, subject: null, at: null } });
    this.playbookOp({ busy: false, notice: `Saved ${this.describe(res.data.active)}.` });
    return true;
  }

  closeEditor(): void {
    this.cancelCheck?.();
    this.cancelCheck = null;
    this.set({ editor: { open: false, text: '', check: null, pending: false, dirty: false } });
    if (this.state.playbookOp.rejected?.from === 'editor') this.playbookOp({ rejected: null });
  }

  // ── Lint ───────────────────────────────────────────────────────────────

  /** Checks the active playbook (or the unsaved draft) against the token's portal. */
  async lint(subject: 'active' | 'draft' = 'active'): Promise<void> {
    if (subject === 'draft' && !this.runCheck().ok) return;
    if (this.state.status?.token === 'none') {
      // Nothing to compare with: say so without a round trip (the background would refuse too).
      this.set({ lint: { ...this.state.lint, busy: false, notice: null, error: appError('no-token', 'The portal check needs a HubSpot token: it reads the portal of the saved token.') } });
      return;
    }
    this.set({ lint: { ...this.state.lint, busy: true, error: null, notice: null } });
    const message: Request = subject === 'draft' ? { type: 'playbook.lint', json: this.state.editor.text } : { type: 'playbook.lint' };
    const res = await this.send(message as Extract<Request, { type: 'playbook.lint' }>);
    if (!res.ok) {
      this.set({ lint: { ...this.state.lint, busy: false, error: res.error } });
      return;
    }
    const report = lintReport(res.data);
    this.set({
      lint: {
        busy: false,
        error: null,
        report,
        subject,
        at: new Date(this.now()).toISOString(),
        notice: report.clean ? 'No problems found.' : `Found ${plural(report.counts.error, 'error')} and ${plural(report.counts.warning, 'warning')}.`,
      },
    });
  }
}


const ACTION_NAMES = [
  'reload', 'saveToken', 'verifyToken', 'removeToken', 'setApiTier', 'setLearnMode', 'setLearnDays',
  'importPlaybook', 'exportPlaybook', 'askReset', 'cancelReset', 'resetPlaybook', 'openEditor', 'editDraft',
  'saveDraft', 'closeEditor', 'lint',
] as const satisfies ReadonlyArray<keyof OptionsActions>;

/** The controller's actions bound to it, safe to hand to components as callbacks. */
export function bindActions(controller: OptionsController): OptionsActions {
  const bound: Record<string, unknown> = {};
  for (const name of ACTION_NAMES) bound[name] = (controller[name] as (...args: unknown[]) => unknown).bind(controller);
  return bound as unknown as OptionsActions;
}
