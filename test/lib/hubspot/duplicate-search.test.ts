import { describe, expect, it } from 'vitest';
import { duplicateSearch } from '../../../lib/hubspot/duplicate-search';

const rec = (objectTypeId: string, properties: Record<string, string | null>) => ({ objectTypeId, id: '7', properties });

describe('duplicateSearch (ACC-9)', () => {
  it('contacts: the same email, never the record itself', () => {
    expect(duplicateSearch(rec('0-1', { email: ' Ana@Example.com ' }), ['firstname'], ['email'])).toEqual({
      filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'Ana@Example.com' }, { propertyName: 'hs_object_id', operator: 'NEQ', value: '7' }] }],
      properties: ['email'],
      limit: 20,
    });
    expect(duplicateSearch(rec('0-1', { email: null }), [], [])).toBeNull();
  });

  it('companies: the domain with and without www., and the name\'s words without suffixes', () => {
    const search = duplicateSearch(rec('0-2', { domain: 'https://WWW.Acme.com/', name: 'ACME, LLC' }), ['name'], ['name', 'domain'])!;
    const groups = search.filterGroups!.map((g) => g.filters.filter((f) => f.propertyName !== 'hs_object_id'));
    expect(groups).toEqual([
      [{ propertyName: 'domain', operator: 'EQ', value: 'acme.com' }],
      [{ propertyName: 'domain', operator: 'EQ', value: 'www.acme.com' }],
      [{ propertyName: 'name', operator: 'CONTAINS_TOKEN', value: 'acme' }],
    ]);
  });

  it('stays within HubSpot\'s filter limits for long names', () => {
    const search = duplicateSearch(rec('0-2', { name: 'The Very Long Regional Medical Billing Group of North America Inc' }), ['name'], [])!;
    expect(search.filterGroups![0]!.filters.length).toBeLessThanOrEqual(6);
  });

  it('other objects: their display name', () => {
    const search = duplicateSearch(rec('2-9000102', { product_name: 'RCM Platform – Cedar Valley' }), ['product_name'], [])!;
    expect(search.filterGroups![0]!.filters.map((f) => f.value)).toEqual(['rcm', 'platform', 'cedar', 'valley', '7']);
  });
});
