/**
 * End to end without a browser: every record of the reference portal the
 * seed documents, loaded by loadSnapshot from the sandbox and evaluated by the
 * engine. A rule the loader left data out for would come back `unknown`;
 * the seed says which rules each record meets and fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import { buildReferencePortal } from '../../../sandbox/seed/reference-portal';
import type { Expectation } from '../../../sandbox/seed/builder';
import { createHubSpotClient, type HubSpotClient } from '../../../lib/hubspot/client';
import { loadPortalMeta, loadSnapshot } from '../../../lib/hubspot/snapshot-loader';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import { evaluate } from '../../../lib/rules/evaluate';
import type { PortalMeta } from '../../../lib/rules/snapshot';

const now = new Date();
const portal = buildReferencePortal(now);
let sb: Sandbox;
let client: HubSpotClient;
let meta: PortalMeta;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, seed: portal.seed, rateLimit: { tenSecond: 100_000, searchPerSecond: 1000 } });
  client = createHubSpotClient({ token: 'sandbox-token', baseUrl: sb.url, fetch: globalThis.fetch });
  meta = await loadPortalMeta(client, { playbook: defaultPlaybook });
});
afterAll(async () => {
  await sb.close();
});

const byType = (t: string) => portal.expectations.filter((e) => e.objectTypeId === t);

async function check(e: Expectation): Promise<void> {
  const { snapshot } = await loadSnapshot(client, { ref: { objectTypeId: e.objectTypeId, id: e.id }, playbook: defaultPlaybook, meta, now });
  const evaluation = evaluate(snapshot, defaultPlaybook, now);
  const status = new Map(evaluation.findings.map((f) => [f.ruleId, f.status]));
  const where = `${e.name} (${e.objectTypeId}/${e.id})`;
  for (const id of [...e.met, ...e.failing]) {
    expect(status.get(id), `${id} on ${where}: not evaluated or unknown`).toBeDefined();
    expect(status.get(id), `${id} on ${where}`).not.toBe('unknown');
  }
  for (const id of e.met) expect(status.get(id), `${id} on ${where} should be met`).toBe('met');
  for (const id of e.failing) expect(status.get(id), `${id} on ${where} should fail`).not.toBe('met');
}

describe('loadSnapshot → evaluate on the reference portal: no unknown where the data was loaded', () => {
  for (const [label, type] of [
    ['deals', '0-3'], ['contacts', '0-1'], ['companies', '0-2'], ['Client Hub records', '2-9000101'], ['Product Subscriptions', '2-9000102'],
  ] as const) {
    it(`${label}`, async () => {
      const list = byType(type);
      expect(list.length).toBeGreaterThan(0);
      for (const e of list) await check(e);
    }, 120_000);
  }
});
