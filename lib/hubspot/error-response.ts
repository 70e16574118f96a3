/**
 * Turns a failed HubSpot response (status, headers, body text) into a typed
 * error. HubSpot's error body is `{status:"error", message, correlationId,
 * category, subCategory?, context?, errors?:[{message, code?, in?, context?}]}`,
 * but some 404s are HTML pages and proxies can answer anything: nothing here
 * trusts the body's shape.
 */
import {
  HubSpotDailyLimitError,
  HubSpotExpiredError,
  HubSpotMissingScopesError,
  HubSpotNotFoundError,
  HubSpotRateLimitedError,
  HubSpotRequestError,
  HubSpotServerError,
  HubSpotUnauthorizedError,
  HubSpotValidationError,
  type HubSpotError,
  type RequestInfo,
  type ValidationDetail,
} from './errors';
import { nextMidnight, parseRateLimitHeaders, parseRetryAfter, type HeaderMap } from './rate-limit';

export interface ErrorBody {
  message: string | null;
  category: string | null;
  subCategory: string | null;
  correlationId: string | null;
  policyName: string | null;
  context: Record<string, unknown> | null;
  errors: Array<Record<string, unknown>>;
  /** The body was HTML (e.g. HubSpot's 404 page). */
  html: boolean;
}

export interface FailedResponse {
  status: number;
  headers: HeaderMap;
  text: string;
  request: RequestInfo;
  /** Epoch ms, for Retry-After dates and the daily reset. */
  now: number;
  /** The portal's IANA time zone when known (daily-limit reset). */
  timeZone?: string | null;
}

const asString = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

/** HubSpot's error fields from a body of any shape. */
export function parseErrorBody(text: string, contentType: string | undefined): ErrorBody {
  const empty: ErrorBody = {
    message: null, category: null, subCategory: null, correlationId: null,
    policyName: null, context: null, errors: [], html: false,
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('<') || (contentType ?? '').includes('html')) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    return { ...empty, html: true, message: title ? decodeEntities(title) : null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return { ...empty, message: trimmed === '' ? null : trimmed.slice(0, 300) };
  }
  const body = asRecord(parsed);
  if (!body) return empty;
  const errors = Array.isArray(body.errors)
    ? body.errors.map(asRecord).filter((e): e is Record<string, unknown> => e !== null)
    : [];
  return {
    message: asString(body.message),
    category: asString(body.category),
    subCategory: asString(body.subCategory),
    correlationId: asString(body.correlationId),
    policyName: asString(body.policyName),
    context: asRecord(body.context),
    errors,
    html: false,
  };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

function stringList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Scopes named in a MISSING_SCOPES body (errors[].context.requiredGranularScopes / requiredScopes). */
export function missingScopes(body: ErrorBody): string[] {
  const found = new Set<string>();
  const contexts = [body.context, ...body.errors.map((e) => asRecord(e.context))];
  for (const ctx of contexts) {
    if (!ctx) continue;
    for (const key of ['requiredGranularScopes', 'requiredScopes', 'scopes', 'missingScopes']) {
      for (const s of stringList(ctx[key])) found.add(s);
    }
  }
  if (found.size === 0 && body.message) {
    for (const m of body.message.matchAll(/\b(?:crm|files|oauth|tickets|sales-email-read|e-commerce)(?:\.[a-z_-]+)*\b/g)) {
      if (m[0].includes('.')) found.add(m[0]);
    }
  }
  return [...found];
}

/**
 * The invalid properties of a VALIDATION_ERROR: from errors[] (context.propertyName,
 * `in`, `name`), from the JSON list HubSpot embeds in "Property values were not
 * valid: [...]", or from `Property "x" does not exist`.
 */
export function validationDetails(body: ErrorBody): ValidationDetail[] {
  const details: ValidationDetail[] = [];
  for (const e of body.errors) {
    const ctx = asRecord(e.context);
    const property = stringList(ctx?.propertyName)[0] ?? asString(e.name) ?? asString(e.in);
    details.push({
      message: asString(e.message) ?? body.message ?? 'Invalid value',
      property: property ?? null,
      code: asString(e.code) ?? asString(e.error),
    });
  }
  const message = body.message ?? '';
  const embedded = message.indexOf('[');
  if (embedded >= 0 && message.trimEnd().endsWith(']')) {
    try {
      const list: unknown = JSON.parse(message.slice(embedded));
      if (Array.isArray(list)) {
        for (const item of list.map(asRecord)) {
          if (!item) continue;
          details.push({
            message: asString(item.message) ?? message,
            property: asString(item.name) ?? asString(item.propertyName),
            code: asString(item.error) ?? asString(item.code),
          });
        }
      }
    } catch {
      // Not JSON after all: fall through to the plain-text patterns.
    }
  }
  if (!details.some((d) => d.property)) {
    const named = /[Pp]roperty\s+"([^"]+)"/.exec(message) ?? /[Pp]roperty\s+'([^']+)'/.exec(message);
    if (named) details.unshift({ message, property: named[1]!, code: null });
  }
  if (details.length === 0) details.push({ message: message || 'Invalid request', property: null, code: null });
  return details;
}

const ROLLING_DEFAULT_MS = 10_000;
const SECONDLY_DEFAULT_MS = 1_000;

/** The typed error for a non-2xx HubSpot response. */
export function errorFromResponse(res: FailedResponse): HubSpotError {
  const body = parseErrorBody(res.text, res.headers['content-type']);
  const rateLimit = parseRateLimitHeaders(res.headers);
  const base = {
    status: res.status,
    request: res.request,
    correlationId: body.correlationId ?? res.headers['x-hubspot-correlation-id'] ?? null,
    category: body.category,
    rateLimit,
  };
  const where = `${res.request.method} ${res.request.path.split('?')[0]}`;
  const said = body.message ? `: ${body.message}` : '';

  if (res.status === 401) {
    const expired = body.category === 'EXPIRED_AUTHENTICATION' || /expired/i.test(body.message ?? '');
    return expired
      ? new HubSpotExpiredError({ ...base, message: `The HubSpot token has expired${said}` })
      : new HubSpotUnauthorizedError({ ...base, message: `HubSpot rejected the token${said}` });
  }
  if (res.status === 403) {
    const scopes = missingScopes(body);
    const list = scopes.length > 0 ? ` (${scopes.join(', ')})` : '';
    return new HubSpotMissingScopesError({
      ...base, scopes,
      message: `The HubSpot token lacks a required scope${list} for ${where}${said}`,
    });
  }
  if (res.status === 404) {
    return new HubSpotNotFoundError({
      ...base,
      message: `Not found in HubSpot: ${where}${body.html ? ' (HTML page)' : said}`,
    });
  }
  if (res.status === 429) {
    const policy = body.policyName ?? (/secondly/i.test(body.message ?? '') && !/ten_secondly/i.test(body.message ?? '') ? 'SECONDLY' : 'TEN_SECONDLY_ROLLING');
    if (policy.toUpperCase() === 'DAILY') {
      const resetsAt = new Date(nextMidnight(res.now, res.timeZone)).toISOString();
      return new HubSpotDailyLimitError({ ...base, resetsAt, message: `HubSpot's daily API limit is used up until ${resetsAt}${said}` });
    }
    const retryAfter = parseRetryAfter(res.headers['retry-after'], res.now);
    const fallback = policy === 'SECONDLY' ? SECONDLY_DEFAULT_MS : (rateLimit?.intervalMs ?? ROLLING_DEFAULT_MS);
    const retryAfterMs = retryAfter ?? fallback;
    return new HubSpotRateLimitedError({
      ...base, policy, retryAfterMs,
      message: `HubSpot rate limit ${policy} reached; retry in ${Math.ceil(retryAfterMs / 1000)} s${said}`,
    });
  }
  if (res.status === 400 || body.category === 'VALIDATION_ERROR') {
    const details = validationDetails(body);
    const first = details.find((d) => d.property) ?? details[0]!;
    return new HubSpotValidationError({
      ...base,
      property: first.property,
      hubspotMessage: first.message,
      details,
      message: first.property
        ? `HubSpot rejected the value of ${first.property}: ${first.message}`
        : `HubSpot rejected the request: ${first.message}`,
    });
  }
  if (res.status >= 500) {
    return new HubSpotServerError({ ...base, message: `HubSpot server error ${res.status} on ${where}${said}` });
  }
  return new HubSpotRequestError({ ...base, message: `HubSpot answered ${res.status} to ${where}${said}` });
}
