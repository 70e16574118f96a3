import { describe, expect, test } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import type { Playbook } from '../../../lib/playbook/types';
import { summarizePlaybook } from '../../../lib/options/playbook-summary';

describe('playbook summary', () => {
  const summary = summarizePlaybook(defaultPlaybook);

  test('counts every rule by kind, in a fixed kind order', () => {
    expect(summary.total).toBe(defaultPlaybook.rules.length);
    expect(summary.byKind.map((k) => k.kind)).toEqual(['gate', 'check', 'form', 'guide', 'view']);
    expect(summary.byKind.reduce((n, k) => n + k.count, 0)).toBe(summary.total);
    for (const { kind, count } of summary.byKind) expect(count).toBe(defaultPlaybook.rules.filter((r) => r.kind === kind).length);
  });

  test('groups rules by their source document, titled from playbook.sources, in rule order', () => {
    expect(summary.sections.map((s) => s.title)).toEqual(defaultPlaybook.sources.map((s) => s.title));
    for (const section of summary.sections) {
      const expected = defaultPlaybook.rules.filter((r) => r.source.file === section.file).map((r) => r.id);
      expect(section.rules.map((r) => r.id)).toEqual(expected);
    }
    expect(summary.sections.flatMap((s) => s.rules).length).toBe(summary.total);
  });

  test('SALES-SQL-1 reads with its object label and stage', () => {
    const rule = summary.sections.flatMap((s) => s.rules).find((r) => r.id === 'SALES-SQL-1')!;
    expect(rule.object).toBe(defaultPlaybook.objects['deal']!.label);
    expect(rule.kind).toBe('gate');
  });

  test('rules citing a file the sources do not list get their own section; switched-off rules are counted', () => {
    const first = defaultPlaybook.rules[0]!;
    const playbook: Playbook = {
      ...defaultPlaybook,
      rules: [{ ...first, id: 'X-1', source: { file: 'other.txt', quote: 'q' } }, { ...first, id: 'X-2', enabled: false }],
    };
    const s = summarizePlaybook(playbook);
    expect(s.enabled).toBe(1);
    expect(s.sections.map((x) => [x.title, x.rules.map((r) => r.id)])).toEqual([
      [defaultPlaybook.sources.find((src) => src.file === first.source.file)!.title, ['X-2']],
      ['other.txt', ['X-1']],
    ]);
    expect(s.sections[0]!.rules[0]!.enabled).toBe(false);
  });
});
