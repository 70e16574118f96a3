/**
 * The active playbook, summarised for reading: counts by rule kind and the
 * rules grouped by the SOP document they come from (the playbook's
 * `sources`), in playbook order. Pure: data in, data out.
 */
import type { Playbook, Rule, RuleKind } from '../playbook/types';

export const KIND_TEXT: Record<RuleKind, { label: string; help: string }> = {
  gate: { label: 'Gate', help: 'needed to move a record to the next stage' },
  check: { label: 'Check', help: 'a standing requirement on the record' },
  form: { label: 'Form', help: 'a guided form (call log, S&OP note, cadence)' },
  guide: { label: 'Guide', help: 'guidance text shown in context' },
  view: { label: 'View', help: 'an extra view (e.g. company hierarchy)' },
};

export const KIND_ORDER: readonly RuleKind[] = ['gate', 'check', 'form', 'guide', 'view'];

export interface RuleLine {
  id: string;
  kind: RuleKind;
  title: string;
  required: boolean;
  enabled: boolean;
  /** "Deal", "Contact"… (the playbook's object label). */
  object: string;
  /** Stage label and transition, when the rule is tied to a stage. */
  stage: string | null;
}

export interface RuleSection {
  /** The source document's title (or its file name when the playbook gives none). */
  title: string;
  file: string | null;
  rules: RuleLine[];
}

export interface PlaybookSummary {
  total: number;
  enabled: number;
  byKind: Array<{ kind: RuleKind; count: number }>;
  sections: RuleSection[];
}

function stageOf(rule: Rule): string | null {
  if (rule.kind === 'view' || !('stage' in rule) || !rule.stage) return null;
  if (rule.kind === 'guide') return `in ${rule.stage}`;
  if (rule.transition === 'leave') return `to leave ${rule.stage}`;
  if (rule.transition === 'enter') return `to enter ${rule.stage}`;
  return `in ${rule.stage}`;
}

function line(rule: Rule, playbook: Playbook): RuleLine {
  const alias = rule.scope?.object ?? '';
  return {
    id: rule.id,
    kind: rule.kind,
    title: rule.title,
    required: rule.severity === 'required',
    enabled: rule.enabled !== false,
    object: playbook.objects?.[alias]?.label ?? alias,
    stage: stageOf(rule),
  };
}

export function summarizePlaybook(playbook: Playbook): PlaybookSummary {
  const rules = playbook.rules ?? [];
  const counts = new Map<RuleKind, number>();
  for (const rule of rules) counts.set(rule.kind, (counts.get(rule.kind) ?? 0) + 1);
  const byKind = KIND_ORDER.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind) ?? 0 }));

  const titles = new Map((playbook.sources ?? []).map((s) => [s.file, s.title || s.file]));
  const sections = new Map<string, RuleSection>();
  // Sections follow the playbook's own order of sources, then any other file in rule order.
  for (const [file, title] of titles) sections.set(file, { title, file, rules: [] });
  for (const rule of rules) {
    const file = rule.source?.file ?? '';
    let section = sections.get(file);
    if (!section) {
      section = { title: file || 'Without a source document', file: file || null, rules: [] };
      sections.set(file, section);
    }
    section.rules.push(line(rule, playbook));
  }
  return {
    total: rules.length,
    enabled: rules.filter((r) => r.enabled !== false).length,
    byKind,
    sections: [...sections.values()].filter((s) => s.rules.length > 0),
  };
}
