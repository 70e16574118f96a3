/**
 * The compliance scan's seam. The scan runner (another module) registers
 * here; the background answers scan.* messages with it, or `unavailable`
 * when none is registered. The runner gets everything it needs through
 * ScanContext: a bulk-lane HubSpot client (so a scan never starves the
 * sidebar), the active playbook, cached portal metadata, the engine, progress
 * pushes to the admin page, and an alarm to resume after a long rate-limit
 * pause (a service worker cannot wait minutes).
 */
import type { HubSpotClient } from '../hubspot/client';
import type { RequestOf } from '../messages/protocol';
import type { ScanResults, ScanStatus } from '../messages/schemas';
import type { PortalMeta } from '../rules/snapshot';
import type { AppDb } from './db';
import type { Engine } from './engine';
import type { ActivePlaybook } from './playbooks';

export interface ScanContext {
  /** The token's portal and a client on the bulk lane (throws no-token / invalid / expired as AppErrors). */
  client(): Promise<{ portalId: number; uiDomain: string | null; client: HubSpotClient }>;
  playbook(): Promise<ActivePlaybook>;
  portalMeta(): Promise<PortalMeta>;
  engine: Engine;
  /** The background's database (a runner adds its own stores only through a db.ts version step). */
  db: AppDb;
  /** Push progress to the extension pages (scan.progress). */
  progress(status: ScanStatus): void;
  /** Wake the runner (`resume`) at this time with chrome.alarms. */
  resumeAt(at: number): void;
  now(): number;
}

export interface ScanRunner {
  start(request: RequestOf<'scan.start'>): Promise<ScanStatus>;
  cancel(scanId: string): Promise<ScanStatus>;
  status(scanId?: string): Promise<ScanStatus>;
  results(scanId: string, offset: number, limit: number): Promise<ScanResults>;
  /** Called by the alarm set with `resumeAt`, and after a worker restart. */
  resume(): Promise<void>;
}

export type ScanRunnerFactory = (ctx: ScanContext) => ScanRunner;
