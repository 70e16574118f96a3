/**
 * Every rule ID of the default playbook (the catalog's 68) has a passing and
 * a failing case in the per-rule tables, so dropping or changing any rule
 * fails a test named after it.
 */
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default';
import { dealCases } from './cases/deal-cases';
import { contactCases } from './cases/contact-cases';
import { companyCases } from './cases/company-cases';
import { cadenceCases } from './cases/cadence-cases';

describe('per-rule case tables', () => {
  const cases = [...dealCases, ...contactCases, ...companyCases, ...cadenceCases];

  it('cover all 68 rule IDs of the default playbook', () => {
    const ids = [...new Set(cases.map((c) => c.id))].sort();
    expect(ids).toEqual(defaultPlaybook.rules.map((r) => r.id).sort());
    expect(ids).toHaveLength(68);
  });
});
