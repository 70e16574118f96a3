/**
 * Errors as values: every failure the background reports to a page or the
 * sidebar is one of these codes with a message in plain words. The sidebar's
 * ErrorPanel maps each code to an explanation and a fix.
 */
import * as z from 'zod';

export const ERROR_CODES = [
  /** No HubSpot token saved yet (options page → paste the private-app token). */
  'no-token',
  /** HubSpot rejected the token (401 INVALID_AUTHENTICATION). */
  'invalid-token',
  /** The token expired or was rotated (401 EXPIRED_AUTHENTICATION). */
  'expired-token',
  /** The page is on another portal than the token's: no data is sent. */
  'wrong-portal',
  /** 403 MISSING_SCOPES: the private app lacks a scope (`scopes` lists those seen). */
  'missing-scopes',
  /** The 10-second/secondly budget is exhausted; `retryAt` says when to try again. */
  'rate-limited',
  /** The daily API limit is used up; `retryAt` is when it resets. */
  'daily-limit',
  /** HubSpot could not be reached (network error or timeout after retries). */
  'offline',
  /** The record (or another object) does not exist in HubSpot. */
  'not-found',
  /** HubSpot (400) or the background refused the values; `details` names the fields. */
  'validation',
  /** The playbook is invalid or cannot be used (import errors in `details`). */
  'playbook',
  /** The message itself was malformed or of an unknown type. */
  'bad-message',
  /** The sender may not send this message (privileged message from a content script, foreign origin). */
  'forbidden',
  /** No handler is registered for the message (e.g. the scan runner is not installed). */
  'unavailable',
  /** Client side only: the extension was reloaded/updated under the page; reload the tab. */
  'extension-updated',
  /** Anything else: a bug. The message says what failed. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface FieldError {
  path: string;
  message: string;
}

/** Built on first use (z.lazy): the background imports this module and should not pay for schemas at start. */
export const fieldErrorSchema: z.ZodType<FieldError> = z.lazy(() => z.object({ path: z.string(), message: z.string() }));

export interface AppError {
  code: ErrorCode;
  message: string;
  /** ISO datetime a rate/daily limit resets or the next retry is due. */
  retryAt?: string | null | undefined;
  /** Scopes the token lacks (missing-scopes). */
  scopes?: string[] | undefined;
  /** The token's portal (wrong-portal). */
  tokenPortalId?: number | null | undefined;
  /** The outbox entry the failed write is kept in (visible, retryable, discardable). */
  outboxId?: string | undefined;
  /** Field-level problems (validation, playbook import). */
  details?: FieldError[] | undefined;
}

export const appErrorSchema: z.ZodType<AppError> = z.lazy(() =>
  z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    retryAt: z.string().nullable().optional(),
    scopes: z.array(z.string()).optional(),
    tokenPortalId: z.number().nullable().optional(),
    outboxId: z.string().optional(),
    details: z.array(fieldErrorSchema).optional(),
  }),
);

export function appError(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): AppError {
  return { code, message, ...extra };
}

/** A thrown error that carries an AppError across async layers of the background. */
export class AppErrorException extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppErrorException';
    this.error = error;
  }
}

export function isAppError(value: unknown): value is AppError {
  return appErrorSchema.safeParse(value).success;
}
