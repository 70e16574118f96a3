/** Hand-made scan rows, statuses and a fake protocol client for the admin page's tests. */
import type { Client } from '../../../lib/messages/client';
import type { PushMessage, Request, Response } from '../../../lib/messages/protocol';
import { PUSH_TAG } from '../../../lib/messages/protocol';
import type { ScanRow } from '../../../lib/admin/scan-rows';
import type { ScanProgress } from '../../../lib/admin/scan-state';
import { idleProgress } from '../../../lib/admin/scan-state';
import { defaultPlaybook } from '../../../lib/playbook/default/index';

const OWNERS = [
  ['101', 'Ana Ruiz'],
  ['102', 'Ben Okafor'],
  [null, null],
] as const;
const RULES = [
  ['SALES-PRO-2', 'Deal Approval Status is Approved', 'violation'],
  ['ACC-7', 'Buying committee', 'warning'],
  ['SALES-SQL-2', 'Enterprise Deal Status known', 'violation'],
] as const;
const STAGES = ['Proposal', 'Engaged', 'Partner of Choice'];

/** `n` rows over three rules, three owners (one none) and three stages; names carry a formula and a quote. */
export function rows(n: number): ScanRow[] {
  return Array.from({ length: n }, (_, i) => {
    const [ruleId, ruleTitle, status] = RULES[i % 3]!;
    const [ownerId, ownerName] = OWNERS[Math.floor(i / 3) % 3]!;
    const id = String(90_000 + i);
    return {
      objectTypeId: '0-3',
      recordId: id,
      recordName: i === 4 ? '=HYPERLINK("http://evil")' : i === 5 ? 'Smith, "Jones" & Co' : `Deal ${String(i).padStart(3, '0')}`,
      ruleId,
      ruleTitle,
      status,
      missing: `Item ${i}: required`,
      ownerId,
      ownerName,
      pipeline: 'New Business',
      stage: STAGES[i % STAGES.length]!,
      daysInStage: (i * 7) % 40,
      url: `https://app.hubspot.com/contacts/4471200/record/0-3/${id}`,
    };
  });
}

export function progress(extra: Partial<ScanProgress> = {}): ScanProgress {
  return {
    ...idleProgress(),
    scanId: 'scan-1',
    state: 'running',
    startedAt: '2025-03-10T12:00:00.000Z',
    processed: 1_200,
    total: 12_000,
    rows: 0,
    requests: 120,
    floorRequests: 118,
    recordsPerSecond: 44.2,
    etaSeconds: 245,
    objects: [{ alias: 'deal', label: 'Deal', processed: 1_200, total: 12_000, done: false, pipelines: ['New Business', 'Expansion'] }],
    ruleIds: ['SALES-PRO-2', 'ACC-7', 'SALES-SQL-2'],
    byRule: {},
    ...extra,
  };
}

/** A background stand-in: answers the admin page's messages from `scan` and `all` rows, records what was sent. */
export class FakeBackground {
  sent: Request[] = [];
  scan: ScanProgress = idleProgress();
  all: ScanRow[] = [];
  startError: { code: 'validation'; message: string } | null = null;
  private handlers: Array<(p: PushMessage) => void> = [];

  readonly client: Client = {
    send: async <M extends Request>(message: M): Promise<Response<M['type']>> => {
      this.sent.push(message);
      return this.answer(message) as Response<M['type']>;
    },
  };

  subscribe = (handler: (p: PushMessage) => void) => {
    this.handlers.push(handler);
    return () => (this.handlers = this.handlers.filter((h) => h !== handler));
  };

  push(status: ScanProgress): void {
    this.scan = status;
    for (const h of this.handlers) h({ tag: PUSH_TAG, event: 'scan.progress', status });
  }

  private answer(m: Request): Response<Request['type']> {
    const ok = (data: unknown) => ({ ok: true as const, data }) as Response<Request['type']>;
    switch (m.type) {
      case 'playbook.get':
        return ok({ playbook: defaultPlaybook, source: 'default', importedAt: null, lastRejected: null });
      case 'status.get':
        return ok({ token: 'ok', portalId: 4471200, timeZone: 'US/Eastern', uiDomain: 'app.hubspot.com', companyCurrency: 'USD', dataHostingLocation: 'na1', verifiedAt: null, missingScopes: [], retryAt: null, outbox: { pending: 0, failed: 0 }, apiTier: 100, message: null });
      case 'scan.status':
      case 'scan.cancel':
        return ok(m.type === 'scan.cancel' ? (this.scan = { ...this.scan, state: 'cancelled' }) : this.scan);
      case 'scan.start':
        if (this.startError) return { ok: false, error: this.startError } as Response<Request['type']>;
        this.scan = progress({ processed: 0, total: null, rows: 0 });
        return ok(this.scan);
      case 'scan.results': {
        const offset = m.offset ?? 0;
        return ok({ scanId: m.scanId, total: this.all.length, rows: this.all.slice(offset, offset + (m.limit ?? 500)) });
      }
      default:
        return { ok: false, error: { code: 'unavailable', message: m.type } } as Response<Request['type']>;
    }
  }
}

export const flush = () => new Promise((r) => setTimeout(r, 0));
