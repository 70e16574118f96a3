import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlePageRequest, PAGE_CSP } from '../../../sandbox/pages/index';
import { escapeHtml, html, htmlToText } from '../../../sandbox/pages/html';
import { fixtureState, XSS } from './fixture';

const state = fixtureState();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'https://app.hubspot.com');
    if (!handlePageRequest(req, res, { state, url })) {
      res.writeHead(418);
      res.end('not handled');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, init?: RequestInit) => fetch(base + path, init);
const page = async (path: string) => {
  const res = await get(path);
  return { res, body: await res.text() };
};

describe('html helpers', () => {
  it('escapes interpolated values but not nested templates', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<b>${XSS}</b>${html`<i>${'&'}</i>`}`.value).toBe('<b>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</b><i>&amp;</i>');
  });
  it('reduces note HTML to text, dropping scripts', () => {
    expect(htmlToText('<p>#S&amp;OP</p><script>alert(1)</script><p>next</p>')).toBe('#S&OP\nnext');
  });
});

describe('record pages', () => {
  it('renders a deal with live properties, stage path, timeline and associations', async () => {
    const { res, body } = await page('/contacts/4471200/record/0-3/9001');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(body).toContain('data-sandbox-record="0-3/9001"');
    expect(body).toContain('<h1 class="hs-record-name" data-testid="record-name">Acme RCM</h1>');
    expect(body).toMatch(/<dt>Deal Stage<\/dt><dd>Proposal<\/dd>/);
    expect(body).toMatch(/<dt>Deal owner<\/dt><dd>Riley Rep<\/dd>/);
    expect(body).toMatch(/<dt>Pricing Model<\/dt><dd>Flat Fee<\/dd>/);
    expect(body).toContain('aria-current="step">Proposal</li>');
    // Newest activity first; note HTML shown as text.
    expect(body.indexOf('Discovery call')).toBeLessThan(body.indexOf('#S&amp;OP review'));
    expect(body).toContain('Outcome: Connected');
    expect(body).toContain('<a data-spa href="/contacts/4471200/record/0-2/201">Acme Health</a>');
    expect(body).toContain('<span class="hs-pill">Champion</span>');
  });

  it('reads state on every request (a change shows on the next load)', async () => {
    const deal = state.objects['0-3']?.[0];
    if (!deal) throw new Error('fixture');
    deal.properties.dealstage = '150100002';
    try {
      expect((await page('/contacts/4471200/record/0-3/9001')).body).toMatch(/<dt>Deal Stage<\/dt><dd>Engaged<\/dd>/);
    } finally {
      deal.properties.dealstage = '150100003';
    }
  });

  it('escapes every seed value (script names) and carries no inline script', async () => {
    for (const path of ['/contacts/4471200/record/0-3/9002', '/contacts/4471200/record/0-1/101', '/contacts/4471200/record/0-3/9001', '/', '/contacts/4471200/objects/0-1/views/all/list']) {
      const { body } = await page(path);
      expect(body, path).not.toContain('<script>alert');
      expect(body.match(/<script\b[^>]*>/g), path).toEqual(['<script src="/__pages/app.js" defer>']);
    }
    expect((await page('/contacts/4471200/record/0-3/9002')).body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('sends a CSP that allows only same-origin scripts', async () => {
    const { res } = await page('/contacts/4471200/record/0-3/9001');
    expect(res.headers.get('content-security-policy')).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'self'");
    expect(PAGE_CSP).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('names custom object records by their primary display property', async () => {
    const { body } = await page('/contacts/4471200/record/2-9000101/301');
    expect(body).toContain('>Acme hub</h1>');
    expect(body).toContain('aria-current="step">Call 1</li>');
    expect(body).toMatch(/<dt>Next contact date<\/dt><dd>Mar 4, 2025<\/dd>/);
  });

  it('answers 404 inside the app shell for unknown records, types and portals', async () => {
    for (const path of ['/contacts/4471200/record/0-3/404', '/contacts/4471200/record/2-1/1', '/contacts/999/record/0-3/9001', '/nowhere']) {
      const { res, body } = await page(path);
      expect(res.status, path).toBe(404);
      expect(body, path).toContain('data-sandbox-page="not-found"');
    }
  });
});

describe('list pages, index and in-page navigation', () => {
  it('lists records with in-page links and is not a record page', async () => {
    const { res, body } = await page('/contacts/4471200/objects/0-3/views/all/list');
    expect(res.status).toBe(200);
    expect(body).toContain('data-sandbox-list="0-3"');
    expect(body).not.toContain('data-sandbox-record=');
    expect(body).toContain('<a data-spa href="/contacts/4471200/record/0-3/9001">Acme RCM</a>');
  });

  it('indexes sample records of every type, custom objects included', async () => {
    const { body } = await page('/');
    expect(body).toContain('/contacts/4471200/record/2-9000101/301');
    expect(body).toContain('/contacts/4471200/objects/0-1/views/all/list');
  });

  it('serves a route as JSON for pushState navigation', async () => {
    const res = await get('/__pages/record-data?path=' + encodeURIComponent('/contacts/4471200/record/0-1/101'));
    expect(res.headers.get('content-type')).toBe('application/json');
    const json = (await res.json()) as { status: number; title: string; record: string; html: string };
    expect(json.status).toBe(200);
    expect(json.record).toBe('0-1/101');
    // The title is set as text (document.title), so it stays unescaped in JSON.
    expect(json.title).toBe(`${XSS} Doe | Contact | HubSpot`);
    expect(json.html).toContain('data-sandbox-record="0-1/101"');
    expect(json.html).not.toContain('<script>alert');
    expect((await get('/__pages/record-data')).status).toBe(400);
  });

  it('serves its script and stylesheet, and leaves other methods to the server', async () => {
    const js = await get('/__pages/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(await js.text()).toContain('history.pushState');
    expect((await get('/__pages/app.css')).headers.get('content-type')).toContain('text/css');
    expect((await get('/contacts/4471200/record/0-3/9001', { method: 'POST' })).status).toBe(418);
  });
});
