/**
 * Calendar arithmetic the Client Hub rules (CH-4…CH-6) and activity windows
 * rely on: calendar days in the portal's zone, calendar months, parsing.
 */
import { describe, expect, it } from 'vitest';
import { addMonths, addRatio, civilFromDays, dayToIso, daysFromCivil, instantDay, parseInstant, valueDay, zone } from '../../../lib/rules/dates';

const day = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

describe('dates', () => {
  it('day numbers round-trip through civil dates', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2024-12-31', '2025-03-15', '1899-07-04']) {
      expect(dayToIso(day(iso))).toBe(iso);
      expect(civilFromDays(day(iso))).toEqual([Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))]);
    }
    expect(day('1970-01-01')).toBe(0);
  });

  it('CH-4: months are calendar months (clamped), weeks are 7 days', () => {
    expect(dayToIso(addMonths(day('2025-01-31'), 1))).toBe('2025-02-28');
    expect(dayToIso(addMonths(day('2024-01-31'), 1))).toBe('2024-02-29');
    expect(dayToIso(addMonths(day('2025-11-15'), 3))).toBe('2026-02-15');
    expect(dayToIso(addRatio(day('2025-03-01'), { weeks: 2 }))).toBe('2025-03-15');
    expect(dayToIso(addRatio(day('2025-08-31'), { months: 6 }))).toBe('2026-02-28');
  });

  it('parses what HubSpot sends: dates, ISO datetimes with offsets, epoch milliseconds', () => {
    expect(parseInstant('2025-03-15')).toBe(Date.UTC(2025, 2, 15));
    expect(parseInstant('2025-03-15T10:20:30.123Z')).toBe(Date.UTC(2025, 2, 15, 10, 20, 30, 123));
    expect(parseInstant('2025-03-15T10:20:30+02:00')).toBe(Date.UTC(2025, 2, 15, 8, 20, 30));
    expect(parseInstant('2025-03-15T10:20:30.5-0530')).toBe(Date.UTC(2025, 2, 15, 15, 50, 30, 500));
    expect(parseInstant('1741996800000')).toBe(1741996800000);
    expect(parseInstant(' 2025-03-15 ')).toBe(Date.UTC(2025, 2, 15));
    for (const bad of ['', '  ', 'yesterday', '2025-02-30', '2025-13-01', null, undefined]) expect(parseInstant(bad)).toBeNull();
  });

  it('CH-5/CH-6: calendar days in the portal zone, across DST', () => {
    const eastern = zone('US/Eastern');
    // 2025-03-16T03:30Z is still the 15th in New York (EDT, UTC−4).
    expect(dayToIso(instantDay(Date.UTC(2025, 2, 16, 3, 30), eastern))).toBe('2025-03-15');
    // 2025-01-16T04:30Z is the 15th in winter (EST, UTC−5).
    expect(dayToIso(instantDay(Date.UTC(2025, 0, 16, 4, 30), eastern))).toBe('2025-01-15');
    expect(dayToIso(instantDay(Date.UTC(2025, 2, 15, 22, 0), zone('Pacific/Chatham')))).toBe('2025-03-16');
    // A date property names its calendar date whatever the zone.
    expect(dayToIso(valueDay('2025-03-15', eastern)!)).toBe('2025-03-15');
    expect(dayToIso(valueDay('1741996800000', eastern, true)!)).toBe('2025-03-15');
  });

  it('unknown or malformed zones fall back to UTC instead of throwing', () => {
    for (const name of ['Not/AZone', 'utc+5', '', null]) {
      expect(dayToIso(instantDay(Date.UTC(2025, 2, 15, 23, 0), zone(name)))).toBe('2025-03-15');
    }
  });
});
