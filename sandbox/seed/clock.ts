/**
 * Dates relative to a reference instant, so the seed's "stale" stays stale
 * and "recent" stays recent whenever the suite or the demo runs.
 * Datetime properties are ISO strings; date-only properties are `YYYY-MM-DD`
 * calendar dates in the portal's time zone (US/Eastern), as the Client Hub
 * rules read them (SOP-RULES.md, Resolutions: Client Hub).
 */

const DAY_MS = 86_400_000;
const PORTAL_TIME_ZONE = 'America/New_York';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: PORTAL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export interface Clock {
  now: Date;
  /** ISO datetime `days` (fractions allowed) before now. */
  daysAgo(days: number): string;
  /** ISO datetime `days` after now. */
  daysAhead(days: number): string;
  /** Epoch ms of `daysAgo(days)`. */
  msAgo(days: number): number;
  /** Portal calendar date (`YYYY-MM-DD`) `offset` days from today (negative = past). */
  date(offset: number): string;
  /** Portal calendar date of `date(offset)` plus whole calendar months. */
  dateMonths(offset: number, months: number): string;
}

/** `YYYY-MM-DD` plus `days` calendar days (pure calendar arithmetic, no time zone). */
export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus calendar months, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(ymd: string, months: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

export function makeClock(now: Date): Clock {
  const t = now.getTime();
  const today = dayFormat.format(now);
  return {
    now,
    daysAgo: (days) => new Date(t - Math.round(days * DAY_MS)).toISOString(),
    daysAhead: (days) => new Date(t + Math.round(days * DAY_MS)).toISOString(),
    msAgo: (days) => t - Math.round(days * DAY_MS),
    date: (offset) => addDays(today, offset),
    dateMonths: (offset, months) => addMonths(addDays(today, offset), months),
  };
}
