import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../sandbox/index';
import { call, get, patch, startMini } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startMini({ token: 'my-full-token' });
});
afterAll(() => sb.close());

describe('authentication', () => {
  it('answers 401 INVALID_AUTHENTICATION without a token', async () => {
    const r = await get(sb, '/crm/v3/objects/deals/1001', null);
    expect(r.status).toBe(401);
    expect(r.contentType).toMatch(/^application\/json/);
    expect(r.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
  });

  it('answers 401 INVALID_AUTHENTICATION for an unknown token and for a non-Bearer header', async () => {
    expect((await get(sb, '/crm/v3/objects/deals/1001', 'who-knows')).body.category).toBe('INVALID_AUTHENTICATION');
    const basic = await call(sb, 'GET', '/crm/v3/objects/deals/1001', undefined, null, { Authorization: 'Basic abc' });
    expect(basic.status).toBe(401);
  });

  it('answers 401 EXPIRED_AUTHENTICATION for an expired token', async () => {
    const r = await get(sb, '/crm/v3/objects/deals/1001', 'mini-expired');
    expect(r.status).toBe(401);
    expect(r.body.category).toBe('EXPIRED_AUTHENTICATION');
  });

  it('the configured token has full access, reads and writes', async () => {
    expect((await get(sb, '/crm/v3/objects/client_hub/6001', 'my-full-token')).status).toBe(200);
    expect((await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'X' } }, 'my-full-token')).status).toBe(200);
    expect((await get(sb, '/crm/v3/objects/deals/1001', 'sandbox-token')).status).toBe(401);
  });

  it('the configured token overrides a seed token of the same name with full access', async () => {
    const other = await startMini({ token: 'mini-deals-read' });
    try {
      expect((await patch(other, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Full' } }, 'mini-deals-read')).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('unknown routes answer the HTML 404 whether or not a token is sent', async () => {
    const r = await get(sb, '/crm/v3/unknown', null);
    expect(r.status).toBe(404);
    expect(r.contentType).toMatch(/^text\/html/);
  });
});

describe('scopes', () => {
  it('answers 403 MISSING_SCOPES naming the missing write scope', async () => {
    const r = await patch(sb, '/crm/v3/objects/deals/1001', { properties: { dealname: 'Scoped' } }, 'mini-deals-read');
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({
      status: 'error',
      category: 'MISSING_SCOPES',
      context: { requiredScopes: ['crm.objects.deals.write'] },
      errors: [{ context: { requiredGranularScopes: ['crm.objects.deals.write'] } }],
    });
    expect(sb.state.getObject('0-3', '1001')?.properties.dealname).not.toBe('Scoped');
  });

  it('answers 403 for reads of another type, 200 for its own', async () => {
    expect((await get(sb, '/crm/v3/objects/deals/1001', 'mini-deals-read')).status).toBe(200);
    const r = await get(sb, '/crm/v3/objects/contacts/2001', 'mini-deals-read');
    expect(r.status).toBe(403);
    expect(r.body.context.requiredScopes).toEqual(['crm.objects.contacts.read']);
  });

  it('the built-in read-only token reads everything and writes nothing', async () => {
    for (const path of ['/crm/v3/objects/deals/1001', '/crm/v3/objects/contacts/2001', '/crm/v3/objects/2-777/6001', '/crm/v3/owners', '/crm/v3/schemas', '/crm/v3/properties/deals']) {
      expect((await get(sb, path, 'sandbox-readonly-token')).status, path).toBe(200);
    }
    const write = await call(sb, 'POST', '/crm/v3/objects/notes', { properties: { hs_timestamp: '1714557600000' } }, 'sandbox-readonly-token');
    expect(write.status).toBe(403);
    expect(write.body.context.requiredScopes).toEqual(['crm.objects.contacts.write']);
    const assoc = await call(sb, 'PUT', '/crm/v4/objects/deals/1004/associations/contacts/2002', [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }], 'sandbox-readonly-token');
    expect(assoc.status).toBe(403);
  });
});
