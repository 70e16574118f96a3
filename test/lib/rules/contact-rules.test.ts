/**
 * Every contact rule (LC-*, LEAD-1, CONSENT-1, LOG-1, REC-1/3/4, ACC-8,
 * ACC-9) against the default playbook: a passing and a failing record each.
 */
import { describe, it } from 'vitest';
import { contactCases } from './cases/contact-cases';

describe('contact rules (default playbook)', () => {
  for (const c of contactCases) {
    it(`${c.id} passes: ${c.pass.name}`, () => c.pass.run());
    it(`${c.id} fails: ${c.fail.name}`, () => c.fail.run());
  }
});
