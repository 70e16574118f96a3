/**
 * The background service: builds the parts (database, cache, limiter,
 * token, outbox, views, writes, playbooks, pushes) and answers every
 * protocol message. entrypoints/background.ts only connects it to the
 * browser (runtime.onMessage, alarms, install).
 */
import type { AppError } from '../messages/errors';
import { AppErrorException, appError } from '../messages/errors';
import type { Settings } from '../messages/schemas';
import { resolveObjects } from '../playbook/resolve';
import type { AssociationLabelDef } from '../playbook/lint';
import type { Playbook } from '../playbook/types';
import type { PortalMeta } from '../rules/snapshot';
import type { ManagedPolicy } from '../storage/managed';
import { readManagedPolicy } from '../storage/managed';
import { readSettings, writeSettings } from '../storage/settings';
import { TokenStore, kvValue } from '../storage/token';
import type { HubSpotClient } from '../hubspot/client';
import { ViewCache, type CacheOptions } from './cache';
import { systemClock, type Clock } from './clock';
import type { AppDb } from './db';
import type { Engine } from './engine';
import { detach } from './errors';
import { Outbox, toWireEntry } from './outbox';
import { PlaybookService, parsePlaybookJson } from './playbooks';
import { Pusher, type PushTransport } from './push';
import { RateLimiter, type FetchLike, type LimiterState, type RateLimiterOptions } from './rate-limiter';
import { Router, type HandlerContext, type RouterOptions } from './router';
import type { ScanRunner, ScanRunnerFactory } from './scan-registry';
import { TokenService } from './tokens';
import { ViewService } from './views';
import { createWriteTransport } from './write-transport';
import { WriteService } from './writes';

export const ALARM_OUTBOX = 'sop-sidebar:outbox';
/** The rate limit lifts: held writes and queued bulk work go on. */
export const ALARM_RESUME = 'sop-sidebar:resume';
/** A paused compliance scan is due to go on (its own alarm: the limiter clears ALARM_RESUME when limits lift). */
export const ALARM_SCAN = 'sop-sidebar:scan';

/** Longest in-worker timer; later wake-ups are left to chrome.alarms (which fire ≥ 30 s). */
const TIMER_LIMIT_MS = 25_000;

export interface Alarms {
  set(name: string, at: number | null): void;
}

export interface BackgroundOptions extends RouterOptions {
  db: AppDb;
  engine: Engine;
  /** The network (globalThis.fetch in the worker). */
  fetch: FetchLike;
  baseUrl?: string;
  push: PushTransport;
  alarms: Alarms;
  clock?: Clock;
  managed?: () => Promise<ManagedPolicy>;
  cache?: CacheOptions;
  limiter?: Partial<Omit<RateLimiterOptions, 'fetch' | 'tier' | 'store' | 'onChange' | 'timeZone'>>;
  views?: { freshMs?: number; revalidateAfterMs?: number };
  /** runtime.openOptionsPage (absent where the browser cannot open it: options.open answers unavailable). */
  openOptionsPage?: () => Promise<void>;
  outbox?: { backoffBaseMs?: number; backoffCapMs?: number; unknownOutcomeDelayMs?: number };
}

export class BackgroundService {
  readonly router: Router;
  readonly limiter: RateLimiter;
  readonly cache: ViewCache;
  readonly outbox: Outbox;
  readonly tokens: TokenService;
  readonly views: ViewService;
  readonly writes: WriteService;
  readonly playbooks: PlaybookService;
  readonly pusher: Pusher;
  private readonly clock: Clock;
  private readonly managed: () => Promise<ManagedPolicy>;
  private settingsCache: Settings | null = null;
  private outboxTimer: unknown = null;
  private scan: ScanRunner | null = null;
  private stopped = false;

  constructor(private readonly o: BackgroundOptions) {
    this.clock = o.clock ?? systemClock;
    const now = () => this.clock.now();
    this.managed = o.managed ?? (() => readManagedPolicy());
    const tokenStore = new TokenStore(o.db);
    this.pusher = new Pusher(o.push);
    this.cache = new ViewCache(o.db, { now, ...o.cache });
    this.limiter = new RateLimiter({
      fetch: o.fetch,
      clock: this.clock,
      tier: () => this.settingsCache?.apiTier ?? 100,
      timeZone: () => this.currentToken?.timeZone ?? null,
      store: kvValue<LimiterState>(o.db, 'limiter'),
      onChange: (state) => this.limitsChanged(state),
      ...o.limiter,
    });
    this.playbooks = new PlaybookService(this.managed, now);
    this.outbox = new Outbox({
      db: o.db,
      clock: this.clock,
      ...o.outbox,
      transport: (portalId) => this.transportFor(portalId),
      schedule: (at) => this.scheduleOutbox(at),
      onChange: (portalId) => detach(this.outboxChanged(portalId), 'outbox push'),
      onApplied: (entry) => this.writes.applied(entry),
    });
    this.tokens = new TokenService({
      store: tokenStore,
      limiter: this.limiter,
      baseUrl: o.baseUrl ?? 'https://api.hubapi.com',
      settings: () => this.settings(),
      outboxCounts: (portalId) => this.outbox.counts(portalId),
      now,
      onChange: () => detach(this.statusChanged(), 'status push'),
    });
    this.views = new ViewService({
      cache: this.cache,
      tokens: this.tokens,
      playbooks: this.playbooks,
      engine: o.engine,
      pusher: this.pusher,
      outbox: this.outbox,
      now,
      ...o.views,
    });
    this.writes = new WriteService({ outbox: this.outbox, views: this.views, tokens: this.tokens, playbooks: this.playbooks, engine: o.engine, now });
    this.router = new Router(o);
    this.registerHandlers();
  }

  /**
   * After the worker (re)starts: restore the limiter state and the outbox,
   * then send held writes and resume a paused scan in the background (the
   * message that woke the worker is not kept waiting for them).
   */
  async start(): Promise<void> {
    await this.settings(true);
    await this.refreshToken();
    await this.limiter.restore();
    await this.outbox.recover();
    detach(this.outbox.drain(), 'outbox resume');
    if (this.scan) detach(this.scan.resume(), 'scan resume');
  }

  async onAlarm(name: string): Promise<void> {
    if (name === ALARM_OUTBOX) await this.outbox.drain();
    if (name === ALARM_RESUME) {
      await this.outbox.drain();
      await this.scan?.resume();
    }
    if (name === ALARM_SCAN) await this.scan?.resume();
  }

  /**
   * Another playbook is active: the portal metadata it needs may differ
   * (properties are loaded per playbook object), so it is refreshed on the
   * next load; cached views are re-evaluated on their next read.
   */
  private async playbookChanged(): Promise<void> {
    const record = await this.tokens.get();
    if (record) await this.cache.expirePortalMeta(record.portalId);
  }

  /** Settings or policy changed (storage.onChanged). */
  async settingsChanged(): Promise<void> {
    const before = (await this.playbooks.active()).key;
    this.playbooks.invalidate();
    if ((await this.playbooks.active()).key !== before) await this.playbookChanged();
    await this.settings(true);
    await this.statusChanged();
  }

  registerScanRunner(factory: ScanRunnerFactory): void {
    this.scan = factory({
      client: async () => {
        const record = await this.tokens.get();
        if (!record) throw new AppErrorException(appError('no-token', 'Set a HubSpot token first: the scan reads the portal with it.'));
        const checked = await this.tokens.require(record.portalId);
        return { portalId: checked.portalId, uiDomain: checked.uiDomain, client: this.tokens.client(checked, 'bulk') };
      },
      playbook: () => this.playbooks.active(),
      portalMeta: async () => {
        const record = await this.tokens.get();
        if (!record) throw new AppErrorException(appError('no-token', 'Set a HubSpot token first: the scan reads the portal with it.'));
        return this.views.portalMeta(record.portalId, await this.tokens.require(record.portalId), 'bulk');
      },
      engine: this.o.engine,
      db: this.o.db,
      progress: (status) => detach(this.pusher.scan({ event: 'scan.progress', status }), 'scan push'),
      resumeAt: (at) => this.o.alarms.set(ALARM_SCAN, at),
      now: () => this.clock.now(),
    });
  }

  private async settings(force = false): Promise<Settings> {
    if (!this.settingsCache || force) this.settingsCache = await readSettings({ managed: this.managed, now: () => this.clock.now() });
    return this.settingsCache;
  }

  private transportCache: { key: string; transport: ReturnType<typeof createWriteTransport> } | null = null;
  private currentToken: { token: string; portalId: number; timeZone: string; rejected: string | null } | null = null;

  private transportFor(portalId: number): ReturnType<typeof createWriteTransport> | AppError {
    const token = this.currentToken;
    if (!token) return appError('no-token', 'Waiting for a HubSpot token (options page).');
    if (token.rejected) return appError(token.rejected === 'expired' ? 'expired-token' : 'invalid-token', 'Waiting for a valid HubSpot token.');
    if (token.portalId !== portalId) return appError('wrong-portal', `Made in portal ${portalId}; the token is for portal ${token.portalId}.`, { tokenPortalId: token.portalId });
    const key = `${token.token}|${portalId}`;
    if (this.transportCache?.key !== key) {
      const client = this.tokens.client(token, 'interactive');
      this.transportCache = { key, transport: this.observed(createWriteTransport(client)) };
    }
    return this.transportCache.transport;
  }

  private observed(transport: ReturnType<typeof createWriteTransport>): ReturnType<typeof createWriteTransport> {
    return {
      send: (op, id) => transport.send(op, id).catch(async (err: unknown) => {
        await this.tokens.noteError(err);
        await this.refreshToken();
        throw err;
      }),
      findApplied: (op, id) => transport.findApplied(op, id),
    };
  }

  /** Keep a synchronous copy of the token for the outbox's transport choice. */
  async refreshToken(): Promise<void> {
    const record = await this.tokens.get();
    this.currentToken = record ? { token: record.token, portalId: record.portalId, timeZone: record.timeZone, rejected: record.rejected } : null;
  }

  /** Stop scheduling work (tests simulate a worker's death with stop() + closing the database). */
  stop(): void {
    this.stopped = true;
    this.outbox.close();
    if (this.outboxTimer !== null) this.clock.clearTimeout(this.outboxTimer);
    this.outboxTimer = null;
  }

  private scheduleOutbox(at: number | null): void {
    if (this.outboxTimer !== null) this.clock.clearTimeout(this.outboxTimer);
    this.outboxTimer = null;
    if (this.stopped) return;
    this.o.alarms.set(ALARM_OUTBOX, at);
    if (at === null) return;
    const wait = Math.max(0, at - this.clock.now());
    if (wait <= TIMER_LIMIT_MS) {
      this.outboxTimer = this.clock.setTimeout(() => {
        this.outboxTimer = null;
        detach(this.outbox.drain(), 'outbox drain');
      }, wait);
    }
  }

  private limitsChanged(state: LimiterState): void {
    const until = Math.max(state.pausedUntil ?? 0, state.dailyResetAt ?? 0);
    // Queued bulk work and held writes resume when the limit lifts, even if the worker slept meanwhile.
    this.o.alarms.set(ALARM_RESUME, until > this.clock.now() ? until : null);
    detach(this.statusChanged(), 'status push');
  }

  private async outboxChanged(portalId: number): Promise<void> {
    const entries = await this.outbox.list({ portalId });
    await this.pusher.outbox({ event: 'outbox.changed', portalId, entries: entries.map(toWireEntry) });
  }

  private async statusChanged(): Promise<void> {
    await this.refreshToken();
    await this.pusher.status({ event: 'status.changed', status: await this.tokens.status() });
  }

  private async lint(json: string | undefined): Promise<{ portalId: number; issues: Array<{ severity: 'error' | 'warning'; path: string; message: string; fix: string }> }> {
    let playbook: Playbook;
    if (json !== undefined) {
      const parsed = parsePlaybookJson(json);
      if (!parsed.ok) {
        return { portalId: 0, issues: parsed.errors.map((e) => ({ severity: 'error' as const, path: e.path, message: e.message, fix: 'Fix the playbook so it validates, then lint again.' })) };
      }
      playbook = parsed.playbook;
    } else {
      playbook = (await this.playbooks.active()).playbook;
    }
    const record = await this.tokens.get();
    if (!record) throw new AppErrorException(appError('no-token', 'Set a HubSpot token first: lint compares the playbook with the portal.'));
    const token = await this.tokens.require(record.portalId);
    // A lint is an explicit "check against the portal now": fresh metadata.
    const meta = await this.views.portalMeta(record.portalId, token, 'interactive', true);
    const labels = await this.associationLabels(this.tokens.client(token, 'interactive'), playbook, meta);
    return { portalId: record.portalId, issues: this.o.engine.lintPlaybook(playbook, meta, labels) };
  }

  /** Association type definitions for every object pair the playbook names. */
  private async associationLabels(client: HubSpotClient, playbook: Playbook, meta: PortalMeta): Promise<AssociationLabelDef[]> {
    const ids = resolveObjects(playbook, meta);
    const pairs = new Set<string>();
    for (const p of [...playbook.associations.primary, ...playbook.associations.labels]) {
      const from = ids[p.from];
      const to = ids[p.to];
      if (from && to) pairs.add(`${from}>${to}`);
    }
    const company = Object.values(ids).find((id) => id === '0-2');
    if (company && (playbook.associations.parentToChild !== undefined || playbook.associations.childToParent !== undefined)) pairs.add('0-2>0-2');
    const out: AssociationLabelDef[] = [];
    for (const pair of pairs) {
      const [from, to] = pair.split('>') as [string, string];
      const types = await client.associationLabels(from, to);
      for (const t of types) out.push({ fromObjectTypeId: from, toObjectTypeId: to, category: t.category, typeId: t.typeId, label: t.label });
    }
    return out;
  }

  private requireScan(): ScanRunner {
    if (!this.scan) throw new AppErrorException(appError('unavailable', 'The compliance scan is not available in this build.'));
    return this.scan;
  }

  private registerHandlers(): void {
    const r = this.router;
    // Only the sidebar's tab gets view pushes by tabs.sendMessage (pages get runtime messages).
    const tab = (ctx: HandlerContext) => (ctx.from === 'content' && ctx.tabId !== null ? { tab: { tabId: ctx.tabId, frameId: ctx.frameId } } : {});
    r.register('view.get', (m, ctx) => this.views.get(m.portalId, m.ref, tab(ctx)));
    r.register('view.refresh', (m, ctx) => this.views.get(m.portalId, m.ref, { force: true, ...tab(ctx) }));
    r.register('property.update', (m) => this.writes.propertyUpdate(m));
    r.register('call.log', (m) => this.writes.callLog(m));
    r.register('sopNote.create', (m) => this.writes.sopNote(m));
    r.register('cadence.apply', (m) => this.writes.cadenceApply(m));
    // A sidebar sees and touches only its own portal's writes.
    const ownEntry = async (id: string, ctx: HandlerContext) => {
      const entry = await this.outbox.get(id);
      if (entry && ctx.from === 'content' && ctx.tabPortalId !== null && entry.portalId !== ctx.tabPortalId) {
        throw new AppErrorException(appError('forbidden', 'This write belongs to another portal.'));
      }
    };
    r.register('outbox.list', async (m, ctx) => {
      const portalId = m.portalId ?? (ctx.from === 'content' ? (ctx.tabPortalId ?? undefined) : undefined);
      return { entries: (await this.outbox.list({ ...(portalId !== undefined ? { portalId } : {}), ...(m.ref ? { ref: m.ref } : {}) })).map(toWireEntry) };
    });
    r.register('outbox.retry', async (m, ctx) => {
      await ownEntry(m.id, ctx);
      const result = await this.outbox.retry(m.id);
      if (!result.entry && !result.sent) throw new AppErrorException(result.error ?? appError('not-found', 'This write is no longer in the outbox.'));
      return { entry: result.entry ? toWireEntry(result.entry) : null, sent: result.sent };
    });
    r.register('outbox.discard', async (m, ctx) => {
      await ownEntry(m.id, ctx);
      return { discarded: await this.outbox.discard(m.id) };
    });
    r.register('settings.get', () => this.settings(true));
    r.register('settings.set', async (m, ctx) => {
      const settings = await writeSettings(m.patch, ctx.from, { managed: this.managed, now: () => this.clock.now() });
      this.settingsCache = settings;
      return settings;
    });
    r.register('status.get', (m) => this.tokens.status(m.portalId));
    r.register('options.open', async () => {
      if (!this.o.openOptionsPage) throw new AppErrorException(appError('unavailable', 'This browser cannot open the options page from here.'));
      await this.o.openOptionsPage();
      return { opened: true as const };
    });
    r.register('playbook.get', async () => (await this.playbooks.active()).info);
    r.register('token.set', async (m) => {
      const previous = await this.tokens.get();
      const record = await this.tokens.verify(m.token);
      if (previous && previous.portalId !== record.portalId) await this.cache.clearPortal(previous.portalId);
      await this.refreshToken();
      detach(this.outbox.wakeAll(record.portalId), 'outbox wake');
      return this.tokens.status();
    });
    r.register('token.verify', async () => {
      await this.tokens.verify();
      await this.refreshToken();
      return this.tokens.status();
    });
    r.register('token.clear', async () => {
      const old = await this.tokens.clear();
      if (old) await this.cache.clearPortal(old.portalId);
      await this.refreshToken();
      return { cleared: true as const };
    });
    r.register('playbook.import', async (m) => {
      const result = await this.playbooks.import(m.json);
      if (result.accepted) await this.playbookChanged();
      return result;
    });
    r.register('playbook.export', () => this.playbooks.export());
    r.register('playbook.reset', async () => {
      const info = await this.playbooks.reset();
      await this.playbookChanged();
      return info;
    });
    r.register('playbook.lint', (m) => this.lint(m.json));
    r.register('scan.start', (m) => this.requireScan().start(m));
    r.register('scan.cancel', (m) => this.requireScan().cancel(m.scanId));
    r.register('scan.status', (m) => this.requireScan().status(m.scanId));
    r.register('scan.results', (m) => this.requireScan().results(m.scanId, m.offset ?? 0, m.limit ?? 500));
  }
}
