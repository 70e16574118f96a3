/**
 * sandbox/README.md's record → rule table is the expectations data rendered,
 * not a hand-kept copy: a stale README fails here. Regenerate with
 * `npx tsx sandbox/seed/readme-table.ts`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectations } from '../../sandbox/seed/expectations';
import { BEGIN, END, catalogRuleIds, renderSection } from '../../sandbox/seed/readme-table';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('sandbox/README.md', root), 'utf8');
const catalog = readFileSync(new URL('../shared/SOP-RULES.md', root), 'utf8');
const ruleIds = catalogRuleIds(catalog);

describe('sandbox/README.md record → rule table', () => {
  it('is the rendering of sandbox/seed/expectations.ts', () => {
    const section = readme.slice(readme.indexOf(BEGIN), readme.indexOf(END) + END.length);
    expect(section).toBe(renderSection(expectations, ruleIds));
  });

  it('names every one of the 68 rule IDs in the record table', () => {
    expect(ruleIds).toHaveLength(68);
    const table = readme.slice(readme.indexOf('### Record → rules'), readme.indexOf('### Rule → records'));
    const missing = ruleIds.filter((id) => !new RegExp(`[ ,]${id.replace(/-/g, '\\-')}[,;| ]`).test(table));
    expect(missing).toEqual([]);
  });

  it('escapes markup in record names (the seed holds <script> and <b> names on purpose)', () => {
    expect(readme).not.toContain('<script>');
    expect(readme).toContain('&lt;b&gt;Bold &amp; Co&lt;/b&gt;');
  });
});
