/**
 * What a Client Hub record needs after a call (CH-4, CH-8), as property
 * writes for the `cadence.apply` message. Property names, ratios and stage
 * labels come from the playbook's `cadence` section; the dates follow the
 * Resolutions (calendar days; weeks are 7 days, months calendar months).
 */
import type { Cadence } from '../playbook/types';
import type { CadenceResult } from '../rules/result';
import { addRatio, dayToIso, daysFromCivil } from '../rules/dates';

export type CadenceConfig = Pick<
  Cadence,
  'ratioProperty' | 'lastCheckInProperty' | 'nextContactDateProperty' | 'ratios' | 'defaultRatio' | 'notConnectedRatio' | 'stages' | 'tasks' | 'npsSurvey'
>;

export interface CadenceUpdate {
  property: string;
  value: string;
  label: string;
}

export interface CadencePlan {
  connected: boolean;
  /** The summary stage the record moves to (moved by the summary task in HubSpot). */
  summaryStage: string;
  /** The task to complete in HubSpot. */
  task: string;
  ratio: string;
  nextContactDate: string;
  nps: string;
  updates: CadenceUpdate[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;

function dayOf(ymd: string): number | null {
  const m = DAY.exec(ymd);
  return m ? daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/**
 * The plan for a call made on `callDate` (`YYYY-MM-DD…`, the rep's calendar day).
 * Connected check-in (CH-2): keep the record's Contact Ratio (or set the
 * default when unset, CH-4), record the check-in, next contact = check-in + ratio.
 * Not connected: Contact Ratio becomes the playbook's not-connected ratio (CH-8)
 * and the next contact date is counted from the call.
 */
export function planCadence(config: CadenceConfig, cadence: CadenceResult, callDate: string, connected: boolean): CadencePlan | null {
  const day = dayOf(callDate);
  if (day === null) return null;
  const ratio = connected ? (cadence.ratio.isDefault ? config.defaultRatio : cadence.ratio.value) : config.notConnectedRatio;
  const spec = config.ratios[ratio];
  if (!spec) return null;
  const next = dayToIso(addRatio(day, spec));
  const today = dayToIso(day);
  const updates: CadenceUpdate[] = [];
  if (ratio !== cadence.ratio.value || cadence.ratio.isDefault) {
    updates.push({ property: config.ratioProperty, value: ratio, label: `Set Contact Ratio to ${ratio}` });
  }
  if (connected) updates.push({ property: config.lastCheckInProperty, value: today, label: `Set last check-in date to ${today}` });
  updates.push({ property: config.nextContactDateProperty, value: next, label: `Set next contact date to ${next}` });
  return {
    connected,
    summaryStage: connected ? config.stages.summaryConnected : config.stages.summaryNotConnected,
    task: connected ? config.tasks.summaryConnected : config.tasks.summaryNotConnected,
    ratio,
    nextContactDate: next,
    nps: config.npsSurvey,
    updates,
  };
}

/** The playbook's cadence section from a `playbook.get` answer, checked field by field. */
export function cadenceConfigOf(playbook: unknown): CadenceConfig | null {
  const c = (playbook as { cadence?: unknown } | null)?.cadence as Record<string, unknown> | undefined;
  if (!c || typeof c !== 'object') return null;
  const str = (v: unknown) => typeof v === 'string' && v.length > 0;
  const stages = c.stages as Record<string, unknown> | undefined;
  const tasks = c.tasks as Record<string, unknown> | undefined;
  const ratios = c.ratios as Record<string, unknown> | undefined;
  if (
    !str(c.ratioProperty) || !str(c.lastCheckInProperty) || !str(c.nextContactDateProperty) ||
    !str(c.defaultRatio) || !str(c.notConnectedRatio) || !str(c.npsSurvey) ||
    !stages || !str(stages.summaryConnected) || !str(stages.summaryNotConnected) ||
    !tasks || !str(tasks.summaryConnected) || !str(tasks.summaryNotConnected) ||
    !ratios || typeof ratios !== 'object'
  ) {
    return null;
  }
  const okRatios = Object.values(ratios).every(
    (r) => r !== null && typeof r === 'object' && Object.values(r).every((n) => Number.isInteger(n) && (n as number) >= 0),
  );
  return okRatios ? (c as unknown as CadenceConfig) : null;
}
