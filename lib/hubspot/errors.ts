/**
 * Typed HubSpot failures. Every HTTP error the client sees becomes one of
 * these, so the background can decide (retry later, ask for a new token, show
 * which scope is missing…) without reading status codes or HubSpot's bodies.
 * Error shapes and categories: HUBSPOT-API.md "Errors" and "Rate limits".
 */
import type { RateLimitInfo } from './rate-limit';

export type HubSpotErrorKind =
  | 'unauthorized'
  | 'expired'
  | 'missing-scopes'
  | 'not-found'
  | 'validation'
  | 'rate-limited'
  | 'daily-limit'
  | 'server'
  | 'offline'
  | 'request';

/** Where a failed request went (never the token). */
export interface RequestInfo {
  method: string;
  /** Path and query, e.g. `/crm/v3/objects/0-3/9001?properties=dealname`. */
  path: string;
}

export interface HubSpotErrorInit {
  message: string;
  status?: number | null;
  request?: RequestInfo | null;
  correlationId?: string | null;
  category?: string | null;
  rateLimit?: RateLimitInfo | null;
  cause?: unknown;
}

/** Plain-data form of any HubSpot error (extension messages cannot carry Error instances). */
export interface HubSpotErrorData {
  name: string;
  kind: HubSpotErrorKind;
  message: string;
  status: number | null;
  request: RequestInfo | null;
  correlationId: string | null;
  category: string | null;
  retryable: boolean;
  /** missing-scopes */
  scopes?: string[];
  /** validation */
  property?: string | null;
  /** rate-limited */
  policy?: string;
  retryAfterMs?: number;
  /** daily-limit: ISO datetime */
  resetsAt?: string;
  /** offline */
  reason?: OfflineReason;
}

export abstract class HubSpotError extends Error {
  abstract readonly kind: HubSpotErrorKind;
  /** Whether the same request can succeed later without the user changing anything. */
  abstract readonly retryable: boolean;
  readonly status: number | null;
  readonly request: RequestInfo | null;
  readonly correlationId: string | null;
  readonly category: string | null;
  readonly rateLimit: RateLimitInfo | null;

  constructor(init: HubSpotErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status ?? null;
    this.request = init.request ?? null;
    this.correlationId = init.correlationId ?? null;
    this.category = init.category ?? null;
    this.rateLimit = init.rateLimit ?? null;
  }

  toJSON(): HubSpotErrorData {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      request: this.request,
      correlationId: this.correlationId,
      category: this.category,
      retryable: this.retryable,
    };
  }
}

/** 401 INVALID_AUTHENTICATION: the token is wrong or revoked. */
export class HubSpotUnauthorizedError extends HubSpotError {
  readonly kind = 'unauthorized' as const;
  readonly retryable = false;
}

/** 401 EXPIRED_AUTHENTICATION: the token was valid once and has expired. */
export class HubSpotExpiredError extends HubSpotError {
  readonly kind = 'expired' as const;
  readonly retryable = false;
}

/** 403 MISSING_SCOPES: the token lacks a scope the call needs. */
export class HubSpotMissingScopesError extends HubSpotError {
  readonly kind = 'missing-scopes' as const;
  readonly retryable = false;
  /** The scopes HubSpot says are required (empty when it did not say). */
  readonly scopes: string[];

  constructor(init: HubSpotErrorInit & { scopes: string[] }) {
    super(init);
    this.scopes = init.scopes;
  }

  override toJSON(): HubSpotErrorData {
    return { ...super.toJSON(), scopes: this.scopes };
  }
}

/** 404: the record, file or route does not exist (JSON or HTML body). */
export class HubSpotNotFoundError extends HubSpotError {
  readonly kind = 'not-found' as const;
  readonly retryable = false;
}

export interface ValidationDetail {
  message: string;
  property: string | null;
  code: string | null;
}

/** 400 VALIDATION_ERROR: HubSpot rejected a value; `property` names it when HubSpot does. */
export class HubSpotValidationError extends HubSpotError {
  readonly kind = 'validation' as const;
  readonly retryable = false;
  readonly property: string | null;
  /** HubSpot's own message for the (first) invalid value. */
  readonly hubspotMessage: string;
  readonly details: ValidationDetail[];

  constructor(init: HubSpotErrorInit & { property: string | null; hubspotMessage: string; details: ValidationDetail[] }) {
    super(init);
    this.property = init.property;
    this.hubspotMessage = init.hubspotMessage;
    this.details = init.details;
  }

  override toJSON(): HubSpotErrorData {
    return { ...super.toJSON(), property: this.property };
  }
}

/** 429 on the rolling (TEN_SECONDLY_ROLLING) or search (SECONDLY) limit: retry after `retryAfterMs`. */
export class HubSpotRateLimitedError extends HubSpotError {
  readonly kind = 'rate-limited' as const;
  readonly retryable = true;
  /** HubSpot's policyName, e.g. TEN_SECONDLY_ROLLING or SECONDLY. */
  readonly policy: string;
  /** From Retry-After when sent, else the policy's window. */
  readonly retryAfterMs: number;

  constructor(init: HubSpotErrorInit & { policy: string; retryAfterMs: number }) {
    super(init);
    this.policy = init.policy;
    this.retryAfterMs = init.retryAfterMs;
  }

  override toJSON(): HubSpotErrorData {
    return { ...super.toJSON(), policy: this.policy, retryAfterMs: this.retryAfterMs };
  }
}

/** 429 with policyName DAILY: nothing more today; not retried before `resetsAt`. */
export class HubSpotDailyLimitError extends HubSpotError {
  readonly kind = 'daily-limit' as const;
  readonly retryable = true;
  /** ISO datetime: the portal's next midnight when its time zone is known, else the next UTC midnight. */
  readonly resetsAt: string;

  constructor(init: HubSpotErrorInit & { resetsAt: string }) {
    super(init);
    this.resetsAt = init.resetsAt;
  }

  override toJSON(): HubSpotErrorData {
    return { ...super.toJSON(), resetsAt: this.resetsAt };
  }
}

/** 5xx: HubSpot failed; worth retrying with backoff. */
export class HubSpotServerError extends HubSpotError {
  readonly kind = 'server' as const;
  readonly retryable = true;
}

export type OfflineReason = 'network' | 'timeout';

/** The request never got an HTTP answer: network down, DNS, CORS, refused, or timed out. */
export class HubSpotOfflineError extends HubSpotError {
  readonly kind = 'offline' as const;
  readonly retryable = true;
  readonly reason: OfflineReason;

  constructor(init: HubSpotErrorInit & { reason: OfflineReason }) {
    super(init);
    this.reason = init.reason;
  }

  override toJSON(): HubSpotErrorData {
    return { ...super.toJSON(), reason: this.reason };
  }
}

/** Any other 4xx (409 conflict, 413, 415…): the request itself is wrong. */
export class HubSpotRequestError extends HubSpotError {
  readonly kind = 'request' as const;
  readonly retryable = false;
}

export function isHubSpotError(value: unknown): value is HubSpotError {
  return value instanceof HubSpotError;
}
