/**
 * The background service against the sandbox (a local HubSpot-compatible
 * API): real engine, loaders, limiter, outbox and cache on fake-indexeddb,
 * WXT storage on the fake browser. Pushes and alarms are recorded.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openAppDb, type AppDb } from '../../../lib/background/db';
import { defaultEngine } from '../../../lib/background/default-engine';
import { BackgroundService, type BackgroundOptions } from '../../../lib/background/service';
import type { SenderInfo } from '../../../lib/background/router';
import type { FetchLike } from '../../../lib/background/rate-limiter';
import type { PushMessage, Request, RequestType, Response } from '../../../lib/messages/protocol';
import { startSandbox, type Sandbox } from '../../../sandbox/index';

export const PORTAL = 4471200;
export const EXTENSION_ID = 'test-extension-id';
export const BASE = `chrome-extension://${EXTENSION_ID}/`;
export const TOKEN = 'sandbox-token';
export const READONLY_TOKEN = 'sandbox-readonly-token';

export const pageSender: SenderInfo = { id: EXTENSION_ID, url: `${BASE}options.html`, origin: `chrome-extension://${EXTENSION_ID}` };

export function contentSender(portalId = PORTAL, path = 'record/0-3/1', tabId = 7): SenderInfo {
  const url = `https://app.hubspot.com/contacts/${portalId}/${path}`;
  return { id: EXTENSION_ID, url, origin: 'https://app.hubspot.com', tab: { id: tabId, url }, frameId: 0 };
}

export interface LogEntry {
  method: string;
  path: string;
  status: number;
  fault?: string;
  body: unknown;
}

export class Harness {
  pushes: Array<{ tabId: number | null; message: PushMessage }> = [];
  alarms = new Map<string, number | null>();
  private current: BackgroundService | null = null;

  get service(): BackgroundService {
    if (!this.current) throw new Error('no background running');
    return this.current;
  }
  db!: AppDb;
  /** Every fetch the background made, with start/end times (for waves). */
  calls: Array<{ url: string; method: string; start: number; end: number }> = [];
  /** Replace to alter responses (e.g. strip Retry-After). */
  transform: (res: Response_) => Response_ = (r) => r;

  private constructor(readonly sandbox: Sandbox) {}

  static async start(opts: Parameters<typeof startSandbox>[0] = {}): Promise<Harness> {
    fakeBrowser.reset();
    globalThis.indexedDB = new IDBFactory();
    const h = new Harness(await startSandbox({ port: 0, ...opts }));
    await h.boot();
    return h;
  }

  /** (Re)start the background: a new worker on the same IndexedDB. */
  async boot(options: Partial<BackgroundOptions> = {}): Promise<BackgroundService> {
    // One worker at a time, as in the browser.
    if (this.current) this.kill();
    this.db = await openAppDb();
    const fetchImpl: FetchLike = async (input, init) => {
      const call = { url: String(input), method: init?.method ?? 'GET', start: performance.now(), end: Number.NaN };
      this.calls.push(call);
      try {
        return this.transform(await fetch(input, init));
      } finally {
        call.end = performance.now();
      }
    };
    this.current = new BackgroundService({
      db: this.db,
      engine: defaultEngine,
      fetch: fetchImpl,
      baseUrl: this.sandbox.url,
      extensionId: EXTENSION_ID,
      extensionBase: BASE,
      managed: async () => ({}),
      push: {
        toTab: async (tabId, _frameId, message) => void this.pushes.push({ tabId, message }),
        toPages: async (message) => void this.pushes.push({ tabId: null, message }),
      },
      alarms: { set: (name, at) => void this.alarms.set(name, at) },
      limiter: { backoffBaseMs: 50, backoffCapMs: 200, timeoutMs: 5_000 },
      ...options,
    });
    await this.current.start();
    return this.current;
  }

  /** Simulated worker death: drop the service and close its database connection. */
  kill(): void {
    this.current?.stop();
    this.db.close();
  }

  send<M extends Request>(message: M, sender: SenderInfo = pageSender): Promise<Response<M['type']>> {
    return this.service.router.handle(message, sender) as Promise<Response<M['type']>>;
  }

  async ok<M extends Request>(message: M, sender: SenderInfo = pageSender) {
    const res = await this.send(message, sender);
    if (!res.ok) throw new Error(`${message.type}: ${res.error.code} ${res.error.message}`);
    return res.data;
  }

  async control(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.sandbox.url}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    return res.status === 204 ? null : res.json();
  }

  faults(config: unknown) {
    return this.control('POST', '/__sandbox/faults', config);
  }

  async log(): Promise<LogEntry[]> {
    return ((await this.control('GET', '/__sandbox/log')) as { results: LogEntry[] }).results;
  }

  async clearLog(): Promise<void> {
    await this.control('DELETE', '/__sandbox/log');
    this.calls = [];
  }

  async setToken(token = TOKEN): Promise<void> {
    await this.ok({ type: 'token.set', token });
  }

  pushesOf<E extends PushMessage['event']>(event: E): Array<Extract<PushMessage, { event: E }>> {
    return this.pushes.map((p) => p.message).filter((m): m is Extract<PushMessage, { event: E }> => m.event === event);
  }

  async close(): Promise<void> {
    this.kill();
    await this.sandbox.close();
  }
}

type Response_ = globalThis.Response;

/**
 * Sequential round trips of a set of requests: a request is in wave
 * 1 + (the highest wave among requests that ended before it started).
 */
export function waves(calls: Array<{ start: number; end: number }>): number {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const wave: number[] = [];
  sorted.forEach((c, i) => {
    let w = 1;
    for (let j = 0; j < i; j++) if (sorted[j]!.end <= c.start) w = Math.max(w, wave[j]! + 1);
    wave.push(w);
  });
  return Math.max(0, ...wave);
}

export type { RequestType };
