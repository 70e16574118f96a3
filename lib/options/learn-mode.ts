/**
 * Learn mode (new hires see every rule's "why"): automatic for the first N
 * days after install, or switched on/off explicitly. This says which, and
 * until when, in words.
 */
import type { Settings } from '../messages/schemas';
import { formatDate } from './format';

const DAY_MS = 24 * 60 * 60 * 1000;

export type LearnChoice = 'auto' | 'on' | 'off';

export function learnChoice(enabled: boolean | null): LearnChoice {
  return enabled === null ? 'auto' : enabled ? 'on' : 'off';
}

export function choiceToEnabled(choice: LearnChoice): boolean | null {
  return choice === 'auto' ? null : choice === 'on';
}

/** When automatic learn mode ends (install + days). */
export function autoEndsAt(learn: Settings['learnMode']): string | null {
  const installed = Date.parse(learn.installedAt);
  return Number.isNaN(installed) ? null : new Date(installed + learn.days * DAY_MS).toISOString();
}

export function describeLearnMode(learn: Settings['learnMode'], now: number): string {
  const state = learn.active ? 'on' : 'off';
  if (learn.enabled === true) return 'Learn mode is on: switched on for this browser.';
  if (learn.enabled === false) return 'Learn mode is off: switched off for this browser.';
  const ends = autoEndsAt(learn);
  if (learn.days === 0) return 'Learn mode is off: automatic, with no learning period.';
  if (!ends) return `Learn mode is ${state} (automatic).`;
  return Date.parse(ends) > now
    ? `Learn mode is ${state}: automatic, until ${formatDate(ends)} (${learn.days} days after install).`
    : `Learn mode is ${state}: automatic; the ${learn.days}-day learning period ended on ${formatDate(ends)}.`;
}
