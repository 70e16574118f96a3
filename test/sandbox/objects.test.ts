import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, control, get, patch, post, startMini } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startMini();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await control(sb, 'POST', 'reset');
});

describe('read one', () => {
  it('returns only requested properties as strings, null when unset, plus the system ones', async () => {
    const r = await get(sb, '/crm/v3/objects/deals/1001?properties=dealname,amount,go_live,not_a_property');
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.body.id).toBe('1001');
    expect(r.body.properties).toEqual({
      dealname: 'Alpha', amount: '100', go_live: null,
      hs_object_id: '1001', createdate: '2024-01-10T10:00:00.000Z', hs_lastmodifieddate: '2024-01-10T10:00:00.000Z',
    });
    expect(r.body).toMatchObject({ createdAt: '2024-01-10T10:00:00.000Z', updatedAt: '2024-01-10T10:00:00.000Z', archived: false });
    expect(r.body.associations).toBeUndefined();
  });

  it('answers the type default properties when none are named', async () => {
    const deal = await get(sb, '/crm/v3/objects/deals/1001');
    expect(Object.keys(deal.body.properties).sort()).toEqual(['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline']);
    const contact = await get(sb, '/crm/v3/objects/contacts/2001');
    expect(Object.keys(contact.body.properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
  });

  it('accepts repeated and comma-separated array params alike', async () => {
    const a = await get(sb, '/crm/v3/objects/deals/1001?properties=dealname&properties=amount&associations=contacts&associations=companies');
    const b = await get(sb, '/crm/v3/objects/deals/1001?properties=dealname,amount&associations=contacts,companies');
    expect(a.body.properties).toEqual(b.body.properties);
    expect(a.body.associations).toEqual(b.body.associations);
  });

  it('answers propertiesWithHistory newest first', async () => {
    const r = await get(sb, '/crm/v3/objects/deals/1001?properties=dealstage&propertiesWithHistory=dealstage,amount');
    expect(r.body.propertiesWithHistory.dealstage.map((h: { value: string }) => h.value)).toEqual(['1101', '1102']);
    expect(r.body.propertiesWithHistory.amount).toEqual([{ value: '100', timestamp: '2024-01-10T10:00:00.000Z', sourceType: 'CRM_UI' }]);
    await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealstage: '1102' } });
    const after = await get(sb, '/crm/v3/objects/deals/1001?propertiesWithHistory=dealstage');
    expect(after.body.propertiesWithHistory.dealstage[0]).toMatchObject({ value: '1102', sourceType: 'INTEGRATION' });
    expect(after.body.propertiesWithHistory.dealstage).toHaveLength(3);
  });

  it('lists v3 associations with HubSpot type names (primary vs unlabeled, labels, inverse side)', async () => {
    const r = await get(sb, '/crm/v3/objects/deals/1001?associations=contacts,companies,tickets');
    expect(r.body.associations.contacts.results).toEqual([
      { id: '2001', type: 'deal_to_contact' },
      { id: '2001', type: 'champion' },
      { id: '2002', type: 'deal_to_contact' },
      { id: '2003', type: 'deal_to_contact' },
      { id: '2003', type: 'decision_maker' },
    ]);
    expect(r.body.associations.companies.results).toEqual([
      { id: '3001', type: 'deal_to_company' },
      { id: '3001', type: 'deal_to_company_unlabeled' },
    ]);
    // Kinds with nothing associated are left out, as HubSpot does.
    expect(r.body.associations.tickets).toBeUndefined();
    const company = await get(sb, '/crm/v3/objects/companies/3002?associations=companies');
    expect(company.body.associations.companies.results).toEqual([{ id: '3001', type: 'child_to_parent_company' }]);
    const contact = await get(sb, '/crm/v3/objects/contacts/2001?associations=deals,client_hub');
    // Deal 1005 is archived: its association is hidden.
    expect(contact.body.associations.deals.results).toEqual([{ id: '1001', type: 'contact_to_deal' }, { id: '1001', type: 'champion' }]);
    expect(contact.body.associations.p123456_client_hub.results).toEqual([{ id: '6001', type: 'contact_to_client_hub' }]);
  });

  it('answers 404 OBJECT_NOT_FOUND for unknown and archived records, and finds archived ones with archived=true', async () => {
    const r = await get(sb, '/crm/v3/objects/deals/999999');
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect(typeof r.body.correlationId).toBe('string');
    expect((await get(sb, '/crm/v3/objects/deals/1005')).status).toBe(404);
    const archived = await get(sb, '/crm/v3/objects/deals/1005?archived=true');
    expect(archived.status).toBe(200);
    expect(archived.body.archived).toBe(true);
  });

  it('answers 400 for an unknown object type', async () => {
    const r = await get(sb, '/crm/v3/objects/widgets/1');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ category: 'VALIDATION_ERROR', message: 'Unable to infer object type from: widgets' });
  });

  it('reads custom objects by objectTypeId, name, p_name and fully qualified name', async () => {
    for (const t of ['2-777', 'client_hub', 'p_client_hub', 'p123456_client_hub']) {
      const r = await get(sb, `/crm/v3/objects/${t}/6001?properties=hub_name`);
      expect(r.status, t).toBe(200);
      expect(r.body.properties.hub_name).toBe('Hub A');
    }
  });

  it('reads by idProperty', async () => {
    const r = await get(sb, '/crm/v3/objects/contacts/JANE@acme.com?idProperty=email&properties=firstname');
    expect(r.body).toMatchObject({ id: '2001', properties: { firstname: 'Jane' } });
  });
});

describe('list', () => {
  it('pages by after with paging.next until the last page, which has none', async () => {
    const first = await get(sb, '/crm/v3/objects/deals?limit=2&properties=dealname');
    expect(first.body.results.map((r: { id: string }) => r.id)).toEqual(['1001', '1002']);
    expect(first.body.paging.next.after).toBe('1003');
    expect(first.body.paging.next.link).toContain('after=1003');
    const second = await get(sb, `/crm/v3/objects/deals?limit=2&after=${first.body.paging.next.after}`);
    expect(second.body.results.map((r: { id: string }) => r.id)).toEqual(['1003', '1004']);
    expect(second.body.paging).toBeUndefined();
  });

  it('rejects a limit over 100', async () => {
    const r = await get(sb, '/crm/v3/objects/deals?limit=101');
    expect(r.status).toBe(400);
    expect(r.body.category).toBe('VALIDATION_ERROR');
  });
});

describe('create', () => {
  it('answers 201 with the object and creates associations from the create body', async () => {
    const r = await post(sb, '/crm/v3/objects/calls', {
      properties: { hs_timestamp: '2024-05-01T10:00:00Z', hs_call_body: 'Discovery', hs_call_direction: 'OUTBOUND' },
      associations: [{ to: { id: '2001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }, { to: { id: '1002' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 206 }] }],
    });
    expect(r.status).toBe(201);
    expect(r.body.properties).toMatchObject({ hs_call_body: 'Discovery', hs_object_id: r.body.id });
    expect(Number(r.body.id)).toBeGreaterThan(6001);
    const fromDeal = await get(sb, '/crm/v4/objects/deals/1002/associations/calls');
    expect(fromDeal.body.results).toEqual([{ toObjectId: Number(r.body.id), associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 205, label: null }] }]);
  });

  it('requires hs_timestamp on calls and notes', async () => {
    for (const type of ['calls', 'notes']) {
      const r = await post(sb, `/crm/v3/objects/${type}`, { properties: {} });
      expect(r.status).toBe(400);
      expect(r.body.category).toBe('VALIDATION_ERROR');
      expect(r.body.message).toMatch(/Some required properties were not set/);
      expect(r.body.context.properties).toEqual(['hs_timestamp']);
    }
  });

  it('rejects associations to missing records and invalid type ids', async () => {
    const missing = await post(sb, '/crm/v3/objects/notes', { properties: { hs_timestamp: '1714557600000' }, associations: [{ to: { id: '9999' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 202 }] }] });
    expect(missing.status).toBe(400);
    const badType = await post(sb, '/crm/v3/objects/notes', { properties: { hs_timestamp: '1714557600000' }, associations: [{ to: { id: '2001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }] }] });
    expect(badType.status).toBe(400);
    expect(sb.state.listObjects('0-46')).toHaveLength(0);
  });
});

describe('update and validation', () => {
  it('PATCH updates values, stringifies numbers, clears with empty string, bumps updatedAt', async () => {
    const r = await patch(sb, '/crm/v3/objects/deals/1001', { properties: { amount: 2500, notes_text: 'ok', status: '' } });
    expect(r.status).toBe(200);
    expect(r.body.properties).toMatchObject({ amount: '2500', notes_text: 'ok', status: null });
    expect(r.body.updatedAt > '2024-01-10T10:00:00.000Z').toBe(true);
    const read = await get(sb, '/crm/v3/objects/deals/1001?properties=amount,status');
    expect(read.body.properties).toMatchObject({ amount: '2500', status: null });
  });

  it('answers 404 when patching an unknown record', async () => {
    const r = await patch(sb, '/crm/v3/objects/deals/424242', { properties: { dealname: 'x' } });
    expect(r.status).toBe(404);
    expect(r.body.category).toBe('OBJECT_NOT_FOUND');
  });

  it.each([
    [{ foo: 'x' }, 'PROPERTY_DOESNT_EXIST', 'Property \\"foo\\" does not exist'],
    [{ status: 'maybe' }, 'INVALID_OPTION', 'maybe was not one of the allowed options'],
    [{ products: 'rcm;nope' }, 'INVALID_OPTION', 'nope was not one of the allowed options'],
    [{ amount: '12k' }, 'INVALID_DECIMAL', '12k is not a valid number'],
    [{ go_live: '2024-06-01T10:00:00Z' }, 'INVALID_DATE', 'not midnight'],
    [{ closedate: 'yesterday' }, 'INVALID_DATETIME', 'not a valid datetime'],
    [{ is_vip: 'yes' }, 'INVALID_BOOLEAN', 'not a valid boolean'],
    [{ hubspot_owner_id: '999' }, 'INVALID_OPTION', '999 was not one of the allowed options'],
    [{ hs_deal_score: '5' }, 'READ_ONLY_VALUE', 'read only'],
    [{ hs_object_id: '5' }, 'READ_ONLY_VALUE', 'read only'],
    [{ dealstage: '1201' }, 'INVALID_OPTION', 'not a valid stage of pipeline 11'],
    [{ status: ' yes' }, 'INVALID_WHITESPACE', 'whitespace'],
  ])('rejects %j with 400 %s and changes nothing', async (properties, code, text) => {
    const r = await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Changed', ...properties } });
    expect(r.status).toBe(400);
    expect(r.body.category).toBe('VALIDATION_ERROR');
    expect(r.body.message).toMatch(/^Property values were not valid: \[/);
    expect(r.body.message).toContain(`"error":"${code}"`);
    expect(r.body.message).toContain(text);
    expect(r.body.errors[0].code).toBe(code);
    expect(sb.state.getObject('0-3', '1001')?.properties.dealname).toBe('Alpha');
  });

  it('accepts valid values of every type, multi-select in any order, stage of the new pipeline', async () => {
    const r = await patch(sb, '/crm/v3/objects/deals/1001', {
      properties: { products: 'it;rcm', go_live: '2024-07-01', closedate: '1714557600000', is_vip: true, hubspot_owner_id: '502', pipeline: '12', dealstage: '1201' },
    });
    expect(r.status).toBe(200);
    expect(r.body.properties).toMatchObject({ products: 'it;rcm', is_vip: 'true', dealstage: '1201' });
    // Dates read back as HubSpot stores them: YYYY-MM-DD and ISO instants.
    expect(r.body.properties).toMatchObject({ go_live: '2024-07-01', closedate: '2024-05-01T10:00:00.000Z' });
    const epochDate = await patch(sb, '/crm/v3/objects/deals/1001', { properties: { go_live: String(Date.parse('2024-08-01T00:00:00Z')) } });
    expect(epochDate.body.properties.go_live).toBe('2024-08-01');
  });

  it('rejects a body that is not JSON', async () => {
    const r = await call(sb, 'PATCH', '/crm/v3/objects/deals/1001', '{"properties":');
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^Invalid input JSON/);
  });
});

describe('archive', () => {
  it('DELETE answers 204 without a body or content type and archives the record', async () => {
    const r = await call(sb, 'DELETE', '/crm/v3/objects/deals/1002');
    expect(r.status).toBe(204);
    expect(r.text).toBe('');
    expect(r.headers.get('content-type')).toBeNull();
    expect((await get(sb, '/crm/v3/objects/deals/1002')).status).toBe(404);
  });
});

describe('batch', () => {
  it('batch read answers 200 when all exist', async () => {
    const r = await post(sb, '/crm/v3/objects/deals/batch/read', { inputs: [{ id: '1001' }, { id: '1002' }], properties: ['dealname'], propertiesWithHistory: ['dealstage'] });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('COMPLETE');
    expect(r.body.results.map((o: { id: string }) => o.id)).toEqual(['1001', '1002']);
    expect(r.body.results[0].propertiesWithHistory.dealstage).toHaveLength(2);
    expect(r.body.errors).toBeUndefined();
  });

  it('batch read answers 207 with OBJECT_NOT_FOUND listing the missing ids', async () => {
    const r = await post(sb, '/crm/v3/objects/deals/batch/read', { inputs: [{ id: '1001' }, { id: '8888' }, { id: '1005' }], properties: ['dealname'] });
    expect(r.status).toBe(207);
    expect(r.body.numErrors).toBe(1);
    expect(r.body.errors[0]).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', context: { ids: ['8888', '1005'] } });
    expect(r.body.results).toHaveLength(1);
  });

  it('batch read with propertiesWithHistory rejects more than 50 inputs, as HubSpot does; 50 are fine', async () => {
    const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(1001 + i) }));
    const over = await post(sb, '/crm/v3/objects/deals/batch/read', { inputs: inputs(51), properties: ['dealname'], propertiesWithHistory: ['dealstage'] });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR', message: expect.stringContaining('property histories is 50') });
    const fifty = await post(sb, '/crm/v3/objects/deals/batch/read', { inputs: inputs(50), properties: ['dealname'], propertiesWithHistory: ['dealstage'] });
    expect([200, 207]).toContain(fifty.status);
    // Without history the limit stays 100.
    const plain = await post(sb, '/crm/v3/objects/deals/batch/read', { inputs: inputs(51), properties: ['dealname'] });
    expect([200, 207]).toContain(plain.status);
  });

  it('batch read rejects more than 100 inputs', async () => {
    const r = await post(sb, '/crm/v3/objects/deals/batch/read', { inputs: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })) });
    expect(r.status).toBe(400);
  });

  it('batch create (201) and update (200) apply every input; a validation error rejects the whole batch', async () => {
    const created = await post(sb, '/crm/v3/objects/contacts/batch/create', { inputs: [{ properties: { email: 'a@x.io' } }, { properties: { email: 'b@x.io' } }] });
    expect(created.status).toBe(201);
    expect(created.body.results).toHaveLength(2);
    const updated = await post(sb, '/crm/v3/objects/contacts/batch/update', { inputs: created.body.results.map((c: { id: string }) => ({ id: c.id, properties: { jobtitle: 'CTO' } })) });
    expect(updated.status).toBe(200);
    expect(updated.body.results.every((c: { properties: { jobtitle: string } }) => c.properties.jobtitle === 'CTO')).toBe(true);
    const bad = await post(sb, '/crm/v3/objects/contacts/batch/create', { inputs: [{ properties: { email: 'c@x.io' } }, { properties: { nope: '1' } }] });
    expect(bad.status).toBe(400);
    expect(sb.state.listObjects('0-1').map((c) => c.properties.email)).not.toContain('c@x.io');
  });
});
