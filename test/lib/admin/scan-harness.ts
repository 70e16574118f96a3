/**
 * A scan runner wired as the background wires it, against the sandbox: the
 * real rate limiter (bulk lane), the real HubSpot client, the real engine,
 * the scan's own IndexedDB (fake-indexeddb in Node).
 */
import 'fake-indexeddb/auto';
import { startSandbox, type Sandbox } from '../../../sandbox/index';
import type { SeedData } from '../../../sandbox/seed/types';
import { createHubSpotClient, type HubSpotClient } from '../../../lib/hubspot/client';
import { loadPortalMeta } from '../../../lib/hubspot/snapshot-loader';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import type { Playbook } from '../../../lib/playbook/types';
import type { PortalMeta } from '../../../lib/rules/snapshot';
import { evaluate } from '../../../lib/rules/evaluate';
import type { Evaluation } from '../../../lib/rules/result';
import { defaultEngine } from '../../../lib/background/default-engine';
import type { AppDb } from '../../../lib/background/db';
import { RateLimiter, type RateLimiterOptions } from '../../../lib/background/rate-limiter';
import type { ScanContext } from '../../../lib/background/scan-registry';
import type { ScanStatus } from '../../../lib/messages/schemas';
import { ScanService, type ScanRunnerOptions } from '../../../lib/admin/scan-runner';
import { ScanStore } from '../../../lib/admin/scan-store';

export const TOKEN = 'scan-test-token';

export interface HarnessOptions {
  seed?: SeedData;
  rateLimit?: { tenSecond?: number; searchPerSecond?: number; daily?: number };
  limiter?: Partial<RateLimiterOptions>;
  playbook?: Playbook;
  now?: () => number;
  /** Called with every evaluation the scan makes. */
  onEvaluate?: (evaluation: Evaluation) => void;
}

export interface ScanHarness {
  sandbox: Sandbox;
  limiter: RateLimiter;
  client: HubSpotClient;
  meta: PortalMeta;
  progress: ScanStatus[];
  alarms: number[];
  ctx: ScanContext;
  dbName: string;
  runner(options?: ScanRunnerOptions): ScanService;
  close(): Promise<void>;
}

let dbSeq = 0;

export async function startScanHarness(options: HarnessOptions = {}): Promise<ScanHarness> {
  const sandbox = await startSandbox({
    port: 0,
    token: TOKEN,
    ...(options.seed ? { seed: options.seed } : {}),
    rateLimit: { tenSecond: 100_000, searchPerSecond: 1_000, ...options.rateLimit },
  });
  const limiter = new RateLimiter({ fetch: (input, init) => fetch(input, init), tier: 100_000, searchPerSecond: 1_000, ...options.limiter });
  const client = createHubSpotClient({ token: TOKEN, baseUrl: sandbox.url, fetch: limiter.bind('bulk'), timeoutMs: 120_000 });
  // Metadata is the background's (cached, shared with the sidebar): loaded once, not on the scan's count.
  const meta = await loadPortalMeta(createHubSpotClient({ token: TOKEN, baseUrl: sandbox.url, fetch: (i, r) => fetch(i, r) }), { playbook: options.playbook ?? defaultPlaybook });
  const playbook = options.playbook ?? defaultPlaybook;
  const progress: ScanStatus[] = [];
  const alarms: number[] = [];
  const dbName = `scan-test-${process.pid}-${++dbSeq}`;
  const ctx: ScanContext = {
    client: async () => ({ portalId: meta.portalId, uiDomain: 'app.hubspot.com', client }),
    playbook: async () => ({ playbook, key: `${playbook.id}@${playbook.version}`, info: null as never }),
    portalMeta: async () => meta,
    engine: {
      ...defaultEngine,
      evaluate: (snapshot, pb, at) => {
        const e = evaluate(snapshot, pb, at);
        options.onEvaluate?.(e);
        return e;
      },
    },
    // The scan keeps its state in its own database (ScanStore), never in the background's.
    db: null as unknown as AppDb,
    progress: (s) => progress.push(s),
    resumeAt: (at) => alarms.push(at),
    now: options.now ?? (() => Date.now()),
  };
  return {
    sandbox,
    limiter,
    client,
    meta,
    progress,
    alarms,
    ctx,
    dbName,
    runner: (o = {}) => new ScanService(ctx, { store: new ScanStore(dbName), ...o }),
    close: () => sandbox.close(),
  };
}
