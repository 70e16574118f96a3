/**
 * Hand-written checks of the background's answers for the content script.
 * The protocol's zod schemas (lib/messages/schemas.ts) say the same thing,
 * but zod would more than double the content script (see
 * bench/content.bench.ts), so the sidebar carries these instead; a test keeps
 * them in step with the schemas. Like the schemas, they check the skeleton of
 * an Evaluation, not every leaf (the sidebar renders inside an error boundary).
 */
import type { AppError } from '../messages/errors';
import type { OutboxEntry, Settings, SnapshotMeta, ViewPayload, WriteResult } from '../messages/schemas';

type Guard<T> = (value: unknown) => value is T;
type Obj = Record<string, unknown>;

/** Copy of lib/messages/errors.ts ERROR_CODES (a test asserts they are equal). */
export const KNOWN_ERROR_CODES = [
  'no-token', 'invalid-token', 'expired-token', 'wrong-portal', 'missing-scopes', 'rate-limited', 'daily-limit',
  'offline', 'not-found', 'validation', 'playbook', 'bad-message', 'forbidden', 'unavailable', 'extension-updated', 'internal',
] as const;

const FINDING_STATUSES = ['met', 'missing', 'violation', 'warning', 'unknown'];
const RESULT_KINDS = ['deal', 'contact', 'company', 'cadence', 'other'];
const OUTBOX_STATUSES = ['pending', 'sending', 'failed'];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => Number.isInteger(v);
const oneOf = (list: readonly string[]) => (v: unknown): v is string => isStr(v) && list.includes(v);
const arrayOf = <T>(guard: Guard<T>) => (v: unknown): v is T[] => Array.isArray(v) && v.every(guard);
const nullable = <T>(guard: Guard<T>) => (v: unknown): v is T | null => v === null || guard(v);
const optional = <T>(guard: Guard<T>) => (v: unknown): v is T | undefined => v === undefined || guard(v);

const RECORD_TYPE = /^\d{1,3}-\d{1,12}$/;
const RECORD_ID = /^[1-9]\d{0,19}$/;

/** The strict shape the protocol uses for record references. */
export const isRecordRef = (v: unknown): v is { objectTypeId: string; id: string } =>
  isObj(v) && isStr(v.objectTypeId) && RECORD_TYPE.test(v.objectTypeId) && isStr(v.id) && RECORD_ID.test(v.id) && Object.keys(v).length === 2;

const isLooseRef = (v: unknown): boolean => isObj(v) && isStr(v.objectTypeId) && isStr(v.id);

export function isAppError(v: unknown): v is AppError {
  return (
    isObj(v) &&
    oneOf(KNOWN_ERROR_CODES)(v.code) &&
    isStr(v.message) &&
    optional(nullable(isStr))(v.retryAt) &&
    optional(arrayOf(isStr))(v.scopes) &&
    optional(nullable(isNum))(v.tokenPortalId) &&
    optional(isStr)(v.outboxId) &&
    optional(arrayOf((d): d is unknown => isObj(d) && isStr(d.path) && isStr(d.message)))(v.details)
  );
}

export function isSnapshotMeta(v: unknown): v is SnapshotMeta {
  return isObj(v) && isStr(v.loadedAt) && isBool(v.fromCache) && isBool(v.stale);
}

export function isOutboxEntry(v: unknown): v is OutboxEntry {
  return (
    isObj(v) &&
    isStr(v.id) &&
    oneOf(['property.update', 'call.create', 'note.create', 'association.create'])(v.kind) &&
    isStr(v.label) &&
    oneOf(OUTBOX_STATUSES)(v.status) &&
    isNum(v.portalId) &&
    nullable(isRecordRef)(v.record) &&
    isInt(v.attempts) &&
    isStr(v.createdAt) &&
    nullable(isStr)(v.nextAttemptAt) &&
    nullable(isAppError)(v.error)
  );
}

const isFinding = (v: unknown): boolean =>
  isObj(v) && isStr(v.ruleId) && oneOf(FINDING_STATUSES)(v.status) && isStr(v.title) && Array.isArray(v.items) && v.items.every(isObj);

export function isEvaluation(v: unknown): boolean {
  return (
    isObj(v) &&
    isLooseRef(v.record) &&
    nullable(isStr)(v.object) &&
    isStr(v.name) &&
    isObj(v.result) &&
    oneOf(RESULT_KINDS)(v.result.kind) &&
    Array.isArray(v.findings) &&
    v.findings.every(isFinding) &&
    Array.isArray(v.guidance) &&
    v.guidance.every((g) => isObj(g) && isStr(g.ruleId)) &&
    (v.callLog === null || isObj(v.callLog)) &&
    Array.isArray(v.nextSteps) &&
    v.nextSteps.every((s) => isObj(s) && isStr(s.ruleId) && isStr(s.text))
  );
}

export function isViewPayload(v: unknown): v is ViewPayload {
  return isObj(v) && isEvaluation(v.evaluation) && isSnapshotMeta(v.snapshotMeta) && arrayOf(isOutboxEntry)(v.outbox);
}

const isCadenceAfterCall = (v: unknown): boolean =>
  isObj(v) &&
  isBool(v.moves) &&
  isStr(v.stage) &&
  Array.isArray(v.updates) &&
  v.updates.every((u) => isObj(u) && isStr(u.property) && isStr(u.value)) &&
  arrayOf(isStr)(v.steps);

export function isWriteResult(v: unknown): v is WriteResult {
  return (
    isObj(v) &&
    isBool(v.sent) &&
    arrayOf(isOutboxEntry)(v.entries) &&
    arrayOf(isStr)(v.createdIds) &&
    (v.cadence === undefined || v.cadence === null || isCadenceAfterCall(v.cadence))
  );
}

export function isSettings(v: unknown): v is Settings {
  if (!isObj(v) || !isObj(v.learnMode) || !isObj(v.sidebar)) return false;
  const { learnMode: l, sidebar: s } = v;
  return (
    [100, 190, 250].includes(v.apiTier as number) &&
    nullable(isBool)(l.enabled) &&
    isStr(l.installedAt) &&
    isInt(l.days) &&
    isBool(l.active) &&
    isBool(s.collapsed) &&
    isInt(s.width) &&
    s.width >= 280 &&
    s.width <= 640 &&
    nullable(arrayOf(isNum))(v.allowedPortalIds) &&
    arrayOf(isStr)(v.managed)
  );
}

export const isOutboxRetry = (v: unknown): v is { entry: OutboxEntry | null; sent: boolean } =>
  isObj(v) && nullable(isOutboxEntry)(v.entry) && isBool(v.sent);

export const isOptionsOpened = (v: unknown): v is { opened: true } => isObj(v) && v.opened === true;
export const isOutboxDiscard = (v: unknown): v is { discarded: boolean } => isObj(v) && isBool(v.discarded);

