/**
 * The durable write outbox: nothing the rep writes is lost.
 *
 * Every write (property update, call, note, association) is stored in
 * IndexedDB BEFORE it is sent, and stays there until HubSpot accepted it or
 * refused it for good:
 * - 4xx (validation, scopes, token, not found) → `failed`: visible in the
 *   sidebar, retryable and discardable by the rep;
 * - 5xx, network errors, timeouts, 429 → `pending`, retried with exponential
 *   backoff and full jitter (or at the rate limit's "retry at"); the
 *   background wakes it with a timer and chrome.alarms.
 * Survives worker and browser restarts: a new instance on the same database
 * resumes (`resume()`); an entry found `sending` was cut off mid-request.
 *
 * Lost responses: a create whose previous attempt's outcome is unknown (the
 * request went out, no answer came back, or the worker died) is looked for
 * before it is sent again. Every create carries its operation id as an HTML
 * comment in its body (`<!-- sop-sidebar:op=<id> -->`); the transport's
 * `findApplied` looks for it among the engagements associated with the
 * record (consistent right after the write) and in search (which lags).
 * PATCH updates and association PUTs are idempotent and simply re-sent.
 *
 * Ordering: a newer update of the same property on the same record
 * supersedes an older one still waiting, so a late retry never overwrites a
 * newer value.
 */
import type { AppError } from '../messages/errors';
import { appError } from '../messages/errors';
import type { OutboxEntry } from '../messages/schemas';
import type { RecordRef } from '../rules/snapshot';
import { fullJitter, systemClock, type Clock } from './clock';
import type { AppDb, OutboxRecord, WriteOp } from './db';
import { isTransient, retryAtOf, toAppError } from './errors';
import { NetworkError } from './rate-limiter';

/** `<!-- sop-sidebar:op=<id> -->`: the idempotency marker of creates. */
export function opMarker(id: string): string {
  return `<!-- sop-sidebar:op=${id} -->`;
}

export const BODY_PROPERTY = { 'call.create': 'hs_call_body', 'note.create': 'hs_note_body' } as const;

export interface WriteTransport {
  /** Sends the write; resolves with the created (or updated) object's id. Throws typed HubSpot errors. */
  send(op: WriteOp, id: string): Promise<string | null>;
  /** A create carrying the marker of operation `id` that HubSpot already has: its id, else null. */
  findApplied(op: WriteOp, id: string): Promise<string | null>;
}

export interface OutboxOptions {
  db: AppDb;
  /**
   * The transport for a portal's writes, or an AppError when they cannot be
   * sent now (no token, or the token belongs to another portal: a write is
   * never sent to a portal it was not made in).
   */
  transport: (portalId: number) => WriteTransport | AppError;
  clock?: Clock;
  random?: () => number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Minimum wait before looking for a possibly applied create (search lags writes by seconds). */
  unknownOutcomeDelayMs?: number;
  newId?: () => string;
  /** The next time a pending entry is due (null: none); the background arms a timer and an alarm. */
  schedule?: (at: number | null) => void;
  /** Entries of a portal changed (push to the sidebar). */
  onChange?: (portalId: number) => void;
  /** HubSpot has the write (invalidate caches, reload views). */
  onApplied?: (entry: OutboxRecord, objectId: string | null) => void | Promise<void>;
}

export interface EnqueueInput {
  portalId: number;
  op: WriteOp;
  label: string;
  record: RecordRef | null;
  /** Records whose views change; default: the op's target(s). */
  affects?: RecordRef[];
}

export interface AttemptResult {
  id: string;
  /** HubSpot has the write (now, or found applied). */
  sent: boolean;
  objectId: string | null;
  /** The entry as it stays in the outbox (null once sent or discarded). */
  entry: OutboxRecord | null;
  error: AppError | null;
}

export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isCreate(op: WriteOp): op is Extract<WriteOp, { kind: 'call.create' | 'note.create' }> {
  return op.kind === 'call.create' || op.kind === 'note.create';
}

function targetsOf(op: WriteOp): RecordRef[] {
  switch (op.kind) {
    case 'property.update':
      return [op.target];
    case 'association.create':
      return [op.from, op.to];
    default:
      return op.associations.map((a) => a.to);
  }
}

const sameRef = (a: RecordRef, b: RecordRef) => a.objectTypeId === b.objectTypeId && a.id === b.id;

export function toWireEntry(r: OutboxRecord): OutboxEntry {
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    status: r.status,
    portalId: r.portalId,
    record: r.record,
    attempts: r.attempts,
    createdAt: new Date(r.createdAt).toISOString(),
    nextAttemptAt: r.nextAttemptAt === null ? null : new Date(r.nextAttemptAt).toISOString(),
    error: r.error,
  };
}

export class Outbox {
  private readonly db: AppDb;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly unknownOutcomeDelayMs: number;
  private readonly newId: () => string;
  private readonly attempts = new Map<string, Promise<AttemptResult>>();
  private draining: Promise<number> | null = null;
  private closed = false;

  constructor(private readonly options: OutboxOptions) {
    this.db = options.db;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.backoffBaseMs = options.backoffBaseMs ?? 2_000;
    this.backoffCapMs = options.backoffCapMs ?? 10 * 60_000;
    this.unknownOutcomeDelayMs = options.unknownOutcomeDelayMs ?? 10_000;
    this.newId = options.newId ?? randomId;
  }

  /**
   * Store a write (nothing is sent yet). Creates get the idempotency marker
   * in their body; an older waiting update of the same property is superseded.
   */
  async enqueue(input: EnqueueInput): Promise<OutboxRecord> {
    const id = this.newId();
    let op = input.op;
    if (isCreate(op)) {
      const prop = BODY_PROPERTY[op.kind];
      const body = op.properties[prop] ?? '';
      op = { ...op, properties: { ...op.properties, [prop]: `${body}${body ? '\n' : ''}${opMarker(id)}` } };
    }
    const record: OutboxRecord = {
      id,
      portalId: input.portalId,
      kind: op.kind,
      op,
      label: input.label,
      record: input.record,
      affects: input.affects ?? targetsOf(op),
      status: 'pending',
      attempts: 0,
      createdAt: this.clock.now(),
      nextAttemptAt: this.clock.now(),
      error: null,
      outcomeUnknown: false,
    };
    const tx = this.db.transaction('outbox', 'readwrite');
    if (op.kind === 'property.update') {
      const update = op;
      for (const old of await tx.store.index('byPortal').getAll(input.portalId)) {
        if (old.status === 'sending' || old.op.kind !== 'property.update') continue;
        const oldOp = old.op;
        const overlap = Object.keys(update.properties).some((p) => p in oldOp.properties);
        if (overlap && sameRef(oldOp.target, update.target) && Object.keys(oldOp.properties).every((p) => p in update.properties)) {
          await tx.store.delete(old.id);
        }
      }
    }
    await tx.store.put(record);
    await tx.done;
    this.options.onChange?.(input.portalId);
    return record;
  }

  /** Store the write, then try to send it at once. */
  async submit(input: EnqueueInput): Promise<AttemptResult> {
    const record = await this.enqueue(input);
    return this.attempt(record.id, false);
  }

  async get(id: string): Promise<OutboxRecord | null> {
    return (await this.db.get('outbox', id)) ?? null;
  }

  async list(filter: { portalId?: number; ref?: RecordRef } = {}): Promise<OutboxRecord[]> {
    const all = filter.portalId === undefined ? await this.db.getAll('outbox') : await this.db.getAllFromIndex('outbox', 'byPortal', filter.portalId);
    const ref = filter.ref;
    return all
      .filter((r) => !ref || (r.record && sameRef(r.record, ref)) || r.affects.some((a) => sameRef(a, ref)))
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  async counts(portalId?: number): Promise<{ pending: number; failed: number }> {
    const all = await this.list(portalId === undefined ? {} : { portalId });
    return { pending: all.filter((r) => r.status !== 'failed').length, failed: all.filter((r) => r.status === 'failed').length };
  }

  /** The rep asked to send a pending or failed write again now. */
  async retry(id: string): Promise<AttemptResult> {
    return this.attempt(id, true);
  }

  /** Drop a write that is not being sent right now. */
  async discard(id: string): Promise<boolean> {
    if (this.attempts.has(id)) return false;
    const tx = this.db.transaction('outbox', 'readwrite');
    const entry = await tx.store.get(id);
    if (!entry) {
      await tx.done;
      return false;
    }
    await tx.store.delete(id);
    await tx.done;
    this.options.onChange?.(entry.portalId);
    await this.reschedule();
    return true;
  }

  /**
   * After a (worker or browser) restart: entries left `sending` were cut off
   * mid-request; their outcome is unknown. Then send everything due.
   */
  async resume(): Promise<number> {
    await this.recover();
    return this.drain();
  }

  /** The first half of resume(): entries cut off mid-request become pending with an unknown outcome. */
  async recover(): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    for (const entry of await tx.store.getAll()) {
      if (entry.status === 'sending' && !this.attempts.has(entry.id)) {
        await tx.store.put({ ...entry, status: 'pending', outcomeUnknown: isCreate(entry.op), nextAttemptAt: this.clock.now() });
      }
    }
    await tx.done;
  }

  /**
   * Send every pending entry that is due, oldest first, one at a time (so
   * writes to the same record keep their order). Returns how many were sent.
   */
  drain(): Promise<number> {
    if (this.closed) return Promise.resolve(0);
    if (this.draining) return this.draining;
    this.draining = (async () => {
      let sent = 0;
      try {
        const due = (await this.db.getAll('outbox'))
          .filter((r) => r.status === 'pending' && r.nextAttemptAt !== null && r.nextAttemptAt <= this.clock.now())
          .sort((a, b) => a.createdAt - b.createdAt);
        for (const entry of due) {
          if (this.closed) break;
          const result = await this.attempt(entry.id, false);
          if (result.sent) sent += 1;
        }
      } catch (err) {
        // A drain cut off by the worker going away is not a failure: the next worker resumes it.
        if (!this.closed) throw err;
      } finally {
        this.draining = null;
      }
      if (!this.closed) await this.reschedule();
      return sent;
    })();
    return this.draining;
  }

  /**
   * The worker is going away (a test's simulated death): no new drains, and a
   * drain cut off by the closed database is not reported as a failure.
   */
  close(): void {
    this.closed = true;
  }

  /** Wake all entries waiting for a token (after token.set). */
  async wakeAll(portalId: number): Promise<number> {
    if (this.closed) return 0;
    try {
      const tx = this.db.transaction('outbox', 'readwrite');
      for (const entry of await tx.store.index('byPortal').getAll(portalId)) {
        if (entry.status === 'pending' && entry.nextAttemptAt === null) await tx.store.put({ ...entry, nextAttemptAt: this.clock.now() });
      }
      await tx.done;
    } catch (err) {
      if (this.closed) return 0; // cut off by the worker going away
      throw err;
    }
    return this.drain();
  }

  private attempt(id: string, manual: boolean): Promise<AttemptResult> {
    const running = this.attempts.get(id);
    if (running) return running;
    const promise = this.run(id, manual).finally(() => this.attempts.delete(id));
    this.attempts.set(id, promise);
    return promise;
  }

  private async run(id: string, manual: boolean): Promise<AttemptResult> {
    const start = await this.db.get('outbox', id);
    if (!start) return { id, sent: false, objectId: null, entry: null, error: appError('not-found', 'This write is no longer in the outbox.') };
    if (start.status === 'failed' && !manual) return { id, sent: false, objectId: null, entry: start, error: start.error };

    const transport = this.options.transport(start.portalId);
    if (!('send' in transport)) {
      // No token (or another portal's): keep it, waiting; token.set wakes it.
      const waiting: OutboxRecord = { ...start, status: 'pending', nextAttemptAt: null, error: transport };
      await this.db.put('outbox', waiting);
      this.options.onChange?.(start.portalId);
      return { id, sent: false, objectId: null, entry: waiting, error: transport };
    }

    // Persisted BEFORE the request: a worker that dies now leaves `sending`, read as "outcome unknown".
    const sending: OutboxRecord = { ...start, status: 'sending', attempts: start.attempts + 1, error: null };
    await this.db.put('outbox', sending);
    this.options.onChange?.(start.portalId);

    let objectId: string | null;
    try {
      const found = isCreate(sending.op) && sending.outcomeUnknown ? await transport.findApplied(sending.op, id) : null;
      objectId = found ?? (await transport.send(sending.op, id));
    } catch (err) {
      return this.failed(sending, err);
    }
    // Sent: gone from the outbox (unless discarded meanwhile, which cannot happen while attempting).
    await this.db.delete('outbox', id);
    this.options.onChange?.(sending.portalId);
    await this.options.onApplied?.(sending, objectId);
    await this.reschedule();
    return { id, sent: true, objectId, entry: null, error: null };
  }

  private async failed(entry: OutboxRecord, err: unknown): Promise<AttemptResult> {
    const now = this.clock.now();
    const error = toAppError(err);
    let next: OutboxRecord;
    if (isTransient(err)) {
      // Did the request maybe reach HubSpot? Rate limits: no. Network/timeouts/5xx on a create: maybe.
      const maybeApplied = isCreate(entry.op) && !retryAtOf(err, now) && (!(err instanceof NetworkError) || err.mayHaveApplied);
      const outcomeUnknown = entry.outcomeUnknown || maybeApplied;
      // At least a second (or the base, when smaller) between attempts, even when the jitter draws ~0.
      let at = retryAtOf(err, now) ?? now + Math.max(Math.min(1_000, this.backoffBaseMs), fullJitter(entry.attempts, this.backoffBaseMs, this.backoffCapMs, this.random));
      if (outcomeUnknown) at = Math.max(at, now + this.unknownOutcomeDelayMs);
      next = { ...entry, status: 'pending', nextAttemptAt: at, error, outcomeUnknown };
    } else {
      next = { ...entry, status: 'failed', nextAttemptAt: null, error };
    }
    await this.db.put('outbox', next);
    this.options.onChange?.(entry.portalId);
    await this.reschedule();
    return { id: entry.id, sent: false, objectId: null, entry: next, error };
  }

  private async reschedule(): Promise<void> {
    if (!this.options.schedule) return;
    const pending = (await this.db.getAll('outbox')).filter((r) => r.status === 'pending' && r.nextAttemptAt !== null);
    const at = pending.length === 0 ? null : Math.min(...pending.map((r) => r.nextAttemptAt as number));
    this.options.schedule(at);
  }
}
