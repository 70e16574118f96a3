/**
 * One rate limiter in front of every HubSpot request the extension makes
 * (sidebar views, writes, admin scans), wrapping fetch.
 *
 * HubSpot's limits (shared/HUBSPOT-API.md): per account a rolling 10-second
 * budget by tier (100 / 190 / 250), about 4–5 search requests a second on
 * top, and a daily budget. The limiter:
 * - keeps its own rolling log of request starts and never plans past
 *   `tier × (1 − reserve)`; the bulk lane (admin scans) may use all of it but
 *   `headroom` slots, which stay free for the sidebar (a cold record view
 *   needs 7 requests), and the interactive lane is always served first: a
 *   scan runs at the tier's pace and never makes the sidebar wait;
 * - reads `X-HubSpot-RateLimit-Remaining/-Max/-Interval-Milliseconds`: what
 *   HubSpot counts beyond our own requests is other apps' use of the
 *   account's budget, and both lanes plan that much less;
 * - honours `Retry-After`; retries 429 TEN_SECONDLY/SECONDLY after the wait,
 *   and 5xx / network errors / timeouts of idempotent requests with
 *   exponential backoff and full jitter, a bounded number of times;
 * - stops everything on a DAILY 429 until the reset (persisted);
 * - never waits longer than an MV3 service worker survives idle (`maxWaitMs`,
 *   20 s): a longer wait is persisted as "resume at" and the caller gets a
 *   typed RateLimitedError; the background wakes queued bulk work with
 *   chrome.alarms (see onChange).
 */
import { HubSpotDailyLimitError, HubSpotOfflineError, HubSpotRateLimitedError } from '../hubspot/errors';
import { parseRetryAfter as parseRetryAfterHeader } from '../hubspot/rate-limit';
import type { AttemptCountingInit } from '../hubspot/transport';
import { fullJitter, nextMidnight, sleep, systemClock, type Clock } from './clock';

export type Lane = 'interactive' | 'bulk';
export type RequestKind = 'search' | 'other';
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface LimitOptions {
  lane: Lane;
  /** Default: `search` for `…/search` URLs. */
  kind?: RequestKind;
  /**
   * May the limiter re-send after a 5xx, network error or timeout? Default:
   * GET/HEAD/PUT/PATCH/DELETE and the read-only POSTs (search, batch/read).
   * Creates are not: a lost response may hide an applied write (the outbox
   * looks for it before re-sending).
   */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/*
 * The limiter's own failures are the HubSpot client's typed errors (so the
 * client passes them through unchanged), with the absolute times the
 * background needs for "retry at" and alarms.
 */

/** The rate limit blocks requests for longer than a worker may wait. */
export class RateLimitedError extends HubSpotRateLimitedError {
  constructor(
    /** Epoch ms from which requests go through again. */
    readonly retryAt: number,
    policy: string,
    now: number,
  ) {
    super({
      message: `HubSpot rate limit (${policy}): requests resume at ${new Date(retryAt).toISOString()}.`,
      status: 429,
      policy,
      retryAfterMs: Math.max(0, retryAt - now),
    });
  }
}

/** The daily limit is used up: no request is sent before `resetAt`. */
export class DailyLimitError extends HubSpotDailyLimitError {
  constructor(
    /** Epoch ms the daily limit resets. */
    readonly resetAt: number,
  ) {
    super({
      message: `HubSpot's daily API limit is used up until ${new Date(resetAt).toISOString()}.`,
      status: 429,
      resetsAt: new Date(resetAt).toISOString(),
    });
  }
}

/** No HTTP answer after the allowed attempts (network down or timeout). */
export class NetworkError extends HubSpotOfflineError {
  constructor(
    message: string,
    readonly timedOut: boolean,
    /** The request may have reached HubSpot (non-idempotent request, response lost). */
    readonly mayHaveApplied: boolean,
  ) {
    super({ message, reason: timedOut ? 'timeout' : 'network' });
  }
}

export interface LimiterState {
  /** Epoch ms until which no request is sent (a long Retry-After), or null. */
  pausedUntil: number | null;
  /** Epoch ms the daily limit resets, or null. */
  dailyResetAt: number | null;
  /** The policy of the last 429. */
  policy: string | null;
}

export interface LimiterStore {
  load(): Promise<LimiterState | null>;
  save(state: LimiterState): Promise<void>;
}

export interface RateLimiterOptions {
  fetch: FetchLike;
  /** Requests per rolling 10 s (100 / 190 / 250); a function follows the settings. */
  tier: number | (() => number);
  clock?: Clock;
  random?: () => number;
  /** The account's time zone (daily limits reset at its midnight). */
  timeZone?: () => string | null;
  store?: LimiterStore;
  windowMs?: number;
  searchPerSecond?: number;
  /** Fraction of the tier never planned (timing differences between our count and HubSpot's). */
  reserve?: number;
  /** Slots of the rolling window the bulk lane leaves to the interactive lane (a cold view's requests). */
  headroom?: number;
  /** Longest single wait (an idle MV3 worker is stopped after ~30 s). */
  maxWaitMs?: number;
  /** Attempts in all for 5xx/network errors (idempotent requests). */
  maxAttempts?: number;
  /** Re-sends after 429s before giving up with RateLimitedError. */
  maxRateLimitRetries?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  onChange?: (state: LimiterState) => void;
}

interface Ticket {
  lane: Lane;
  kind: RequestKind;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Hint {
  remaining: number;
  max: number;
  interval: number;
  at: number;
  /** Requests HubSpot counted that we did not send (other apps on the account). */
  foreign: number;
}

const READ_ONLY_POST = /\/(search|batch\/read)\/?(\?|$)/;

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/** Retry-After in ms from `now` (seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  return parseRetryAfterHeader(value ?? undefined, now);
}

export class RateLimiter {
  private readonly fetchImpl: FetchLike;
  private readonly tierOf: () => number;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timeZone: () => string | null;
  private readonly store: LimiterStore | undefined;
  private readonly windowMs: number;
  private readonly searchPerSecond: number;
  private readonly reserve: number;
  private readonly headroom: number;
  readonly maxWaitMs: number;
  private readonly maxAttempts: number;
  private readonly maxRateLimitRetries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly timeoutMs: number;
  private readonly onChange: ((state: LimiterState) => void) | undefined;

  private readonly queues: Record<Lane, Ticket[]> = { interactive: [], bulk: [] };
  private log: number[] = [];
  /** Starts of interactive requests in the window (they use the headroom bulk leaves). */
  private interactiveLog: number[] = [];
  private searchLog: number[] = [];
  private pausedUntil = 0;
  private searchPausedUntil = 0;
  private dailyResetAt = 0;
  private policy: string | null = null;
  private hint: Hint | null = null;
  private timer: unknown = null;
  /** Requests sent, by lane (figures for benchmarks and tests). */
  readonly sent: Record<Lane, number> = { interactive: 0, bulk: 0 };

  constructor(options: RateLimiterOptions) {
    this.fetchImpl = options.fetch;
    const tier = options.tier;
    this.tierOf = typeof tier === 'function' ? tier : () => tier;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.timeZone = options.timeZone ?? (() => null);
    this.store = options.store;
    this.windowMs = options.windowMs ?? 10_000;
    this.searchPerSecond = options.searchPerSecond ?? 4;
    this.reserve = options.reserve ?? 0.01;
    this.headroom = options.headroom ?? 7;
    this.maxWaitMs = options.maxWaitMs ?? 20_000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? 3;
    this.backoffBaseMs = options.backoffBaseMs ?? 500;
    this.backoffCapMs = options.backoffCapMs ?? 8_000;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.onChange = options.onChange;
  }

  /** Load a persisted pause / daily block (after a worker restart). */
  async restore(): Promise<void> {
    const saved = await this.store?.load();
    const now = this.clock.now();
    if (!saved) return;
    if (saved.pausedUntil && saved.pausedUntil > now) this.pausedUntil = saved.pausedUntil;
    if (saved.dailyResetAt && saved.dailyResetAt > now) this.dailyResetAt = saved.dailyResetAt;
    this.policy = saved.policy;
  }

  state(): LimiterState {
    const now = this.clock.now();
    return {
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : null,
      dailyResetAt: this.dailyResetAt > now ? this.dailyResetAt : null,
      policy: this.policy,
    };
  }

  /** Requests started in the current rolling window (for status and tests). */
  inWindow(): number {
    this.prune(this.clock.now());
    return this.log.length;
  }

  /** The daily limit reset early (e.g. a new day was observed); let requests through. */
  async clearDaily(): Promise<void> {
    this.dailyResetAt = 0;
    await this.persist();
    this.pump();
  }

  async fetch(input: string | URL | Request, initWithCount: AttemptCountingInit = {}, options: LimitOptions): Promise<Response> {
    // The attempt callback is ours, not fetch's: every request sent (retries included) is reported.
    const { onAttempt, ...init } = initWithCount;
    const url = urlOf(input);
    const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const kind = options.kind ?? (/\/search\/?(\?|$)/.test(url) ? 'search' : 'other');
    const idempotent = options.idempotent ?? (method !== 'POST' || READ_ONLY_POST.test(url));
    let attempt = 0;
    let limitRetries = 0;
    for (;;) {
      await this.acquire(options.lane, kind, options.signal);
      attempt += 1;
      this.sent[options.lane] += 1;
      onAttempt?.();
      let response: Response;
      try {
        response = await this.send(input, init, options.signal);
      } catch (err) {
        if (options.signal?.aborted) throw options.signal.reason ?? err;
        const timedOut = err instanceof NetworkError && err.timedOut;
        if (idempotent && attempt < this.maxAttempts) {
          await sleep(this.clock, fullJitter(attempt, this.backoffBaseMs, this.backoffCapMs, this.random), options.signal);
          continue;
        }
        throw new NetworkError(
          timedOut ? `HubSpot did not answer within ${this.timeoutMs / 1000} s.` : `HubSpot could not be reached: ${(err as Error).message}`,
          timedOut,
          !idempotent,
        );
      }
      const now = this.clock.now();
      this.observe(response.headers, now);
      if (response.status === 429) {
        const body = (await response
          .clone()
          .json()
          .catch(() => null)) as { policyName?: string; message?: string } | null;
        const policy = (body?.policyName ?? (/secondly limit/i.test(body?.message ?? '') && !/ten_secondly/i.test(body?.message ?? '') ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING')).toUpperCase();
        const retryAfter = parseRetryAfter(response.headers.get('Retry-After'), now);
        if (policy === 'DAILY') {
          this.dailyResetAt = now + (retryAfter ?? nextMidnight(now, this.timeZone()) - now);
          this.policy = policy;
          await this.persist();
          this.pump();
          throw new DailyLimitError(this.dailyResetAt);
        }
        const secondly = policy === 'SECONDLY';
        const wait = retryAfter ?? (secondly ? 1_000 : this.defaultTenSecondlyWait(limitRetries + 1));
        const until = now + wait;
        this.policy = policy;
        if (secondly) this.searchPausedUntil = Math.max(this.searchPausedUntil, until);
        else this.pausedUntil = Math.max(this.pausedUntil, until);
        limitRetries += 1;
        if (wait > this.maxWaitMs || limitRetries > this.maxRateLimitRetries) {
          if (wait > this.maxWaitMs) await this.persist();
          throw new RateLimitedError(until, policy, now);
        }
        this.emit();
        continue;
      }
      if (response.status >= 500 && idempotent && attempt < this.maxAttempts) {
        await response.body?.cancel().catch(() => undefined);
        await sleep(this.clock, fullJitter(attempt, this.backoffBaseMs, this.backoffCapMs, this.random), options.signal);
        continue;
      }
      return response;
    }
  }

  /** A wrapped fetch bound to a lane, for clients that take a fetch function. */
  bind(lane: Lane): FetchLike {
    return (input, init) => this.fetch(input, init, { lane, signal: init?.signal ?? undefined });
  }

  /**
   * No Retry-After on a ten-secondly 429: how long the rolling window keeps
   * us out is unknown, so back off 1 s, 2 s, 4 s… (capped at the window).
   */
  private defaultTenSecondlyWait(retry: number): number {
    return Math.min(this.windowMs, 1_000 * 2 ** (retry - 1));
  }

  private async send(input: string | URL | Request, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = this.clock.setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('timeout'));
    }, this.timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      return await this.fetchImpl(input, { ...init, signal: controller.signal });
    } catch (err) {
      if (timedOut) throw new NetworkError('timeout', true, true);
      throw err;
    } finally {
      this.clock.clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private observe(headers: Headers, now: number): void {
    const remaining = Number(headers.get('X-HubSpot-RateLimit-Remaining'));
    const max = Number(headers.get('X-HubSpot-RateLimit-Max'));
    const interval = Number(headers.get('X-HubSpot-RateLimit-Interval-Milliseconds'));
    if (headers.has('X-HubSpot-RateLimit-Remaining') && Number.isFinite(remaining) && max > 0) {
      const windowMs = interval > 0 ? interval : this.windowMs;
      // Ours in HubSpot's window (starts still in flight are counted too: a conservative guess of ours,
      // so "foreign" errs low only by what is in flight, and a 429 then corrects it).
      let ours = 0;
      for (let i = this.log.length - 1; i >= 0 && (this.log[i] as number) > now - windowMs; i--) ours++;
      const foreign = Math.max(0, max - remaining - ours);
      this.hint = { remaining, max, interval: windowMs, at: now, foreign };
    }
    const dailyRemaining = headers.get('X-HubSpot-RateLimit-Daily-Remaining');
    if (dailyRemaining !== null && Number(dailyRemaining) > 0 && this.dailyResetAt > 0) {
      // A successful answer with daily budget left: the daily block is over.
      this.dailyResetAt = 0;
      this.persist().catch(() => undefined);
    }
  }

  private prune(now: number): void {
    const from = now - this.windowMs;
    while (this.log.length > 0 && (this.log[0] as number) <= from) this.log.shift();
    while (this.interactiveLog.length > 0 && (this.interactiveLog[0] as number) <= from) this.interactiveLog.shift();
    while (this.searchLog.length > 0 && (this.searchLog[0] as number) <= now - 1_000) this.searchLog.shift();
  }

  /** Milliseconds until a request of this lane/kind may start (0 = now). */
  private waitFor(lane: Lane, kind: RequestKind, now: number): number {
    this.prune(now);
    let wait = Math.max(0, this.pausedUntil - now);
    if (kind === 'search') wait = Math.max(wait, this.searchPausedUntil - now);
    const planned = Math.max(1, Math.floor(this.tierOf() * (1 - this.reserve)));
    // Other apps' recent use of the account's budget (as HubSpot last reported it) is not ours to plan.
    const hint = this.hint;
    const foreign = hint && now < hint.at + hint.interval ? hint.foreign : 0;
    // Bulk keeps the headroom free, less what the sidebar already used of it in this window.
    const lanePlan = lane === 'interactive' ? planned : planned - Math.max(0, this.headroom - this.interactiveLog.length);
    const cap = Math.max(1, lanePlan - foreign);
    if (this.log.length >= cap) {
      wait = Math.max(wait, (this.log[this.log.length - cap] as number) + this.windowMs - now);
    }
    if (kind === 'search' && this.searchLog.length >= this.searchPerSecond) {
      wait = Math.max(wait, (this.searchLog[this.searchLog.length - this.searchPerSecond] as number) + 1_000 - now);
    }
    return wait;
  }

  private acquire(lane: Lane, kind: RequestKind, signal?: AbortSignal): Promise<void> {
    if (this.dailyResetAt > this.clock.now()) return Promise.reject(new DailyLimitError(this.dailyResetAt));
    return new Promise<void>((resolve, reject) => {
      const ticket: Ticket = { lane, kind, resolve, reject };
      if (signal) {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        signal.addEventListener(
          'abort',
          () => {
            const queue = this.queues[lane];
            const i = queue.indexOf(ticket);
            if (i >= 0) {
              queue.splice(i, 1);
              reject(signal.reason);
            }
          },
          { once: true },
        );
      }
      this.queues[lane].push(ticket);
      this.pump();
    });
  }

  /** Grant every queued request that may go now, interactive first; arm a timer for the rest. */
  private pump(): void {
    if (this.timer !== null) {
      this.clock.clearTimeout(this.timer);
      this.timer = null;
    }
    const now = this.clock.now();
    if (this.dailyResetAt > now) {
      for (const lane of ['interactive', 'bulk'] as const) {
        for (const t of this.queues[lane].splice(0)) t.reject(new DailyLimitError(this.dailyResetAt));
      }
      this.emit();
      return;
    }
    let next = Infinity;
    for (const lane of ['interactive', 'bulk'] as const) {
      const queue = this.queues[lane];
      for (let i = 0; i < queue.length; ) {
        const ticket = queue[i] as Ticket;
        const wait = this.waitFor(lane, ticket.kind, now);
        if (wait === 0) {
          queue.splice(i, 1);
          this.log.push(now);
          if (lane === 'interactive') this.interactiveLog.push(now);
          if (ticket.kind === 'search') this.searchLog.push(now);
          ticket.resolve();
          continue;
        }
        if (wait > this.maxWaitMs) {
          // Longer than the worker lives: the caller gets "retry at" instead.
          queue.splice(i, 1);
          ticket.reject(new RateLimitedError(now + wait, this.policy ?? 'LOCAL', now));
          continue;
        }
        next = Math.min(next, wait);
        i += 1;
      }
    }
    if (Number.isFinite(next)) this.timer = this.clock.setTimeout(() => this.pump(), next);
  }

  private async persist(): Promise<void> {
    this.emit();
    await this.store?.save(this.state());
  }

  private emit(): void {
    this.onChange?.(this.state());
  }
}
