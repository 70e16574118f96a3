import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, control, get, post, startMini } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startMini();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await control(sb, 'POST', 'reset');
});

describe('v4 list for one record', () => {
  it('answers numeric toObjectId with category, typeId and label, ascending by id', async () => {
    const r = await get(sb, '/crm/v4/objects/deals/1001/associations/contacts');
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([
      { toObjectId: 2001, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }, { category: 'USER_DEFINED', typeId: 101, label: 'Champion' }] },
      { toObjectId: 2002, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] },
      { toObjectId: 2003, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }, { category: 'USER_DEFINED', typeId: 103, label: 'Decision Maker' }] },
    ]);
    expect(r.body.paging).toBeUndefined();
  });

  it('answers the same association from the other side with inverse type ids', async () => {
    const r = await get(sb, '/crm/v4/objects/contacts/2003/associations/deals');
    expect(r.body.results).toEqual([{ toObjectId: 1001, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 4, label: null }, { category: 'USER_DEFINED', typeId: 111, label: 'Decision Maker' }] }]);
    const company = await get(sb, '/crm/v4/objects/companies/3001/associations/deals');
    expect(company.body.results).toEqual([
      { toObjectId: 1001, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 6, label: 'Primary' }, { category: 'HUBSPOT_DEFINED', typeId: 342, label: null }] },
      { toObjectId: 1002, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 342, label: null }] },
    ]);
    const child = await get(sb, '/crm/v4/objects/companies/3002/associations/companies');
    expect(child.body.results[0].associationTypes).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 14, label: 'Parent Company' }]);
    const hub = await get(sb, '/crm/v4/objects/contacts/2001/associations/p_client_hub');
    expect(hub.body.results).toEqual([{ toObjectId: 6001, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 71, label: null }] }]);
  });

  it('pages with limit / after', async () => {
    const p1 = await get(sb, '/crm/v4/objects/deals/1001/associations/contacts?limit=2');
    expect(p1.body.results.map((r: { toObjectId: number }) => r.toObjectId)).toEqual([2001, 2002]);
    const p2 = await get(sb, `/crm/v4/objects/deals/1001/associations/contacts?limit=2&after=${p1.body.paging.next.after}`);
    expect(p2.body.results.map((r: { toObjectId: number }) => r.toObjectId)).toEqual([2003]);
    expect(p2.body.paging).toBeUndefined();
  });
});

describe('v4 batch read', () => {
  it('answers 200 when every id has associations', async () => {
    const r = await post(sb, '/crm/v4/associations/deals/companies/batch/read', { inputs: [{ id: '1001' }, { id: '1002' }] });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('COMPLETE');
    expect(r.body.results).toEqual([
      { from: { id: '1001' }, to: [{ toObjectId: 3001, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' }, { category: 'HUBSPOT_DEFINED', typeId: 341, label: null }] }] },
      { from: { id: '1002' }, to: [{ toObjectId: 3001, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 341, label: null }] }] },
    ]);
  });

  it('answers 207 with NO_ASSOCIATIONS_FOUND for ids without associations or records', async () => {
    const r = await post(sb, '/crm/v4/associations/deals/companies/batch/read', { inputs: [{ id: '1001' }, { id: '1004' }, { id: '999' }] });
    expect(r.status).toBe(207);
    expect(r.body.numErrors).toBe(2);
    expect(r.body.errors.map((e: { context: { fromObjectId: string[] } }) => e.context.fromObjectId[0])).toEqual(['1004', '999']);
    expect(r.body.errors[0]).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND', subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND' });
    expect(r.body.results).toHaveLength(1);
  });

  it('accepts 1,000 inputs and rejects 1,001', async () => {
    const ok = await post(sb, '/crm/v4/associations/deals/contacts/batch/read', { inputs: Array.from({ length: 1000 }, (_, i) => ({ id: String(1001 + i) })) });
    expect(ok.status).toBe(207);
    const tooMany = await post(sb, '/crm/v4/associations/deals/contacts/batch/read', { inputs: Array.from({ length: 1001 }, (_, i) => ({ id: String(i) })) });
    expect(tooMany.status).toBe(400);
  });
});

describe('v4 create, default, remove, labels', () => {
  it('PUT creates labelled associations, readable from both sides', async () => {
    const r = await call(sb, 'PUT', '/crm/v4/objects/deals/1004/associations/contacts/2002', [
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 },
      { associationCategory: 'USER_DEFINED', associationTypeId: 103 },
    ]);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ fromObjectTypeId: '0-3', fromObjectId: 1004, toObjectTypeId: '0-1', toObjectId: 2002, labels: ['Decision Maker'] });
    const back = await get(sb, '/crm/v4/objects/contacts/2002/associations/deals');
    expect(back.body.results.find((a: { toObjectId: number }) => a.toObjectId === 1004).associationTypes).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 4, label: null },
      { category: 'USER_DEFINED', typeId: 111, label: 'Decision Maker' },
    ]);
  });

  it('PUT rejects invalid type ids and missing records with 400', async () => {
    const badType = await call(sb, 'PUT', '/crm/v4/objects/deals/1004/associations/contacts/2002', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 279 }]);
    expect(badType.status).toBe(400);
    expect(badType.body.category).toBe('VALIDATION_ERROR');
    const missing = await call(sb, 'PUT', '/crm/v4/objects/deals/1004/associations/contacts/9999', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }]);
    expect(missing.status).toBe(400);
  });

  it('creates the default association, and DELETE removes it from both sides', async () => {
    const r = await call(sb, 'PUT', '/crm/v4/objects/deals/1003/associations/default/companies/3002');
    expect(r.status).toBe(200);
    expect(r.body.results[0].associationSpec).toEqual({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 341 });
    expect(r.body.results[1].associationSpec).toEqual({ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 342 });
    expect((await get(sb, '/crm/v4/objects/companies/3002/associations/deals')).body.results).toHaveLength(1);
    expect((await call(sb, 'DELETE', '/crm/v4/objects/companies/3002/associations/deals/1003')).status).toBe(204);
    expect((await get(sb, '/crm/v4/objects/deals/1003/associations/companies')).body.results).toEqual([]);
  });

  it('batch create (201) and batch archive (204)', async () => {
    const r = await post(sb, '/crm/v4/associations/notes/contacts/batch/create', { inputs: [] });
    expect(r.status).toBe(201);
    const created = await post(sb, '/crm/v4/associations/deals/contacts/batch/create', { inputs: [{ from: { id: '1004' }, to: { id: '2001' }, types: [{ associationCategory: 'USER_DEFINED', associationTypeId: 101 }] }] });
    expect(created.status).toBe(201);
    expect(created.body.results[0].labels).toEqual(['Champion']);
    const archived = await post(sb, '/crm/v4/associations/deals/contacts/batch/archive', { inputs: [{ from: { id: '1004' }, to: [{ id: '2001' }] }] });
    expect(archived.status).toBe(204);
    expect((await get(sb, '/crm/v4/objects/deals/1004/associations/contacts')).body.results).toEqual([]);
  });

  it('lists label definitions for a pair, including inverse-derived ones', async () => {
    const r = await get(sb, '/crm/v4/associations/deals/contacts/labels');
    expect(r.body.results).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 3, label: null },
      { category: 'USER_DEFINED', typeId: 101, label: 'Champion' },
      { category: 'USER_DEFINED', typeId: 103, label: 'Decision Maker' },
    ]);
    const back = await get(sb, '/crm/v4/associations/contacts/deals/labels');
    expect(back.body.results).toEqual([
      { category: 'HUBSPOT_DEFINED', typeId: 4, label: null },
      // No seed definition contact→deal for Champion: same id, same label.
      { category: 'USER_DEFINED', typeId: 101, label: 'Champion' },
      { category: 'USER_DEFINED', typeId: 111, label: 'Decision Maker' },
    ]);
    const companies = await get(sb, '/crm/v4/associations/deals/companies/labels');
    expect(companies.body.results).toEqual([{ category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' }, { category: 'HUBSPOT_DEFINED', typeId: 341, label: null }]);
  });
});
