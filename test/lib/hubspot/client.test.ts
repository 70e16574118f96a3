/**
 * The HubSpot client against the sandbox (HubSpot's contract, reference
 * portal seed): every typed error, and every method's result shape.
 */
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { ASSOC, DISPOSITION, PIPELINE, TYPE } from '../../../sandbox/seed/ids';
import { DEAL } from '../../../sandbox/seed/records/deals';
import { CO } from '../../../sandbox/seed/records/companies';
import { createHubSpotClient, type HubSpotClient, type HubSpotClientOptions } from '../../../lib/hubspot/client';
import {
  HubSpotDailyLimitError,
  HubSpotExpiredError,
  HubSpotMissingScopesError,
  HubSpotNotFoundError,
  HubSpotOfflineError,
  HubSpotRateLimitedError,
  HubSpotServerError,
  HubSpotUnauthorizedError,
  HubSpotValidationError,
} from '../../../lib/hubspot/errors';
import type { ResponseInfo } from '../../../lib/hubspot/transport';

let sb: Sandbox;

const client = (over: Partial<HubSpotClientOptions> = {}): HubSpotClient =>
  createHubSpotClient({ token: 'sandbox-token', baseUrl: sb.url, fetch: globalThis.fetch, ...over });

async function faults(body: unknown): Promise<void> {
  const res = await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`faults: ${res.status} ${await res.text()}`);
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sb.close();
});
afterEach(async () => {
  await fetch(`${sb.url}/__sandbox/faults`, { method: 'DELETE' });
  await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
});

describe('typed errors (sandbox)', () => {
  it('401 with an unknown token is Unauthorized', async () => {
    const e = await caught(client({ token: 'pat-na1-not-a-token' }).getObject(TYPE.deal, DEAL.blueHarbor));
    expect(e).toBeInstanceOf(HubSpotUnauthorizedError);
    expect((e as HubSpotUnauthorizedError).status).toBe(401);
  });

  it('401 with an expired token is Expired', async () => {
    const e = await caught(client({ token: 'sandbox-expired-token' }).getObject(TYPE.deal, DEAL.blueHarbor));
    expect(e).toBeInstanceOf(HubSpotExpiredError);
  });

  it('403 names the scope a read-only token lacks', async () => {
    const e = await caught(client({ token: 'sandbox-readonly-token' }).updateObject(TYPE.deal, DEAL.blueHarbor, { rate_range: '4-6%' }));
    expect(e).toBeInstanceOf(HubSpotMissingScopesError);
    expect((e as HubSpotMissingScopesError).scopes).toContain('crm.objects.deals.write');
  });

  it('404 for a missing record (JSON) and for an HTML page', async () => {
    const json = await caught(client().getObject(TYPE.deal, '1'));
    expect(json).toBeInstanceOf(HubSpotNotFoundError);
    expect((json as HubSpotNotFoundError).category).toBe('OBJECT_NOT_FOUND');
    await faults({ routes: [{ pathPattern: '/crm/v3/objects/0-3/*', status: 404, html: true, times: 1 }] });
    const html = await caught(client().getObject(TYPE.deal, DEAL.blueHarbor));
    expect(html).toBeInstanceOf(HubSpotNotFoundError);
    expect((html as Error).message).toContain('HTML');
  });

  it('400 names the invalid property and carries HubSpot\'s message', async () => {
    const option = await caught(client().updateObject(TYPE.deal, DEAL.blueHarbor, { deal_approval_status: 'maybe' }));
    expect(option).toBeInstanceOf(HubSpotValidationError);
    expect((option as HubSpotValidationError).property).toBe('deal_approval_status');
    expect((option as HubSpotValidationError).hubspotMessage).toMatch(/maybe/);
    const unknown = await caught(client().updateObject(TYPE.deal, DEAL.blueHarbor, { no_such_property: 'x' }));
    expect((unknown as HubSpotValidationError).property).toBe('no_such_property');
  });

  it('429 on the rolling limit: Retry-After, policy and the rate-limit headers', async () => {
    await faults({ rateLimit: { tenSecond: 1 } });
    const seen: ResponseInfo[] = [];
    const c = client({ onResponse: (info) => seen.push(info) });
    await c.getObject(TYPE.deal, DEAL.blueHarbor);
    const e = await caught(c.getObject(TYPE.deal, DEAL.blueHarbor));
    expect(e).toBeInstanceOf(HubSpotRateLimitedError);
    const r = e as HubSpotRateLimitedError;
    expect(r.policy).toBe('TEN_SECONDLY_ROLLING');
    expect(r.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(r.retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(r.rateLimit).toMatchObject({ max: 1, remaining: 0, intervalMs: 10_000 });
    expect(seen.map((s) => s.status)).toEqual([200, 429]);
    expect(seen[0]!.rateLimit).toMatchObject({ max: 1, remaining: 0 });
  });

  it('429 without Retry-After waits the interval HubSpot reports', async () => {
    await faults({ rateLimit: { tenSecond: 1 } });
    const withoutRetryAfter: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const headers = new Headers(res.headers);
      headers.delete('retry-after');
      return new Response(await res.text(), { status: res.status, headers });
    };
    const c = client({ fetch: withoutRetryAfter });
    await c.getObject(TYPE.deal, DEAL.blueHarbor);
    const e = (await caught(c.getObject(TYPE.deal, DEAL.blueHarbor))) as HubSpotRateLimitedError;
    expect(e).toBeInstanceOf(HubSpotRateLimitedError);
    expect(e.retryAfterMs).toBe(10_000);
  });

  it('429 on the search limit is SECONDLY', async () => {
    await faults({ rateLimit: { searchPerSecond: 1 } });
    const c = client();
    await c.search(TYPE.contact, { limit: 1 });
    const e = (await caught(c.search(TYPE.contact, { limit: 1 }))) as HubSpotRateLimitedError;
    expect(e).toBeInstanceOf(HubSpotRateLimitedError);
    expect(e.policy).toBe('SECONDLY');
  });

  it('429 DAILY resets at the portal\'s next midnight', async () => {
    await faults({ rateLimit: { daily: 1 } });
    const now = Date.parse('2026-07-10T12:00:00Z');
    const c = client({ timeZone: 'US/Eastern', now: () => now });
    await c.getObject(TYPE.deal, DEAL.blueHarbor);
    const e = (await caught(c.getObject(TYPE.deal, DEAL.blueHarbor))) as HubSpotDailyLimitError;
    expect(e).toBeInstanceOf(HubSpotDailyLimitError);
    expect(e.resetsAt).toBe('2026-07-11T04:00:00.000Z');
  });

  it('5xx is a ServerError with the status', async () => {
    await faults({ routes: [{ pathPattern: '/crm/v3/pipelines/*', status: 503, times: 1 }] });
    const e = await caught(client().pipelines(TYPE.deal));
    expect(e).toBeInstanceOf(HubSpotServerError);
    expect((e as HubSpotServerError).status).toBe(503);
  });

  it('a closed port is Offline/network', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer();
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => resolve(port));
      });
    });
    const e = await caught(client({ baseUrl: `http://127.0.0.1:${port}` }).getObject(TYPE.deal, DEAL.blueHarbor));
    expect(e).toBeInstanceOf(HubSpotOfflineError);
    expect((e as HubSpotOfflineError).reason).toBe('network');
  });

  it('no answer in time is Offline/timeout', async () => {
    await faults({ latencyMs: 400 });
    const e = await caught(client({ timeoutMs: 50 }).getObject(TYPE.deal, DEAL.blueHarbor));
    expect(e).toBeInstanceOf(HubSpotOfflineError);
    expect((e as HubSpotOfflineError).reason).toBe('timeout');
  });
});

describe('methods (sandbox)', () => {
  it('getObject: properties, dealstage history and inline associations', async () => {
    const deal = await client().getObject(TYPE.deal, DEAL.blueHarbor, {
      properties: ['dealname', 'dealstage', 'pipeline', 'not_a_property'],
      propertiesWithHistory: ['dealstage'],
      associations: ['contacts', 'notes', 'tickets'],
    });
    expect(deal.id).toBe(DEAL.blueHarbor);
    expect(deal.properties.pipeline).toBe(PIPELINE.newBusiness);
    expect(deal.history?.dealstage?.map((h) => h.value)).toEqual(['150100002', '150100001']);
    expect(deal.associations?.contacts?.ids).toHaveLength(3);
    expect(deal.associations?.contacts?.complete).toBe(true);
    expect(deal.associations?.notes?.ids.length).toBeGreaterThan(0);
    expect(deal.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('batchRead reports ids HubSpot does not have', async () => {
    const res = await client().batchRead(TYPE.deal, [DEAL.blueHarbor, DEAL.silverline, '123'], { properties: ['dealname'], propertiesWithHistory: ['dealstage'] });
    expect(res.results.map((r) => r.id).sort()).toEqual([DEAL.blueHarbor, DEAL.silverline].sort());
    expect(res.missing).toEqual(['123']);
    expect(res.results[0]!.history?.dealstage?.length).toBeGreaterThan(0);
  });

  it('search: filters, sorts, paging', async () => {
    const c = client();
    const first = await c.search(TYPE.deal, {
      filterGroups: [{ filters: [{ propertyName: 'pipeline', operator: 'EQ', value: PIPELINE.newBusiness }] }],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      properties: ['dealname'],
      limit: 2,
    });
    expect(first.results).toHaveLength(2);
    expect(first.total).toBeGreaterThan(2);
    expect(first.after).not.toBeNull();
    expect(Number(first.results[0]!.id)).toBeLessThan(Number(first.results[1]!.id));
    const second = await c.search(TYPE.deal, {
      filterGroups: [{ filters: [{ propertyName: 'pipeline', operator: 'EQ', value: PIPELINE.newBusiness }] }],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      limit: 2,
      after: first.after!,
    });
    expect(Number(second.results[0]!.id)).toBeGreaterThan(Number(first.results[1]!.id));
  });

  it('updateObject writes and answers the record', async () => {
    const c = client();
    const updated = await c.updateObject(TYPE.deal, DEAL.blueHarbor, { rate_range: '4-6%' });
    expect(updated.properties.rate_range).toBe('4-6%');
    expect((await c.getObject(TYPE.deal, DEAL.blueHarbor, { properties: ['rate_range'] })).properties.rate_range).toBe('4-6%');
  });

  it('createObject makes a call associated with the deal (201), visible through associations', async () => {
    const c = client();
    const call = await c.createObject(TYPE.call, {
      properties: {
        hs_timestamp: new Date().toISOString(), hs_call_disposition: DISPOSITION.connected,
        hs_call_direction: 'OUTBOUND', hs_activity_type: 'Follow-up', hs_call_body: '<p>Next steps agreed.</p>',
      },
      associations: [{ to: { id: DEAL.blueHarbor }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 206 }] }],
    });
    expect(call.id).toMatch(/^\d+$/);
    const fromDeal = await c.associations(TYPE.deal, DEAL.blueHarbor, TYPE.call);
    expect(fromDeal.map((t) => t.toObjectId)).toContain(call.id);
  });

  it('createAssociation labels a contact on a deal', async () => {
    const c = client();
    const before = await c.associations(TYPE.deal, DEAL.willow, TYPE.contact);
    const unlabelled = before.find((t) => t.types.every((x) => x.label === null))!;
    await c.createAssociation(TYPE.deal, DEAL.willow, TYPE.contact, unlabelled.toObjectId, [{ associationCategory: 'USER_DEFINED', associationTypeId: ASSOC.decisionMaker }]);
    const after = await c.associations(TYPE.deal, DEAL.willow, TYPE.contact);
    expect(after.find((t) => t.toObjectId === unlabelled.toObjectId)!.types.map((t) => t.label)).toContain('Decision Maker');
  });

  it('v4 associations (one and batch) carry type ids and labels', async () => {
    const c = client();
    const contacts = await c.associations(TYPE.deal, DEAL.blueHarbor, TYPE.contact);
    expect(contacts).toHaveLength(3);
    expect(contacts.flatMap((t) => t.types.map((x) => x.label))).toEqual(expect.arrayContaining(['Champion', 'Decision Maker', 'Influencer']));
    const batch = await c.batchAssociations(TYPE.deal, TYPE.company, [DEAL.blueHarbor, DEAL.silverline, '42']);
    expect(batch.get(DEAL.blueHarbor)![0]!.types.map((t) => t.typeId)).toEqual(expect.arrayContaining([ASSOC.dealToCompanyPrimary]));
    expect(batch.get('42')).toEqual([]);
  });

  it('association label definitions', async () => {
    const labels = await client().associationLabels(TYPE.deal, TYPE.contact);
    expect(labels).toEqual(expect.arrayContaining([
      { category: 'HUBSPOT_DEFINED', typeId: ASSOC.dealToContact, label: null },
      { category: 'USER_DEFINED', typeId: ASSOC.champion, label: 'Champion' },
    ]));
  });

  it('pipelines parse stage metadata (isClosed, probability)', async () => {
    const pipelines = await client().pipelines(TYPE.deal);
    const nb = pipelines.find((p) => p.label === 'New Business')!;
    expect(nb.id).toBe(PIPELINE.newBusiness);
    expect(nb.stages.map((s) => s.label)[0]).toBe('Sales Qualified Lead (SQL)');
    const won = nb.stages.find((s) => s.label === 'Closed – Won')!;
    expect(won).toMatchObject({ isClosed: true, probability: 1 });
    expect(nb.stages[0]).toMatchObject({ isClosed: false, probability: 0.1 });
  });

  it('properties, owners (all pages), dispositions, account, schemas, file metadata', async () => {
    const c = client();
    const props = await c.properties(TYPE.deal);
    expect(props.find((p) => p.name === 'hp_products')).toMatchObject({ type: 'enumeration', fieldType: 'checkbox' });
    expect((await c.owners()).length).toBeGreaterThan(0);
    expect(await c.dispositions()).toEqual(expect.arrayContaining([{ id: DISPOSITION.connected, label: 'Connected' }]));
    expect(await c.accountDetails()).toMatchObject({ portalId: 4471200, timeZone: 'US/Eastern' });
    expect((await c.schemas()).map((s) => s.name).sort()).toEqual(['client_hub', 'product_subscription']);
    const notes = await c.associations(TYPE.deal, DEAL.brightwater, TYPE.note);
    const withFiles = await c.batchRead(TYPE.note, notes.map((n) => n.toObjectId), { properties: ['hs_attachment_ids'] });
    const fileId = withFiles.results.map((n) => n.properties.hs_attachment_ids).find(Boolean)!.split(';')[0]!;
    const file = await c.fileMetadata(fileId);
    expect(file).toMatchObject({ id: fileId });
    expect(file.name).not.toMatch(/\.pdf$/);
    expect(['pdf', 'xlsx']).toContain(file.extension);
  });

  it('counts every request, failed ones too, per fork', async () => {
    const c = client();
    await c.getObject(TYPE.company, CO.brightwater);
    await caught(c.getObject(TYPE.company, '1'));
    const fork = c.fork();
    await fork.getObject(TYPE.company, CO.brightwater);
    expect(c.requests).toBe(2);
    expect(fork.requests).toBe(1);
    expect(c.requestLog.map((r) => r.status)).toEqual([200, 404]);
  });
});
