/**
 * Every company rule (REC-2, REC-5, ACC-1…ACC-6, ACC-9, ACC-10) against the
 * default playbook: a passing and a failing record each.
 */
import { describe, it } from 'vitest';
import { companyCases } from './cases/company-cases';

describe('company rules (default playbook)', () => {
  for (const c of companyCases) {
    it(`${c.id} passes: ${c.pass.name}`, () => c.pass.run());
    it(`${c.id} fails: ${c.fail.name}`, () => c.fail.run());
  }
});
