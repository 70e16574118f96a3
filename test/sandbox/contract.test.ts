/**
 * Every route's responses, success and error, validated against the JSON
 * schemas written from shared/HUBSPOT-API.md (sandbox/contract/schemas.ts).
 * The last test fails if a route was never validated with a success answer.
 */
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { ROUTES } from '../../sandbox/server';
import { Router } from '../../sandbox/router';
import * as S from '../../sandbox/contract/schemas';
import { call, control, startMini, type Reply } from './helpers';

const ajv = new Ajv({ allErrors: true, strict: false });
const router = new Router(ROUTES);
const covered = new Set<string>();

let sb: Sandbox;
beforeAll(async () => {
  sb = await startMini({ rateLimit: { tenSecond: 10_000, searchPerSecond: 10_000 } });
});
afterAll(() => sb.close());

async function expectContract(method: string, path: string, status: number, schema: Record<string, unknown> | null, body?: unknown, token?: string | null): Promise<Reply> {
  const r = await call(sb, method, path, body, token === undefined ? 'mini-full' : token);
  expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBe(status);
  if (status === 204) {
    expect(r.text).toBe('');
  } else {
    expect(r.contentType, `${method} ${path}`).toMatch(/^application\/json/);
    if (schema) {
      const validate = ajv.compile(schema);
      expect(validate(r.body), `${method} ${path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  }
  const m = router.match(method, new URL(path, 'http://x').pathname);
  if (m && 'route' in m && status < 300) covered.add(`${m.route.method} ${m.route.pattern}`);
  return r;
}

describe('success responses match HubSpot shapes', () => {
  it('objects: read one, list, create, update, archive', async () => {
    await expectContract('GET', '/crm/v3/objects/deals/1001?properties=dealname,go_live&propertiesWithHistory=dealstage&associations=contacts,companies', 200, S.crmObject);
    await expectContract('GET', '/crm/v3/objects/deals?limit=2&properties=dealname', 200, S.objectList);
    await expectContract('GET', '/crm/v3/objects/2-777?limit=100', 200, S.objectList);
    const created = await expectContract('POST', '/crm/v3/objects/notes', 201, S.crmObject, { properties: { hs_timestamp: '2024-05-01T10:00:00Z', hs_note_body: '<p>#S&amp;OP</p>' }, associations: [{ to: { id: '1001' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 214 }] }] });
    await expectContract('PATCH', `/crm/v3/objects/notes/${created.body.id}`, 200, S.crmObject, { properties: { hs_note_body: 'edited' } });
    await expectContract('DELETE', `/crm/v3/objects/notes/${created.body.id}`, 204, null);
    await expectContract('GET', `/crm/v3/objects/notes/${created.body.id}?archived=true`, 200, S.crmObject);
    await expectContract('GET', '/crm/v3/objects/deals/1001/associations/contacts', 200, { type: 'object', required: ['results'] });
  });

  it('batch: read 200 / 207, create, update, archive', async () => {
    await expectContract('POST', '/crm/v3/objects/deals/batch/read', 200, S.batchObjects, { inputs: [{ id: '1001' }], properties: ['dealname'] });
    await expectContract('POST', '/crm/v3/objects/deals/batch/read', 207, S.batchObjectsPartial, { inputs: [{ id: '1001' }, { id: '77' }], properties: ['dealname'] });
    const created = await expectContract('POST', '/crm/v3/objects/contacts/batch/create', 201, S.batchObjects, { inputs: [{ properties: { email: 'k@x.io' } }] });
    await expectContract('POST', '/crm/v3/objects/contacts/batch/update', 200, S.batchObjects, { inputs: [{ id: created.body.results[0].id, properties: { jobtitle: 'CEO' } }] });
    await expectContract('POST', '/crm/v3/objects/contacts/batch/update', 207, S.batchObjectsPartial, { inputs: [{ id: '99', properties: { jobtitle: 'CEO' } }] });
    await expectContract('POST', '/crm/v3/objects/contacts/batch/archive', 204, null, { inputs: [{ id: created.body.results[0].id }] });
  });

  it('search: a page with paging, and the last page', async () => {
    const first = await expectContract('POST', '/crm/v3/objects/deals/search', 200, S.searchResponse, { limit: 2, properties: ['dealname'] });
    expect(first.body.paging.next.after).toBeTruthy();
    const last = await expectContract('POST', '/crm/v3/objects/deals/search', 200, S.searchResponse, { limit: 200 });
    expect(last.body.paging).toBeUndefined();
  });

  it('v4 associations', async () => {
    await expectContract('GET', '/crm/v4/objects/deals/1001/associations/contacts?limit=1', 200, S.associationList);
    await expectContract('POST', '/crm/v4/associations/deals/contacts/batch/read', 200, S.associationBatch, { inputs: [{ id: '1001' }] });
    await expectContract('POST', '/crm/v4/associations/deals/contacts/batch/read', 207, S.associationBatch, { inputs: [{ id: '1001' }, { id: '1004' }] });
    await expectContract('PUT', '/crm/v4/objects/deals/1004/associations/contacts/2001', 201, S.associationCreated, [{ associationCategory: 'USER_DEFINED', associationTypeId: 101 }]);
    await expectContract('PUT', '/crm/v4/objects/deals/1004/associations/default/companies/3002', 200, S.associationDefaultCreated);
    await expectContract('DELETE', '/crm/v4/objects/deals/1004/associations/companies/3002', 204, null);
    await expectContract('POST', '/crm/v4/associations/deals/contacts/batch/create', 201, S.associationBatchCreated, { inputs: [{ from: { id: '1003' }, to: { id: '2002' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }] }] });
    await expectContract('POST', '/crm/v4/associations/deals/contacts/batch/archive', 204, null, { inputs: [{ from: { id: '1003' }, to: [{ id: '2002' }] }] });
    await expectContract('GET', '/crm/v4/associations/deals/contacts/labels', 200, S.associationLabels);
  });

  it('metadata', async () => {
    await expectContract('GET', '/crm/v3/pipelines/deals', 200, S.pipelines);
    await expectContract('GET', '/crm/v3/pipelines/deals/11', 200, S.pipeline);
    await expectContract('GET', '/crm/v3/pipelines/tickets/0/stages', 200, S.stages);
    await expectContract('GET', '/crm/v3/properties/deals', 200, S.properties);
    await expectContract('GET', '/crm/v3/properties/0-48/hs_timestamp', 200, S.property);
    await expectContract('GET', '/crm/v3/owners/?limit=1', 200, S.owners);
    await expectContract('GET', '/crm/v3/owners/501', 200, S.owner);
    await expectContract('GET', '/calling/v1/dispositions', 200, S.dispositions);
    await expectContract('GET', '/account-info/v3/details', 200, S.account);
    await expectContract('GET', '/files/v3/files/7001', 200, S.file);
    await expectContract('GET', '/crm/v3/schemas', 200, S.schemas);
  });
});

describe('error responses match HubSpot shapes', () => {
  it('401 INVALID_AUTHENTICATION and EXPIRED_AUTHENTICATION', async () => {
    await expectContract('GET', '/crm/v3/objects/deals/1001', 401, S.errorOf('INVALID_AUTHENTICATION'), undefined, null);
    await expectContract('GET', '/crm/v3/objects/deals/1001', 401, S.errorOf('EXPIRED_AUTHENTICATION'), undefined, 'mini-expired');
  });

  it('403 MISSING_SCOPES', async () => {
    await expectContract('PATCH', '/crm/v3/objects/deals/1001', 403, S.errorOf('MISSING_SCOPES'), { properties: { dealname: 'x' } }, 'mini-deals-read');
  });

  it('404 JSON (records, files, pipelines) and HTML (unknown routes)', async () => {
    await expectContract('GET', '/crm/v3/objects/deals/5', 404, S.errorOf('OBJECT_NOT_FOUND'));
    await expectContract('PATCH', '/crm/v3/objects/deals/5', 404, S.errorOf('OBJECT_NOT_FOUND'), { properties: {} });
    await expectContract('GET', '/files/v3/files/5', 404, S.errorOf('OBJECT_NOT_FOUND'));
    await expectContract('GET', '/crm/v3/pipelines/deals/5', 404, S.errorOf('OBJECT_NOT_FOUND'));
    const html = await call(sb, 'GET', '/crm/v9/anything', undefined, 'mini-full');
    expect(html.status).toBe(404);
    expect(html.contentType).toMatch(/^text\/html/);
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('400 VALIDATION_ERROR (property values, search limits, object type, JSON)', async () => {
    await expectContract('PATCH', '/crm/v3/objects/deals/1001', 400, S.errorOf('VALIDATION_ERROR'), { properties: { foo: '1' } });
    await expectContract('POST', '/crm/v3/objects/calls', 400, S.errorOf('VALIDATION_ERROR'), { properties: {} });
    await expectContract('POST', '/crm/v3/objects/deals/search', 400, S.errorOf('VALIDATION_ERROR'), { limit: 500 });
    await expectContract('POST', '/crm/v3/objects/deals/search', 400, S.errorOf('VALIDATION_ERROR'), { after: '10000' });
    await expectContract('GET', '/crm/v3/objects/gadgets/1', 400, S.errorOf('VALIDATION_ERROR'));
    await expectContract('POST', '/crm/v3/objects/deals/batch/read', 400, S.errorOf('VALIDATION_ERROR'), '{"inputs": [');
    await expectContract('PUT', '/crm/v4/objects/deals/1001/associations/contacts/2001', 400, S.errorOf('VALIDATION_ERROR'), [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }]);
  });

  it('429 ten-secondly, secondly (search) and daily', async () => {
    await control(sb, 'POST', 'faults', { rateLimit: { tenSecond: 1, searchPerSecond: 1 } });
    await control(sb, 'POST', 'reset');
    await expectContract('GET', '/crm/v3/objects/deals/1001', 200, S.crmObject);
    const ten = await expectContract('GET', '/crm/v3/objects/deals/1001', 429, S.rateLimitError);
    expect(ten.body.policyName).toBe('TEN_SECONDLY_ROLLING');
    await expectContract('POST', '/crm/v3/objects/deals/search', 200, S.searchResponse, {});
    const secondly = await expectContract('POST', '/crm/v3/objects/deals/search', 429, S.rateLimitError, {});
    expect(secondly.body.message).toBe('You have reached your secondly limit.');
    await control(sb, 'POST', 'faults', { rateLimit: { daily: 0 } });
    const daily = await expectContract('GET', '/crm/v3/owners', 429, S.rateLimitError);
    expect(daily.body.policyName).toBe('DAILY');
    await control(sb, 'DELETE', 'faults');
    await control(sb, 'POST', 'reset');
  });

  it('fault-injected 500 / 503 JSON errors', async () => {
    await control(sb, 'POST', 'faults', { routes: [{ pathPattern: '/crm/v3/owners', status: 503, times: 1 }, { pathPattern: '/crm/v3/owners', status: 500, times: 1 }] });
    await expectContract('GET', '/crm/v3/owners', 503, S.error);
    await expectContract('GET', '/crm/v3/owners', 500, S.error);
    await control(sb, 'DELETE', 'faults');
  });
});

describe('the schemas themselves', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    ['a numeric property value', S.crmObject, { id: '1', properties: { amount: 5 }, createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', archived: false }],
    ['a non-ISO createdAt', S.crmObject, { id: '1', properties: {}, createdAt: '1704067200000', updatedAt: '2024-01-01T00:00:00Z', archived: false }],
    ['an error without correlationId', S.error, { status: 'error', message: 'x', category: 'VALIDATION_ERROR' }],
    ['a string toObjectId in v4', S.associationList, { results: [{ toObjectId: '5', associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 3, label: null }] }] }],
    ['numeric stage metadata', S.pipelines, { results: [{ id: '1', label: 'P', displayOrder: 0, archived: false, stages: [{ id: 's', label: 'S', displayOrder: 0, metadata: { probability: 0.2 } }] }] }],
    ['a 429 without policyName', S.rateLimitError, { status: 'error', message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT', correlationId: 'c' }],
  ])('reject %s', (_name, schema, value) => {
    expect(ajv.validate(schema, value)).toBe(false);
  });
});

describe('coverage', () => {
  it('validated a success answer of every route', () => {
    const all = ROUTES.map((r) => `${r.method} ${r.pattern}`);
    expect(all.filter((r) => !covered.has(r))).toEqual([]);
  });
});
