import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import type { SeedData } from '../../sandbox/seed/types';
import { control, post, startMini } from './helpers';
import { miniSeed } from './fixtures/mini-seed';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startMini();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await control(sb, 'POST', 'reset');
});

type F = { propertyName: string; operator: string; value?: unknown; values?: unknown[]; highValue?: unknown };
async function ids(filters: F[], type = 'deals', extra: Record<string, unknown> = {}): Promise<string[]> {
  const r = await post(sb, `/crm/v3/objects/${type}/search`, { filterGroups: [{ filters }], limit: 100, ...extra });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.results.map((o: { id: string }) => o.id);
}

describe('operators', () => {
  it.each<[string, F[], string[]]>([
    ['EQ on a string ignores case', [{ propertyName: 'dealname', operator: 'EQ', value: 'ALPHA' }], ['1001']],
    ['NEQ includes records without the property', [{ propertyName: 'status', operator: 'NEQ', value: 'yes' }], ['1002', '1003', '1004']],
    ['LT compares numbers numerically', [{ propertyName: 'amount', operator: 'LT', value: '100' }], ['1003']],
    ['LTE', [{ propertyName: 'amount', operator: 'LTE', value: 100 }], ['1001', '1003']],
    ['GT', [{ propertyName: 'amount', operator: 'GT', value: '99.9' }], ['1001', '1002']],
    ['GTE', [{ propertyName: 'amount', operator: 'GTE', value: '250.5' }], ['1002']],
    ['BETWEEN is inclusive', [{ propertyName: 'amount', operator: 'BETWEEN', value: '75', highValue: '100' }], ['1001', '1003']],
    ['IN', [{ propertyName: 'dealstage', operator: 'IN', values: ['1102', '1201'] }], ['1002', '1003', '1004']],
    ['NOT_IN includes records without the property', [{ propertyName: 'status', operator: 'NOT_IN', values: ['no'] }], ['1001', '1002', '1004']],
    ['HAS_PROPERTY', [{ propertyName: 'amount', operator: 'HAS_PROPERTY' }], ['1001', '1002', '1003']],
    ['NOT_HAS_PROPERTY', [{ propertyName: 'amount', operator: 'NOT_HAS_PROPERTY' }], ['1004']],
    ['CONTAINS_TOKEN matches a word', [{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'deal' }], ['1002']],
    ['CONTAINS_TOKEN supports * wildcards', [{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'be*' }], ['1002']],
    ['NOT_CONTAINS_TOKEN', [{ propertyName: 'dealname', operator: 'NOT_CONTAINS_TOKEN', value: 'deal' }], ['1001', '1003', '1004']],
    ['EQ on a multi-select matches one of its values', [{ propertyName: 'products', operator: 'EQ', value: 'coding' }], ['1001']],
    ['datetime GTE with epoch ms', [{ propertyName: 'closedate', operator: 'GTE', value: String(Date.parse('2024-04-01T00:00:00Z')) }], ['1002']],
    ['datetime LT with an ISO value', [{ propertyName: 'closedate', operator: 'LT', value: '2024-04-01T00:00:00Z' }], ['1001']],
    ['date EQ with YYYY-MM-DD', [{ propertyName: 'go_live', operator: 'EQ', value: '2024-06-01' }], ['1002']],
    ['hs_object_id GT is numeric', [{ propertyName: 'hs_object_id', operator: 'GT', value: '1002' }], ['1003', '1004']],
    ['filters in a group AND', [{ propertyName: 'pipeline', operator: 'EQ', value: '11' }, { propertyName: 'amount', operator: 'GT', value: '200' }], ['1002']],
    ['association pseudo-property EQ', [{ propertyName: 'associations.contact', operator: 'EQ', value: '2003' }], ['1001']],
    ['association pseudo-property by plural name, IN', [{ propertyName: 'associations.companies', operator: 'IN', values: ['3001'] }], ['1001', '1002']],
  ])('%s', async (_name, filters, expected) => {
    expect(await ids(filters)).toEqual(expected);
  });

  it('ORs filter groups and never returns archived records', async () => {
    const r = await post(sb, '/crm/v3/objects/deals/search', {
      filterGroups: [{ filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'alpha' }] }, { filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'Delta' }] }, { filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'Archived one' }] }],
    });
    expect(r.body.total).toBe(2);
    expect(r.body.results.map((o: { id: string }) => o.id)).toEqual(['1001', '1004']);
  });

  it('free-text query matches default searchable properties', async () => {
    const r = await post(sb, '/crm/v3/objects/contacts/search', { query: 'acme.com' });
    expect(r.body.results.map((o: { id: string }) => o.id)).toEqual(['2001', '2002']);
  });
});

describe('shape, sorting and paging', () => {
  it('returns requested properties only (plus system ones), total, and no paging on the last page', async () => {
    const r = await post(sb, '/crm/v3/objects/deals/search', { properties: ['dealname'], limit: 10 });
    expect(r.body.total).toBe(4);
    expect(r.body.paging).toBeUndefined();
    expect(Object.keys(r.body.results[0].properties).sort()).toEqual(['createdate', 'dealname', 'hs_lastmodifieddate', 'hs_object_id']);
    expect(r.headers.get('x-hubspot-ratelimit-max')).toBeNull();
  });

  it('sorts ascending and descending, numerically for numbers, missing values last', async () => {
    const asc = await post(sb, '/crm/v3/objects/deals/search', { sorts: [{ propertyName: 'amount', direction: 'ASCENDING' }] });
    expect(asc.body.results.map((o: { id: string }) => o.id)).toEqual(['1003', '1001', '1002', '1004']);
    const desc = await post(sb, '/crm/v3/objects/deals/search', { sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }] });
    expect(desc.body.results.map((o: { id: string }) => o.id)).toEqual(['1002', '1001', '1003', '1004']);
    const byName = await post(sb, '/crm/v3/objects/deals/search', { sorts: [{ propertyName: 'dealname', direction: 'ASCENDING' }] });
    expect(byName.body.results.map((o: { id: string }) => o.id)).toEqual(['1001', '1002', '1004', '1003']);
  });

  it('pages with after until the last page', async () => {
    const p1 = await post(sb, '/crm/v3/objects/deals/search', { limit: 3, sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
    expect(p1.body.paging.next.after).toBe('3');
    const p2 = await post(sb, '/crm/v3/objects/deals/search', { limit: 3, after: p1.body.paging.next.after, sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
    expect(p2.body.results.map((o: { id: string }) => o.id)).toEqual(['1004']);
    expect(p2.body.paging).toBeUndefined();
    expect(p2.body.total).toBe(4);
  });
});

describe('limits (400 VALIDATION_ERROR)', () => {
  const f = { propertyName: 'amount', operator: 'HAS_PROPERTY' };
  it.each<[string, Record<string, unknown>]>([
    ['6 filter groups', { filterGroups: Array.from({ length: 6 }, () => ({ filters: [f] })) }],
    ['7 filters in a group', { filterGroups: [{ filters: Array.from({ length: 7 }, () => f) }] }],
    ['19 filters in all', { filterGroups: [...Array.from({ length: 3 }, () => ({ filters: Array.from({ length: 6 }, () => f) })), { filters: [f] }] }],
    ['limit 201', { limit: 201 }],
    ['an unknown operator', { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'ABOUT', value: '1' }] }] }],
    ['EQ without a value', { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'EQ' }] }] }],
    ['BETWEEN without highValue', { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'BETWEEN', value: '1' }] }] }],
    ['IN without values', { filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'IN' }] }] }],
    ['an unknown property', { filterGroups: [{ filters: [{ propertyName: 'nope', operator: 'EQ', value: '1' }] }] }],
    ['after past 10,000', { after: '10000' }],
  ])('rejects %s', async (_name, body) => {
    const r = await post(sb, '/crm/v3/objects/deals/search', body);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('accepts the maximum: 5 groups, 6 filters a group, 18 in all, limit 200', async () => {
    const groups = [6, 6, 6].map((n) => ({ filters: Array.from({ length: n }, () => f) }));
    const r = await post(sb, '/crm/v3/objects/deals/search', { filterGroups: groups, limit: 200 });
    expect(r.status).toBe(200);
    const five = await post(sb, '/crm/v3/objects/deals/search', { filterGroups: Array.from({ length: 5 }, () => ({ filters: [f] })) });
    expect(five.status).toBe(200);
  });
});

describe('search lag (fault)', () => {
  it('hides writes from search until searchLagMs has passed', async () => {
    await control(sb, 'POST', 'faults', { searchLagMs: 1000 });
    try {
      await post(sb, '/crm/v3/objects/deals', { properties: { dealname: 'Lagging', pipeline: '11', dealstage: '1101' } });
      const q = { filterGroups: [{ filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'Lagging' }] }] };
      expect((await post(sb, '/crm/v3/objects/deals/search', q)).body.total).toBe(0);
      // Seeded records stay visible; an update shows the old value until indexed.
      await post(sb, '/crm/v3/objects/deals/batch/update', { inputs: [{ id: '1003', properties: { dealname: 'Renamed' } }] });
      expect((await post(sb, '/crm/v3/objects/deals/search', { filterGroups: [{ filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'gamma' }] }] })).body.total).toBe(1);
      await new Promise((r) => setTimeout(r, 1100));
      expect((await post(sb, '/crm/v3/objects/deals/search', q)).body.total).toBe(1);
      expect((await post(sb, '/crm/v3/objects/deals/search', { filterGroups: [{ filters: [{ propertyName: 'dealname', operator: 'EQ', value: 'Renamed' }] }] })).body.total).toBe(1);
    } finally {
      await control(sb, 'DELETE', 'faults');
    }
  });
});

describe('the 10,000-result cap', () => {
  let big: Sandbox;
  beforeAll(async () => {
    const seed: SeedData = miniSeed();
    delete seed.objects.contacts;
    seed.objects['0-1'] = Array.from({ length: 10_100 }, (_, i) => ({
      id: String(100_000 + i),
      properties: { email: `c${i}@bulk.example` },
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    }));
    seed.associations = [];
    big = await startMini({ seed, rateLimit: { searchPerSecond: 1000 } });
  });
  afterAll(() => big.close());

  it('serves results up to the 10,000th, then answers 400; partitioning by hs_object_id reaches the rest', async () => {
    const page = (body: unknown) => post(big, '/crm/v3/objects/contacts/search', body);
    const last = await page({ limit: 200, after: '9800', sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
    expect(last.status).toBe(200);
    expect(last.body.total).toBe(10_100);
    expect(last.body.results).toHaveLength(200);
    expect(last.body.paging.next.after).toBe('10000');
    const past = await page({ limit: 200, after: last.body.paging.next.after });
    expect(past.status).toBe(400);
    expect(past.body.category).toBe('VALIDATION_ERROR');
    const lastId = last.body.results[199].id;
    const rest = await page({ limit: 200, filterGroups: [{ filters: [{ propertyName: 'hs_object_id', operator: 'GT', value: lastId }] }], sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }] });
    expect(rest.body.total).toBe(100);
    expect(rest.body.paging).toBeUndefined();
  });
});
