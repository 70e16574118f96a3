/**
 * The sandbox: a stateful, local, HubSpot-compatible API server (plus the
 * look-alike app pages) that stands in for HubSpot in every test, the e2e
 * suite and the demo. Built to HubSpot's contract (shared/HUBSPOT-API.md):
 * shapes, status codes and errors as HubSpot sends them.
 *
 * Requests whose Host starts with `app.` / `app-eu1.` go to the pages handler
 * (sandbox/pages); everything else is the API, plus `/__sandbox/*` control
 * routes (reset, faults, log, counters, clock) that exist only on the API host.
 */
import type { SeedData } from './seed/types';
import type { SandboxState } from './state';
import { startServer } from './server';
import { makeSelfSignedCertificate } from './cert';

export type { SandboxState } from './state';
export type { FaultConfig } from './faults';

export interface SandboxOptions {
  /** 0 = a random free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Serve HTTPS with this key/cert (PEM), e.g. from makeCertificate(). */
  https?: { key: string; cert: string };
  /** The portal to serve; default the reference portal (sandbox/seed/reference-portal.ts). */
  seed?: SeedData;
  /** Full-access bearer token, added to the seed's tokens. Default `sandbox-token`. */
  token?: string;
  rateLimit?: {
    /** Requests per rolling 10 s per token. Default 100 (Free/Starter). */
    tenSecond?: number;
    /** Search requests per second per token. Default 5. */
    searchPerSecond?: number;
    /** Requests per day per token. Default 250000. */
    daily?: number;
  };
  /** Fixed latency added to every API response. Default 0. */
  latencyMs?: number;
}

export interface Sandbox {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010`. */
  url: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

export function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  return startServer(opts);
}

/**
 * A self-signed certificate (RSA 2048, SHA-256, 1 year) whose SANs are `hosts`
 * plus app.hubspot.com, app-eu1.hubspot.com, api.hubapi.com, localhost and
 * 127.0.0.1.
 */
export function makeCertificate(hosts: string[] = []): { key: string; cert: string } {
  return makeSelfSignedCertificate(hosts);
}
