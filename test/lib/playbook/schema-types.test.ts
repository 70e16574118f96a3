/**
 * The zod schema and the Playbook type describe the same shape: a field added
 * to one and not the other breaks `tsc --noEmit` here (the expectTypeOf
 * assertions are compile-time), and the runtime checks below fail if the
 * schema rejects a well-typed playbook.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { playbookSchemas, type PlaybookSchemas } from '../../../lib/playbook/schema';
import type { Playbook, Predicate, Rule } from '../../../lib/playbook/types';
import { defaultPlaybook } from '../../../lib/playbook/default';

const { playbookSchema } = playbookSchemas();
type Inferred = z.infer<PlaybookSchemas['playbookSchema']>;

describe('playbook schema ⇔ Playbook type', () => {
  it('the inferred playbook type and Playbook are mutually assignable', () => {
    expectTypeOf<Inferred>().toExtend<Playbook>();
    expectTypeOf<Playbook>().toExtend<Inferred>();
  });

  it('rules and predicates match too (so a mismatch names the part that drifted)', () => {
    expectTypeOf<z.infer<PlaybookSchemas['ruleSchema']>>().toExtend<Rule>();
    expectTypeOf<Rule>().toExtend<z.infer<PlaybookSchemas['ruleSchema']>>();
    expectTypeOf<z.infer<PlaybookSchemas['predicateSchema']>>().toExtend<Predicate>();
    expectTypeOf<Predicate>().toExtend<z.infer<PlaybookSchemas['predicateSchema']>>();
  });

  it('a schema-typed value is usable where a Playbook is expected (and back)', () => {
    const parsed = playbookSchema.parse(defaultPlaybook);
    const asPlaybook: Playbook = parsed;
    const back: Inferred = asPlaybook;
    expect(back.rules).toHaveLength(defaultPlaybook.rules.length);
  });
});
