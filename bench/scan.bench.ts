/**
 * The compliance scan at HubSpot's smallest rate-limit tier: 50,000 generated
 * deals (sandbox/generate.ts, with their companies, contacts and notes) in a
 * sandbox answering 100 requests per rolling 10 s (and 5 searches a second),
 * scanned through the real rate limiter in Node (tier 100, its default
 * reserve and bulk share) with the real client, loader and engine.
 *
 *   scan.records              deals evaluated
 *   scan.requests             HTTP requests the scan sent
 *   scan.floorRequests        the fewest requests the data allows (lib/admin/scan-floor.ts)
 *   scan.requestsOverFloor    requests / floor (target ≤ 1.05)
 *   scan.seconds              wall time of the scan
 *   scan.recordsPerSecond
 *   scan.minSecondsAtTier     requests / 10 per second: HubSpot's 100-per-10-s budget, all of it
 *   scan.minSecondsBulkLane   requests / the bulk lane's part of it (the tier less the reserve and the sidebar's headroom)
 *   scan.secondsOverTier      seconds / minSecondsAtTier (target ≤ 1.10)
 *   scan.interactiveP95Ms     latency of sidebar-lane requests sent every 3 s during the scan
 *   scan.interactiveRequests  how many (they share the 10-s budget, so the scan's bound moves by as many)
 *
 * SCAN_BENCH_DEALS overrides the deal count (e.g. a quick 5,000-deal run).
 */
import 'fake-indexeddb/auto';
import { startSandbox } from '../sandbox/index';
import { generatePortal } from '../sandbox/generate';
import { createHubSpotClient } from '../lib/hubspot/client';
import { loadPortalMeta } from '../lib/hubspot/snapshot-loader';
import { defaultPlaybook } from '../lib/playbook/default/index';
import { defaultEngine } from '../lib/background/default-engine';
import type { AppDb } from '../lib/background/db';
import { RateLimiter } from '../lib/background/rate-limiter';
import { ScanService } from '../lib/admin/scan-runner';
import { ScanStore } from '../lib/admin/scan-store';

const TOKEN = 'bench-token';
const TIER = 100;
// The limiter's defaults (lib/background/rate-limiter.ts), for the bulk-lane bound.
const RESERVE = 0.01;
const HEADROOM = 7;

export async function run(): Promise<Record<string, number>> {
  const deals = Number(process.env.SCAN_BENCH_DEALS ?? 50_000);
  const seed = generatePortal({ deals });
  const sandbox = await startSandbox({ port: 0, token: TOKEN, seed, rateLimit: { tenSecond: TIER } });
  try {
    const limiter = new RateLimiter({ fetch: (input, init) => fetch(input, init), tier: TIER });
    const client = createHubSpotClient({ token: TOKEN, baseUrl: sandbox.url, fetch: limiter.bind('bulk'), timeoutMs: 120_000 });
    const interactive = createHubSpotClient({ token: TOKEN, baseUrl: sandbox.url, fetch: limiter.bind('interactive') });
    // Portal metadata is the background's (cached for the sidebar too); loaded before the clock starts.
    const meta = await loadPortalMeta(interactive, { playbook: defaultPlaybook });
    const store = new ScanStore(`scan-bench-${process.pid}`);
    const runner = new ScanService(
      {
        client: async () => ({ portalId: meta.portalId, uiDomain: 'app.hubspot.com', client }),
        playbook: async () => ({ playbook: defaultPlaybook, key: 'default', info: null as never }),
        portalMeta: async () => meta,
        engine: defaultEngine,
        db: null as unknown as AppDb,
        progress: () => undefined,
        resumeAt: () => undefined,
        now: () => Date.now(),
      },
      { store },
    );

    const latencies: number[] = [];
    let probing = true;
    const probe = (async () => {
      const someDeal = seed.objects['0-3']?.[0]?.id ?? '1';
      while (probing) {
        await new Promise((r) => setTimeout(r, 3_000));
        if (!probing) break;
        const t = performance.now();
        await interactive.getObject('0-3', someDeal, { properties: ['dealname'] });
        latencies.push(performance.now() - t);
      }
    })();

    const started = performance.now();
    const first = await runner.start({ type: 'scan.start', objects: ['deal'] });
    await runner.idle();
    const seconds = (performance.now() - started) / 1_000;
    probing = false;
    await probe;
    const status = await runner.status(first.scanId!);
    if (status.state !== 'done') throw new Error(`scan ended ${status.state}: ${status.error?.message ?? ''}`);
    latencies.sort((a, b) => a - b);
    const p95 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))]! : 0;
    const requests = status.requests;
    const round = (n: number, d = 100) => Math.round(n * d) / d;
    return {
      'scan.records': status.processed,
      'scan.rows': status.rows,
      'scan.requests': requests,
      'scan.floorRequests': status.floorRequests,
      'scan.requestsOverFloor': round(requests / status.floorRequests, 1000),
      'scan.seconds': round(seconds, 10),
      'scan.recordsPerSecond': round(status.processed / seconds, 10),
      'scan.minSecondsAtTier': round(requests / (TIER / 10), 10),
      'scan.minSecondsBulkLane': round(requests / ((Math.floor(TIER * (1 - RESERVE)) - HEADROOM) / 10), 10),
      'scan.secondsOverTier': round(seconds / (requests / (TIER / 10)), 1000),
      'scan.interactiveP95Ms': Math.round(p95),
      'scan.interactiveRequests': latencies.length,
    };
  } finally {
    await sandbox.close();
  }
}
