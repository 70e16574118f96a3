/**
 * The zod schema and the Playbook type describe the same shape: a field added
 * to one and not the other breaks `tsc --noEmit` here (the expectTypeOf
 * assertions are compile-time), and the runtime checks below fail if the
 * schema rejects a well-typed playbook.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { playbookSchema } from '../../../lib/playbook/schema';
import type { predicateSchema, ruleSchema } from '../../../lib/playbook/schema';
import type { Playbook, Predicate, Rule } from '../../../lib/playbook/types';
import { defaultPlaybook } from '../../../lib/playbook/default';

type Inferred = z.infer<typeof playbookSchema>;

describe('playbook schema ⇔ Playbook type', () => {
  it('the inferred playbook type and Playbook are mutually assignable', () => {
    expectTypeOf<Inferred>().toExtend<Playbook>();
    expectTypeOf<Playbook>().toExtend<Inferred>();
  });

  it('rules and predicates match too (so a mismatch names the part that drifted)', () => {
    expectTypeOf<z.infer<typeof ruleSchema>>().toExtend<Rule>();
    expectTypeOf<Rule>().toExtend<z.infer<typeof ruleSchema>>();
    expectTypeOf<z.infer<typeof predicateSchema>>().toExtend<Predicate>();
    expectTypeOf<Predicate>().toExtend<z.infer<typeof predicateSchema>>();
  });

  it('a schema-typed value is usable where a Playbook is expected (and back)', () => {
    const parsed = playbookSchema.parse(defaultPlaybook);
    const asPlaybook: Playbook = parsed;
    const back: Inferred = asPlaybook;
    expect(back.rules).toHaveLength(defaultPlaybook.rules.length);
  });
});
