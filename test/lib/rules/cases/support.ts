/**
 * Shared pieces of the per-rule tables: each case names an SOP rule ID and
 * has a passing and a failing check, evaluated with the default playbook.
 */
import { expect } from 'vitest';
import type { Evaluation, Finding, FindingStatus } from '../../../../lib/rules/result';
import type { Snapshot } from '../../../../lib/rules/snapshot';
import { evaluate } from '../../../../lib/rules/evaluate';
import { defaultPlaybook } from '../../../../lib/playbook/default';
import { NOW } from '../../../helpers/snapshot-builder';

export interface RuleCase {
  id: string;
  pass: { name: string; run: () => void };
  fail: { name: string; run: () => void };
}

export const run = (snap: Snapshot, now: Date = NOW): Evaluation => evaluate(snap, defaultPlaybook, now);

export function finding(e: Evaluation, id: string): Finding {
  const f = e.findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`No finding ${id} among ${e.findings.map((x) => x.ruleId).join(', ')}`);
  return f;
}

export function expectStatus(e: Evaluation, id: string, status: FindingStatus, group?: Finding['group']): Finding {
  const f = finding(e, id);
  expect({ id, status: f.status }).toEqual({ id, status });
  if (group) expect(f.group).toBe(group);
  return f;
}

export function expectAbsent(e: Evaluation, id: string): void {
  expect(e.findings.map((f) => f.ruleId)).not.toContain(id);
}

export function openItems(f: Finding) {
  return f.items.filter((i) => i.status === 'missing');
}

export const guidanceIds = (e: Evaluation) => e.guidance.map((g) => g.ruleId);
