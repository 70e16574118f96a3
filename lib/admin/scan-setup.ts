/**
 * The admin page's scan setup, read off the active playbook: the objects a
 * scan can cover, their rules (only those with a failing state), their
 * pipelines (by label), the default choice, and the scan.start message the
 * choice becomes. Pure.
 */
import type { RequestOf } from '../messages/protocol';
import type { Playbook, Severity } from '../playbook/types';
import { isScannable } from './scan-selection';

export interface SetupRule {
  id: string;
  title: string;
  severity: Severity;
  /** Other objects the rule is also read on (CH-1 on contacts, REC-3/ACC-9 on companies…). */
  alsoOn: string[];
}

export interface SetupObject {
  alias: string;
  label: string;
  /** Rules whose scope is this object. */
  rules: SetupRule[];
  pipelines: Array<{ label: string; governed: boolean }>;
}

export interface SetupChoice {
  objects: string[];
  rules: string[];
  /** Pipeline labels by object alias (objects with pipelines only). */
  pipelines: Record<string, string[]>;
}

/** Every object with at least one rule a scan can report, in playbook order. */
export function setupModel(playbook: Playbook): SetupObject[] {
  const out: SetupObject[] = [];
  for (const [alias, obj] of Object.entries(playbook.objects)) {
    const rules = playbook.rules
      .filter((r) => isScannable(r) && r.scope.object === alias)
      .map((r) => ({ id: r.id, title: r.title, severity: r.severity, alsoOn: r.scope.alsoOn ?? [] }));
    const alsoHere = playbook.rules.some((r) => isScannable(r) && (r.scope.alsoOn ?? []).includes(alias));
    if (rules.length === 0 && !alsoHere) continue;
    out.push({
      alias,
      label: obj.label,
      rules,
      pipelines: playbook.pipelines.filter((p) => p.object === alias).map((p) => ({ label: p.label, governed: p.governed })),
    });
  }
  return out;
}

/** Everything, in the governed pipelines (the others carry no pipeline rules: reading them would only cost requests). */
export function defaultChoice(model: readonly SetupObject[]): SetupChoice {
  const pipelines: Record<string, string[]> = {};
  for (const o of model) {
    if (o.pipelines.length === 0) continue;
    const governed = o.pipelines.filter((p) => p.governed).map((p) => p.label);
    pipelines[o.alias] = governed.length > 0 ? governed : o.pipelines.map((p) => p.label);
  }
  return { objects: model.map((o) => o.alias), rules: model.flatMap((o) => o.rules.map((r) => r.id)), pipelines };
}

/** What is wrong with a choice, in words (null when it can start). */
export function choiceProblem(model: readonly SetupObject[], choice: SetupChoice): string | null {
  if (choice.objects.length === 0) return 'Choose at least one object to scan.';
  const rules = chosenRules(model, choice);
  if (rules.length === 0) return 'Choose at least one rule of the chosen objects.';
  for (const o of model) {
    if (!choice.objects.includes(o.alias) || o.pipelines.length === 0) continue;
    if ((choice.pipelines[o.alias] ?? []).length === 0) return `Choose at least one ${o.label.toLowerCase()} pipeline.`;
  }
  return null;
}

/** Whether a rule of `object` reads records of a chosen object (its own, or one it is also read on). */
export function ruleInScope(object: string, rule: SetupRule, choice: SetupChoice): boolean {
  return choice.objects.includes(object) || rule.alsoOn.some((a) => choice.objects.includes(a));
}

/** The chosen rules that apply to a chosen object (others would read nothing). */
export function chosenRules(model: readonly SetupObject[], choice: SetupChoice): string[] {
  const chosen = new Set(choice.rules);
  return model.flatMap((o) => o.rules.filter((r) => chosen.has(r.id) && ruleInScope(o.alias, r, choice)).map((r) => r.id));
}

export function scanStartRequest(model: readonly SetupObject[], choice: SetupChoice): RequestOf<'scan.start'> {
  const pipelines: Record<string, string[]> = {};
  for (const o of model) {
    if (choice.objects.includes(o.alias) && o.pipelines.length > 0) pipelines[o.alias] = [...(choice.pipelines[o.alias] ?? [])];
  }
  return {
    type: 'scan.start',
    objects: model.filter((o) => choice.objects.includes(o.alias)).map((o) => o.alias),
    ruleIds: chosenRules(model, choice),
    ...(Object.keys(pipelines).length > 0 ? { options: { pipelines } } : {}),
  };
}
