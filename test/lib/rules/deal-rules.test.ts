/**
 * Every sales-pipeline rule (SALES-*, SOP-1, SOP-2, ACC-7) against the
 * default playbook: a passing and a failing record each.
 */
import { describe, it } from 'vitest';
import { dealCases } from './cases/deal-cases';

describe('deal rules (default playbook)', () => {
  for (const c of dealCases) {
    it(`${c.id} passes: ${c.pass.name}`, () => c.pass.run());
    it(`${c.id} fails: ${c.fail.name}`, () => c.fail.run());
  }
});
