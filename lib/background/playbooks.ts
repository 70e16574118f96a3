/**
 * Which playbook is active, and the playbook messages (get, import, export,
 * reset). Order of precedence: enterprise policy (storage.managed, when
 * valid) → the rep's import → the shipped default. An invalid import keeps
 * the active playbook and returns every error (with JSON paths); an import
 * that stops validating after an extension update falls back to the last
 * valid one, then to the default.
 */
import { AppErrorException, appError, type FieldError } from '../messages/errors';
import type { PlaybookImportResult, PlaybookInfo } from '../messages/schemas';
import { defaultPlaybook } from '../playbook/default/index';
import type { Playbook } from '../playbook/types';
import { validatePlaybook } from '../playbook/validate';
import { playbookItem, type StoredPlaybook } from '../storage/items';
import type { ManagedPolicy } from '../storage/managed';

export interface ActivePlaybook {
  playbook: Playbook;
  /** Identifies the playbook's content (cached evaluations are tied to it). */
  key: string;
  info: PlaybookInfo;
}

/** FNV-1a over the JSON text: a cheap content key, not a security hash. */
export function playbookKey(playbook: Playbook): string {
  const text = JSON.stringify(playbook);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${playbook.id}@${playbook.version}#${(hash >>> 0).toString(16)}`;
}

/** JSON text → playbook or errors; syntax errors say where. */
export function parsePlaybookJson(json: string): { ok: true; playbook: Playbook } | { ok: false; errors: FieldError[] } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    return { ok: false, errors: [{ path: '$', message: `Not valid JSON: ${(err as Error).message}` }] };
  }
  const result = validatePlaybook(data);
  return result.ok ? { ok: true, playbook: result.playbook } : { ok: false, errors: result.errors };
}

export class PlaybookService {
  private current: ActivePlaybook | null = null;

  constructor(private readonly managed: () => Promise<ManagedPolicy>, private readonly now: () => number = Date.now) {}

  /** Forget the memoized choice (storage or policy changed). */
  invalidate(): void {
    this.current = null;
  }

  async active(): Promise<ActivePlaybook> {
    if (this.current) return this.current;
    const [policy, stored] = await Promise.all([this.managed(), playbookItem.getValue()]);
    this.current = this.choose(policy, stored);
    return this.current;
  }

  private choose(policy: ManagedPolicy, stored: StoredPlaybook): ActivePlaybook {
    let managedRejected: PlaybookInfo['managedRejected'] = null;
    const make = (playbook: Playbook, source: PlaybookInfo['source'], importedAt: string | null): ActivePlaybook => ({
      playbook,
      key: playbookKey(playbook),
      info: { playbook, source, importedAt, lastRejected: stored.lastRejected, managedRejected },
    });
    if (policy.playbook !== undefined) {
      const parsed = parsePlaybookJson(policy.playbook);
      if (parsed.ok) return make(parsed.playbook, 'managed', null);
      // An invalid policy never replaces a working playbook; the options page says why it is ignored.
      managedRejected = { errors: parsed.errors };
      console.warn('[sop-sidebar] the managed playbook is invalid; ignored', parsed.errors.slice(0, 5));
    }
    // No import (or reset): the default. An import that no longer validates
    // (extension update) falls back to the last valid one, then the default.
    if (!stored.active) return make(defaultPlaybook, 'default', null);
    for (const version of [stored.active, stored.lastValid]) {
      if (!version) continue;
      const checked = validatePlaybook(version.playbook);
      if (checked.ok) return make(checked.playbook, 'imported', version.importedAt);
    }
    return make(defaultPlaybook, 'default', null);
  }

  async import(json: string): Promise<PlaybookImportResult> {
    const policy = await this.managed();
    if (policy.playbook !== undefined && parsePlaybookJson(policy.playbook).ok) {
      throw new AppErrorException(appError('forbidden', "The playbook is set by your company's policy and cannot be replaced here."));
    }
    const parsed = parsePlaybookJson(json);
    const stored = await playbookItem.getValue();
    const at = new Date(this.now()).toISOString();
    if (!parsed.ok) {
      await playbookItem.setValue({ ...stored, lastRejected: { at, errors: parsed.errors } });
      this.invalidate();
      return { accepted: false, errors: parsed.errors, active: (await this.active()).info };
    }
    await playbookItem.setValue({ active: { playbook: parsed.playbook, importedAt: at }, lastValid: stored.active ?? stored.lastValid, lastRejected: null });
    this.invalidate();
    return { accepted: true, errors: [], active: (await this.active()).info };
  }

  async reset(): Promise<PlaybookInfo> {
    const stored = await playbookItem.getValue();
    await playbookItem.setValue({ active: null, lastValid: stored.active ?? stored.lastValid, lastRejected: null });
    this.invalidate();
    return (await this.active()).info;
  }

  async export(): Promise<{ json: string; fileName: string }> {
    const { playbook } = await this.active();
    const slug = `${playbook.id}-${playbook.version}`.replace(/[^a-z0-9._-]+/gi, '-').slice(0, 80);
    return { json: `${JSON.stringify(playbook, null, 2)}\n`, fileName: `${slug}.playbook.json` };
  }
}
