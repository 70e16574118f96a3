import { describe, expect, test } from 'vitest';
import { cadenceConfigOf, planCadence } from '../../../lib/content/cadence-plan';
import { cadence as defaultCadence } from '../../../lib/playbook/default/client-hub';
import type { CadenceResult } from '../../../lib/rules/result';
import { clientHubOverdue } from '../../fixtures/evaluations';

const result = clientHubOverdue.result as CadenceResult;
const config = cadenceConfigOf({ cadence: defaultCadence })!;

describe('planCadence', () => {
  test('CH-4/CH-8: a connected check-in with no ratio set writes the default ratio, the check-in date and next contact = check-in + 1 calendar month', () => {
    const plan = planCadence(config, result, '2025-01-31T10:00', true)!;
    expect(plan.summaryStage).toBe(defaultCadence.stages.summaryConnected);
    expect(plan.task).toBe(defaultCadence.tasks.summaryConnected);
    expect(plan.nextContactDate).toBe('2025-02-28');
    expect(plan.updates).toEqual([
      { property: 'contact_ratio', value: '1_month', label: 'Set Contact Ratio to 1_month' },
      { property: 'last_check_in_date', value: '2025-01-31', label: 'Set last check-in date to 2025-01-31' },
      { property: 'next_contact_date', value: '2025-02-28', label: 'Set next contact date to 2025-02-28' },
    ]);
  });

  test('CH-8: a connected check-in keeps a set ratio (2 weeks = 14 days)', () => {
    const plan = planCadence(config, { ...result, ratio: { value: '2_weeks', label: '2 weeks', isDefault: false } }, '2025-03-10', true)!;
    expect(plan.updates.map((u) => u.property)).toEqual(['last_check_in_date', 'next_contact_date']);
    expect(plan.nextContactDate).toBe('2025-03-24');
  });

  test('CH-8: not connected sets the not-connected ratio and the unsuccessful-call task, without a check-in date', () => {
    const plan = planCadence(config, { ...result, ratio: { value: '3_months', label: '3 months', isDefault: false } }, '2025-03-10', false)!;
    expect(plan.summaryStage).toBe(defaultCadence.stages.summaryNotConnected);
    expect(plan.task).toBe(defaultCadence.tasks.summaryNotConnected);
    expect(plan.updates.map((u) => [u.property, u.value])).toEqual([
      ['contact_ratio', '1_month'],
      ['next_contact_date', '2025-04-10'],
    ]);
  });

  test('bad dates or unknown ratios give no plan; a malformed playbook gives no config', () => {
    expect(planCadence(config, result, 'yesterday', true)).toBeNull();
    expect(planCadence(config, { ...result, ratio: { value: 'fortnightly', label: 'x', isDefault: false } }, '2025-03-10', true)).toBeNull();
    expect(cadenceConfigOf({})).toBeNull();
    expect(cadenceConfigOf({ cadence: { ...defaultCadence, ratioProperty: '' } })).toBeNull();
    expect(cadenceConfigOf({ cadence: { ...defaultCadence, ratios: { x: { months: 'one' } } } })).toBeNull();
  });
});
