/**
 * generatePortal: deterministic, the requested size, the reference portal's
 * metadata, referentially sound, and varied enough that a compliance scan
 * finds plenty of both compliant and violating deals.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generatePortal } from '../../sandbox/generate';
import { buildReferencePortalSeed } from '../../sandbox/seed/reference-portal';
import { UNKNOWN_OWNER } from '../../sandbox/seed/ids';
import type { SeedData } from '../../sandbox/seed/types';

const NOW = new Date('2025-06-01T00:00:00Z');
const digest = (s: SeedData) => createHash('sha256').update(JSON.stringify(s)).digest('hex');
const count = (s: SeedData, type: string) => s.objects[type]?.length ?? 0;

describe('generatePortal', () => {
  it('is deterministic: the same options give the same portal, another seed a different one', () => {
    const a = generatePortal({ deals: 500, seed: 42, now: NOW });
    const b = generatePortal({ deals: 500, seed: 42, now: NOW });
    const c = generatePortal({ deals: 500, seed: 43, now: NOW });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('defaults to a stable instant within a day, so two calls agree without `now`', () => {
    const a = generatePortal({ deals: 50, seed: 3 });
    const b = generatePortal({ deals: 50, seed: 3 });
    expect(digest(a)).toBe(digest(b));
  });

  it('has the requested size: deals, contacts per deal, companies', () => {
    const s = generatePortal({ deals: 1000, contactsPerDeal: 3, companies: 120, now: NOW });
    expect(count(s, '0-3')).toBe(1000);
    expect(count(s, '0-1')).toBe(3000);
    expect(count(s, '0-2')).toBe(120);
    const dealContact = s.associations.filter((a) => a.fromType === '0-3' && a.toType === '0-1');
    expect(dealContact).toHaveLength(3000);
    const dealCompany = s.associations.filter((a) => a.fromType === '0-3' && a.toType === '0-2');
    expect(dealCompany).toHaveLength(1000);
  });

  it('builds 50,000 deals with their contacts and companies', () => {
    const s = generatePortal({ deals: 50_000, now: NOW });
    expect(count(s, '0-3')).toBe(50_000);
    expect(count(s, '0-1')).toBe(100_000);
    expect(count(s, '0-2')).toBe(12_500);
    expect(new Set(s.objects['0-3']?.map((d) => d.id)).size).toBe(50_000);
  }, 60_000);

  it('serves the reference portal\'s metadata', () => {
    const s = generatePortal({ deals: 10, now: NOW });
    const ref = buildReferencePortalSeed(NOW);
    expect(s.account).toEqual(ref.account);
    expect(s.pipelines).toEqual(ref.pipelines);
    expect(s.properties).toEqual(ref.properties);
    expect(s.associationLabels).toEqual(ref.associationLabels);
    expect(s.owners).toEqual(ref.owners);
    expect(s.tokens).toEqual(ref.tokens);
  });

  it('is referentially sound: association ends exist, stages in their pipeline, enumeration values among options', () => {
    const s = generatePortal({ deals: 3000, now: NOW });
    const keys = new Set(Object.entries(s.objects).flatMap(([t, list]) => list.map((o) => `${t}/${o.id}`)));
    const labels = new Set(s.associationLabels.map((l) => `${l.fromType}>${l.toType}>${l.typeId}>${l.category}`));
    const problems: string[] = [];
    for (const a of s.associations) {
      if (!keys.has(`${a.fromType}/${a.fromId}`) || !keys.has(`${a.toType}/${a.toId}`)) problems.push(`dangling ${JSON.stringify(a)}`);
      for (const t of a.types) if (!labels.has(`${a.fromType}>${a.toType}>${t.typeId}>${t.category}`)) problems.push(`label ${JSON.stringify(a)}`);
    }
    const stages = new Map((s.pipelines['0-3'] ?? []).map((p) => [p.id, new Set(p.stages.map((st) => st.id))]));
    const bad = new Set<string>();
    for (const [type, list] of Object.entries(s.objects)) {
      const defs = new Map((s.properties[type] ?? []).map((p) => [p.name, p]));
      for (const o of list) {
        if (type === '0-3') {
          if (!stages.get(o.properties.pipeline ?? '')?.has(o.properties.dealstage ?? '')) problems.push(`stage ${o.id}`);
          if (o.history?.dealstage?.[0]?.value !== o.properties.dealstage) problems.push(`history ${o.id}`);
        }
        for (const [name, value] of Object.entries(o.properties)) {
          const def = defs.get(name);
          if (!def) problems.push(`undefined ${type} ${name}`);
          if (def?.type !== 'enumeration' && def?.type !== 'bool') continue;
          const options = new Set(def.options.map((x) => x.value));
          for (const v of def.fieldType === 'checkbox' ? value.split(';') : [value]) if (!options.has(v)) bad.add(`${name}=${v}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
    // The only off-list value is the deliberately unresolvable owner (REC-3 violations).
    expect([...bad]).toEqual([`hubspot_owner_id=${UNKNOWN_OWNER}`]);
  });

  it('varies stages and gate properties so violations are plentiful', () => {
    const s = generatePortal({ deals: 5000, now: NOW });
    const deals = s.objects['0-3'] ?? [];
    const stagesSeen = new Set(deals.map((d) => d.properties.dealstage));
    for (const p of s.pipelines['0-3'] ?? []) for (const st of p.stages) expect(stagesSeen.has(st.id), st.id).toBe(true);
    const governed = deals.filter((d) => d.properties.pipeline !== 'default');
    const missing = governed.filter((d) => !d.properties.enterprise_deal_status).length;
    expect(missing / governed.length).toBeGreaterThan(0.05);
    expect(missing / governed.length).toBeLessThan(0.5);
    const skipped = governed.filter((d) => (d.history?.dealstage?.length ?? 0) > 0 && !/0000[16]$/.test(d.history?.dealstage?.at(-1)?.value ?? ''));
    expect(skipped.length).toBeGreaterThan(0);
    const contacts = s.objects['0-1'] ?? [];
    expect(contacts.filter((c) => !c.properties.lifecyclestage).length).toBeGreaterThan(0);
    expect(contacts.filter((c) => c.properties.hs_email_optout === 'true').length).toBeGreaterThan(0);
    expect((s.objects['0-46'] ?? []).some((n) => n.properties.hs_note_body?.includes('#S&amp;OP'))).toBe(true);
  });
});
