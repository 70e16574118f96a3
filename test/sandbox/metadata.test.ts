import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { get, startMini } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startMini();
});
afterAll(() => sb.close());

describe('metadata routes', () => {
  it('pipelines: stages with string metadata, by type name or id, one pipeline, its stages', async () => {
    const r = await get(sb, '/crm/v3/pipelines/deals');
    expect(r.body.results.map((p: { id: string }) => p.id)).toEqual(['11', '12']);
    expect(r.body.results[0].stages[1]).toMatchObject({ id: '1102', label: 'Won', displayOrder: 1, metadata: { isClosed: 'true', probability: '1.0' } });
    expect((await get(sb, '/crm/v3/pipelines/0-3')).body).toEqual(r.body);
    expect((await get(sb, '/crm/v3/pipelines/deals/12')).body.label).toBe('Renewal');
    expect((await get(sb, '/crm/v3/pipelines/deals/11/stages')).body.results).toHaveLength(2);
    expect((await get(sb, '/crm/v3/pipelines/deals/99')).status).toBe(404);
    expect((await get(sb, '/crm/v3/pipelines/contacts')).body.results).toEqual([]);
  });

  it('properties: HubSpot shape with options, calculated flags; one property; 404 for unknown', async () => {
    const r = await get(sb, '/crm/v3/properties/deals');
    const products = r.body.results.find((p: { name: string }) => p.name === 'products');
    expect(products).toMatchObject({ type: 'enumeration', fieldType: 'checkbox', groupName: 'dealinformation', options: [{ value: 'rcm', label: 'RCM', hidden: false, displayOrder: 0 }, { value: 'coding' }, { value: 'it' }] });
    expect(r.body.results.find((p: { name: string }) => p.name === 'hs_deal_score')).toMatchObject({ calculated: true, modificationMetadata: { readOnlyValue: true } });
    expect((await get(sb, '/crm/v3/properties/deals/amount')).body).toMatchObject({ name: 'amount', type: 'number' });
    expect((await get(sb, '/crm/v3/properties/deals/nope')).status).toBe(404);
    expect((await get(sb, '/crm/v3/properties/client_hub')).body.results.map((p: { name: string }) => p.name)).toEqual(['hub_name', 'contact_ratio']);
  });

  it('owners: with and without trailing slash, email filter, paging', async () => {
    const a = await get(sb, '/crm/v3/owners?limit=2');
    const b = await get(sb, '/crm/v3/owners/?limit=2');
    expect(a.body.results.map((o: { id: string }) => o.id)).toEqual(['501', '502']);
    expect(b.body.results).toEqual(a.body.results);
    expect(a.body.results[0]).toMatchObject({ id: '501', email: 'ana@mini.example', firstName: 'Ana', lastName: 'Lima', userId: 9001, teams: [], archived: false });
    const next = await get(sb, `/crm/v3/owners?limit=2&after=${a.body.paging.next.after}`);
    expect(next.body.results.map((o: { id: string }) => o.id)).toEqual(['503']);
    expect(next.body.paging).toBeUndefined();
    const byEmail = await get(sb, '/crm/v3/owners/?email=BO@mini.example');
    expect(byEmail.body.results.map((o: { id: string }) => o.id)).toEqual(['502']);
    expect((await get(sb, '/crm/v3/owners/503')).body.lastName).toBe('Cole');
  });

  it('call dispositions: a JSON array', async () => {
    const r = await get(sb, '/calling/v1/dispositions');
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.body).toEqual([{ id: 'f240bbac-87c9-4f6e-bf70-924b57d47db7', label: 'Connected' }, { id: '73a0d17f-1163-4015-bdd5-ec830791da20', label: 'No answer' }]);
  });

  it('account details', async () => {
    const r = await get(sb, '/account-info/v3/details');
    expect(r.body).toMatchObject({ portalId: 123456, timeZone: 'Europe/Berlin', companyCurrency: 'EUR', dataHostingLocation: 'eu1', uiDomain: 'app-eu1.hubspot.com' });
    expect(r.body.utcOffset).toMatch(/^\+0[12]:00$/);
  });

  it('file metadata, 404 JSON for an unknown file', async () => {
    const r = await get(sb, '/files/v3/files/7001');
    expect(r.body).toMatchObject({ id: '7001', name: 'proposal', extension: 'pdf', type: 'DOCUMENT', size: 1234, url: 'https://files.example/proposal.pdf', createdAt: '2024-01-10T10:00:00.000Z' });
    const missing = await get(sb, '/files/v3/files/1');
    expect(missing.status).toBe(404);
    expect(missing.body.category).toBe('OBJECT_NOT_FOUND');
  });

  it('schemas: custom objects with objectTypeId, name, labels, properties', async () => {
    const r = await get(sb, '/crm/v3/schemas');
    expect(r.body.results).toHaveLength(1);
    expect(r.body.results[0]).toMatchObject({ objectTypeId: '2-777', name: 'client_hub', fullyQualifiedName: 'p123456_client_hub', labels: { singular: 'Client Hub', plural: 'Client Hubs' }, primaryDisplayProperty: 'hub_name' });
    expect(r.body.results[0].properties.map((p: { name: string }) => p.name)).toEqual(['hub_name', 'contact_ratio']);
  });
});
