/**
 * Dates as the SOP counts them: calendar days in the portal's time zone
 * (Resolutions, Client Hub), calendar months for Contact Ratios. No clock is
 * read here: `now` always comes in as a number.
 *
 * A "day" is an integer: days since 1970-01-01 of a calendar date. HubSpot
 * date properties (`YYYY-MM-DD`, or midnight UTC) name a calendar date
 * directly; datetimes are instants, converted to the portal's calendar.
 * Parsing and time-zone offsets are cached: they sit in the engine's hot loop.
 */
import type { RatioSpec } from '../playbook/types';

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** `YYYY-MM-DD` of a day number. */
export function dayToIso(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Calendar-month addition; the day is clamped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: number, months: number): number {
  const [y, m, d] = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Contact Ratio arithmetic (Resolutions, Client Hub): weeks are 7 days, months calendar months. */
export function addRatio(day: number, ratio: RatioSpec): number {
  let out = day;
  if (ratio.months) out = addMonths(out, ratio.months);
  if (ratio.weeks) out += 7 * ratio.weeks;
  if (ratio.days) out += ratio.days;
  return out;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

function num(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return NaN;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** `YYYY-MM-DD` exactly (a HubSpot date property). */
export function isDateOnly(s: string): boolean {
  return s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && isDigit(s.charCodeAt(0));
}

function validYmd(y: number, m: number, d: number): boolean {
  return y === y && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Fast path for `YYYY-MM-DD[THH:mm[:ss[.fff]]][Z|±HH:mm|±HHmm]`; NaN when the shape differs. */
function parseIsoFast(s: string): number {
  const n = s.length;
  if (n < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  const y = num(s, 0, 4);
  const mo = num(s, 5, 7);
  const d = num(s, 8, 10);
  if (!validYmd(y, mo, d)) return NaN;
  const base = daysFromCivil(y, mo, d) * MS_PER_DAY;
  if (n === 10) return base;
  const t = s.charCodeAt(10);
  if ((t !== 84 && t !== 32) || n < 16 || s.charCodeAt(13) !== 58) return NaN; // 'T' or ' ', HH:mm
  const hh = num(s, 11, 13);
  const mi = num(s, 14, 16);
  let i = 16;
  let sec = 0;
  let ms = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    sec = num(s, i + 1, i + 3);
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      let j = i + 1;
      let frac = 0;
      let digits = 0;
      while (j < n && isDigit(s.charCodeAt(j))) {
        if (digits < 3) {
          frac = frac * 10 + (s.charCodeAt(j) - 48);
          digits++;
        }
        j++;
      }
      if (j === i + 1) return NaN;
      while (digits < 3) {
        frac *= 10;
        digits++;
      }
      ms = frac;
      i = j;
    }
  }
  if (!(hh <= 24 && mi < 60 && sec < 61)) return NaN;
  let offsetMin = 0;
  if (i < n) {
    const z = s.charCodeAt(i);
    if (z === 90 || z === 122) {
      if (i + 1 !== n) return NaN;
    } else if (z === 43 || z === 45) {
      const rest = n - i - 1;
      let oh: number;
      let om: number;
      if (rest === 5 && s.charCodeAt(i + 3) === 58) {
        oh = num(s, i + 1, i + 3);
        om = num(s, i + 4, i + 6);
      } else if (rest === 4) {
        oh = num(s, i + 1, i + 3);
        om = num(s, i + 3, i + 5);
      } else if (rest === 2) {
        oh = num(s, i + 1, i + 3);
        om = 0;
      } else return NaN;
      if (!(oh <= 23 && om < 60)) return NaN;
      offsetMin = (z === 43 ? 1 : -1) * (oh * 60 + om);
    } else return NaN;
  }
  return base + hh * MS_PER_HOUR + mi * 60_000 + sec * 1000 + ms - offsetMin * 60_000;
}

const slowCache = new Map<string, number>();

/**
 * An instant (ms since epoch) from what HubSpot sends: ISO dates and
 * datetimes, or epoch milliseconds as digits. Null when unparseable.
 */
export function parseInstant(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const s = value.length > 0 && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value;
  if (s.length === 0) return null;
  const fast = parseIsoFast(s);
  if (fast === fast) return fast;
  // ISO-shaped but invalid (2025-02-30, 25:00): not a date, whatever a lenient parser would make of it.
  if (s.length >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45 && isDigit(s.charCodeAt(0))) return null;
  let allDigits = s.length >= 9 && s.length <= 15;
  for (let i = 0; allDigits && i < s.length; i++) if (!isDigit(s.charCodeAt(i))) allDigits = false;
  if (allDigits) return Number(s);
  const cached = slowCache.get(s);
  if (cached !== undefined) return cached === cached ? cached : null;
  const parsed = new Date(s).getTime();
  if (slowCache.size > 5000) slowCache.clear();
  slowCache.set(s, parsed);
  return parsed === parsed ? parsed : null;
}

/** A time zone with a cached offset per UTC hour (offsets only change on whole hours). */
export interface Zone {
  readonly name: string;
  /** Minutes to add to UTC to get local wall time at `ms`. */
  offsetAt(ms: number): number;
}

const UTC_ZONE: Zone = { name: 'UTC', offsetAt: () => 0 };
const zones = new Map<string, Zone>();

function makeZone(name: string): Zone {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return { name: 'UTC', offsetAt: () => 0 };
  }
  const cache = new Map<number, number>();
  const compute = (ms: number): number => {
    const parts = fmt.formatToParts(new Date(ms));
    let y = 0, mo = 1, d = 1, h = 0, mi = 0, se = 0;
    for (const p of parts) {
      if (p.type === 'year') y = Number(p.value);
      else if (p.type === 'month') mo = Number(p.value);
      else if (p.type === 'day') d = Number(p.value);
      else if (p.type === 'hour') h = Number(p.value) % 24;
      else if (p.type === 'minute') mi = Number(p.value);
      else if (p.type === 'second') se = Number(p.value);
    }
    const local = daysFromCivil(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * 60_000 + se * 1000;
    const off = Math.round((local - ms) / 60_000);
    return Number.isFinite(off) ? off : 0;
  };
  return {
    name,
    offsetAt(ms: number): number {
      if (!Number.isFinite(ms)) return 0;
      const bucket = Math.floor(ms / MS_PER_HOUR);
      const hit = cache.get(bucket);
      if (hit !== undefined) return hit;
      const off = compute(bucket * MS_PER_HOUR);
      if (cache.size > 20_000) cache.clear();
      cache.set(bucket, off);
      return off;
    },
  };
}

/** The zone for an IANA name; unknown or malformed names fall back to UTC rather than throwing. */
export function zone(name: string | null | undefined): Zone {
  if (!name || name === 'UTC' || name === 'Etc/UTC') return UTC_ZONE;
  let z = zones.get(name);
  if (!z) {
    z = makeZone(name);
    if (zones.size > 200) zones.clear();
    zones.set(name, z);
  }
  return z;
}

/** The calendar day of an instant in a zone. */
export function instantDay(ms: number, z: Zone): number {
  return Math.floor((ms + z.offsetAt(ms) * 60_000) / MS_PER_DAY);
}

/**
 * The calendar day a property value names: a date (`YYYY-MM-DD`, or a
 * midnight-UTC instant as HubSpot stores date properties) is that date;
 * any other instant is converted to the zone's calendar.
 */
export function valueDay(value: string | null | undefined, z: Zone, dateOnly = false): number | null {
  if (value === null || value === undefined) return null;
  const ms = parseInstant(value);
  if (ms === null || !Number.isFinite(ms)) return null;
  if (dateOnly || isDateOnly(value.trim())) return Math.floor(ms / MS_PER_DAY);
  return instantDay(ms, z);
}
