import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate, startSandbox, type Sandbox } from '../../sandbox/index';
import { referencePortalSeed } from '../../sandbox/seed/reference-portal';
import { hostRequest, startMini } from './helpers';

describe('routing by Host', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startMini();
  });
  afterAll(() => sb.close());

  it.each(['app.hubspot.com', `app.hubspot.com:443`, 'app-eu1.hubspot.com', 'app.localhost:4010'])('sends %s to the app pages', async (host) => {
    const r = await hostRequest(sb, 'GET', '/', host);
    expect(r.status).toBe(200);
    expect(r.contentType).toMatch(/^text\/html/);
  });

  it('answers unknown app paths with an HTML 404', async () => {
    const r = await hostRequest(sb, 'GET', '/no/such/page/anywhere', 'app.hubspot.com');
    expect(r.status).toBe(404);
    expect(r.contentType).toMatch(/^text\/html/);
  });

  it('sends api.hubapi.com and 127.0.0.1 to the API', async () => {
    const api = await hostRequest(sb, 'GET', '/crm/v3/objects/deals/1001', 'api.hubapi.com', { token: 'mini-full' });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.text).id).toBe('1001');
    const root = await hostRequest(sb, 'GET', '/', 'api.hubapi.com');
    expect(root.status).toBe(404);
    expect(root.contentType).toMatch(/^text\/html/);
  });
});

describe('HTTPS', () => {
  it('makeCertificate covers the HubSpot hosts, localhost and 127.0.0.1 plus the ones given', () => {
    const { cert, key } = makeCertificate(['sandbox.test']);
    expect(key).toContain('PRIVATE KEY');
    const x = new X509Certificate(cert);
    for (const name of ['DNS:sandbox.test', 'DNS:app.hubspot.com', 'DNS:app-eu1.hubspot.com', 'DNS:api.hubapi.com', 'DNS:localhost', 'IP Address:127.0.0.1']) {
      expect(x.subjectAltName).toContain(name);
    }
    expect(x.checkHost('app.hubspot.com')).toBe('app.hubspot.com');
    expect(new Date(x.validTo).getTime() - Date.now()).toBeLessThan(398 * 86_400_000);
  });

  it('serves the API and the app pages over TLS with a certificate a client can trust', async () => {
    const tls = makeCertificate([]);
    const sb = await startSandbox({ port: 0, https: tls, seed: (await import('./fixtures/mini-seed')).miniSeed() });
    try {
      expect(sb.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const api = await hostRequest(sb, 'GET', '/crm/v3/objects/deals/1001', 'api.hubapi.com', { ca: tls.cert, token: 'mini-full' });
      expect(api.status).toBe(200);
      const app = await hostRequest(sb, 'GET', '/', 'app.hubspot.com', { ca: tls.cert });
      expect(app.status).toBe(200);
      // Without trusting the certificate the client refuses.
      await expect(hostRequest(sb, 'GET', '/', 'app.hubspot.com')).rejects.toThrow();
    } finally {
      await sb.close();
    }
  });
});

describe('options', () => {
  it('latencyMs delays every API response (lower bound only)', async () => {
    const sb = await startMini({ latencyMs: 120 });
    try {
      const t = Date.now();
      const r = await fetch(`${sb.url}/crm/v3/owners`, { headers: { Authorization: 'Bearer mini-full' } });
      expect(r.status).toBe(200);
      expect(Date.now() - t).toBeGreaterThanOrEqual(115);
    } finally {
      await sb.close();
    }
  });
});

describe('default seed', () => {
  it('serves the reference portal with the default token when no seed is given', async () => {
    const sb = await startSandbox();
    try {
      expect(sb.state.account.portalId).toBe(referencePortalSeed.account.portalId);
      const total = Object.values(referencePortalSeed.objects).reduce((n, list) => n + list.length, 0);
      const served = sb.state.types.all().reduce((n, t) => n + sb.state.listObjects(t.objectTypeId).length + sb.state.listObjects(t.objectTypeId, { archived: true }).length, 0);
      expect(served).toBe(total);
      const res = await fetch(`${sb.url}/crm/v3/objects/deals?limit=1`, { headers: { Authorization: 'Bearer sandbox-token' } });
      expect(res.status).toBe(200);
      const schemas = await fetch(`${sb.url}/crm/v3/schemas`, { headers: { Authorization: 'Bearer sandbox-token' } });
      expect(((await schemas.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
    } finally {
      await sb.close();
    }
  });
});
