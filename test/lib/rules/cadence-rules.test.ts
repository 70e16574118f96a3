/**
 * Every Client Hub rule (CH-1…CH-8) against the default playbook: a passing
 * and a failing record (or call) each.
 */
import { describe, it } from 'vitest';
import { cadenceCases } from './cases/cadence-cases';

describe('Client Hub rules (default playbook)', () => {
  for (const c of cadenceCases) {
    it(`${c.id} passes: ${c.pass.name}`, () => c.pass.run());
    it(`${c.id} fails: ${c.fail.name}`, () => c.fail.run());
  }
});
