import { describe, expect, test } from 'vitest';
import { autoEndsAt, choiceToEnabled, describeLearnMode, learnChoice } from '../../../lib/options/learn-mode';
import { NOW } from './fixtures';

const learn = (extra: Partial<{ enabled: boolean | null; installedAt: string; days: number; active: boolean }> = {}) => ({
  enabled: null, installedAt: '2025-03-01T09:00:00.000Z', days: 30, active: true, ...extra,
});

describe('learn mode', () => {
  test('choices map to the setting and back (null = automatic)', () => {
    for (const choice of ['auto', 'on', 'off'] as const) expect(learnChoice(choiceToEnabled(choice))).toBe(choice);
    expect(choiceToEnabled('auto')).toBeNull();
  });

  test('automatic ends N days after install', () => {
    expect(autoEndsAt(learn())).toBe('2025-03-31T09:00:00.000Z');
  });

  test('says on/off, why, and until when', () => {
    expect(describeLearnMode(learn(), NOW)).toMatch(/^Learn mode is on: automatic, until .+ \(30 days after install\)\.$/);
    expect(describeLearnMode(learn({ days: 5, active: false }), NOW)).toMatch(/^Learn mode is off: automatic; the 5-day learning period ended on /);
    expect(describeLearnMode(learn({ enabled: true }), NOW)).toBe('Learn mode is on: switched on for this browser.');
    expect(describeLearnMode(learn({ enabled: false, active: false }), NOW)).toBe('Learn mode is off: switched off for this browser.');
  });
});
