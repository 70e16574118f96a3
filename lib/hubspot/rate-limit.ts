/**
 * HubSpot's rate-limit headers and Retry-After, parsed for the background's
 * limiter (HUBSPOT-API.md "Rate limits"). Search responses carry none of the
 * `X-HubSpot-RateLimit-*` headers, so every field is optional.
 */

export interface RateLimitInfo {
  /** Requests allowed per interval (X-HubSpot-RateLimit-Max). */
  max?: number;
  /** Left in the current interval (X-HubSpot-RateLimit-Remaining). */
  remaining?: number;
  /** Length of the rolling window (X-HubSpot-RateLimit-Interval-Milliseconds). */
  intervalMs?: number;
  /** Requests allowed per day (X-HubSpot-RateLimit-Daily). */
  daily?: number;
  /** Left today (X-HubSpot-RateLimit-Daily-Remaining). */
  dailyRemaining?: number;
}

/** Headers as a lower-cased name → value map. */
export type HeaderMap = Record<string, string>;

const HEADER_FIELDS: Array<[keyof RateLimitInfo, string]> = [
  ['max', 'x-hubspot-ratelimit-max'],
  ['remaining', 'x-hubspot-ratelimit-remaining'],
  ['intervalMs', 'x-hubspot-ratelimit-interval-milliseconds'],
  ['daily', 'x-hubspot-ratelimit-daily'],
  ['dailyRemaining', 'x-hubspot-ratelimit-daily-remaining'],
];

/** The rate-limit headers present on a response; null when it had none. */
export function parseRateLimitHeaders(headers: HeaderMap): RateLimitInfo | null {
  const info: RateLimitInfo = {};
  let found = false;
  for (const [field, header] of HEADER_FIELDS) {
    const raw = headers[header];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) continue;
    info[field] = value;
    found = true;
  }
  return found ? info : null;
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

/** Lower-cased header map from a fetch Headers object. */
export function headerMap(headers: Headers): HeaderMap {
  const map: HeaderMap = {};
  headers.forEach((value, name) => {
    map[name.toLowerCase()] = value;
  });
  return map;
}

/**
 * The next midnight after `now` in `timeZone` (IANA), as epoch ms; the next
 * UTC midnight when the zone is unknown or invalid. HubSpot's daily limit
 * resets at midnight in the account's time zone.
 */
export function nextMidnight(now: number, timeZone?: string | null): number {
  const utc = () => {
    const d = new Date(now);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
  };
  if (!timeZone) return utc();
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return utc();
  }
  // Wall-clock time in the zone, read as if it were UTC.
  const wall = (t: number): number => {
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(t))) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  };
  const offset = (t: number): number => wall(t) - Math.floor(t / 1000) * 1000;
  const today = new Date(wall(now));
  const target = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1);
  // Two passes settle the zone offset even when the midnight follows a DST change.
  let guess = target - offset(now);
  guess = target - offset(guess);
  return guess > now ? guess : utc();
}
