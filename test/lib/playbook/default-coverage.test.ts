/**
 * The default playbook encodes every rule of the catalog, with the catalog's
 * kind, and cites its SOP verbatim. Drop or re-kind any rule and this fails.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const shared = new URL('../shared/', `file://${repoRoot}`);
const catalog = readFileSync(new URL('SOP-RULES.md', shared), 'utf8');

interface CatalogRule { id: string; kind: string; section: number; file: string }

/** `| ID | kind | rule |` rows, with the seed file named in their section header. */
function parseCatalog(text: string): CatalogRule[] {
  const rules: CatalogRule[] = [];
  let section = 0;
  let file = '';
  for (const line of text.split('\n')) {
    const header = /^## (\d+)\. .*\((\d{3}_[0-9a-f]+\.txt)/.exec(line);
    if (header) {
      section = Number(header[1]);
      file = header[2] ?? '';
      continue;
    }
    const row = /^\| ([A-Z]+(?:-[A-Z0-9]+)+) \| (gate|check|form|guide|view) \|/.exec(line);
    if (row) rules.push({ id: row[1] ?? '', kind: row[2] ?? '', section, file });
  }
  return rules;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const catalogRules = parseCatalog(catalog);
const byId = new Map(defaultPlaybook.rules.map((r) => [r.id, r]));

describe('default playbook covers the SOP rule catalog', () => {
  it('the catalog has 68 rule IDs and the playbook exactly those', () => {
    expect(catalogRules).toHaveLength(68);
    expect(new Set(catalogRules.map((r) => r.id)).size).toBe(68);
    expect(defaultPlaybook.rules).toHaveLength(68);
    expect([...byId.keys()].sort()).toEqual(catalogRules.map((r) => r.id).sort());
  });

  it.each(catalogRules)('$id is a $kind', ({ id, kind }) => {
    expect(byId.get(id)?.kind).toBe(kind);
  });

  it.each(catalogRules)('$id has the severity of its section and cites its seed file', ({ id, section, file }) => {
    const rule = byId.get(id);
    expect(rule?.severity).toBe(section === 5 ? 'recommended' : 'required');
    expect(rule?.source.file).toBe(file);
  });

  it.each(defaultPlaybook.rules.map((r) => ({ id: r.id, file: r.source.file, quote: r.source.quote })))(
    '$id quotes $file verbatim',
    ({ file, quote }) => {
      const seed = readFileSync(new URL(`seeds/${file}`, shared), 'utf8');
      expect(quote.trim().length).toBeGreaterThan(10);
      expect(collapse(seed)).toContain(collapse(quote));
    },
  );

  it('every rule has a title and a why for new hires', () => {
    for (const rule of defaultPlaybook.rules) {
      expect(rule.title.trim(), rule.id).not.toBe('');
      expect(rule.why.trim().length, rule.id).toBeGreaterThan(20);
    }
  });
});
