import type { Evaluation } from '../../../lib/rules/result';
import type { ViewPayload, Settings, OutboxEntry } from '../../../lib/messages/schemas';
import { dealProposal, contactMql, otherRecord } from '../../fixtures/evaluations';

export const PORTAL = 4471200;

export function payload(evaluation: Evaluation, loadedAt = '2025-03-10T12:00:00.000Z', outbox: OutboxEntry[] = []): ViewPayload {
  return { evaluation, snapshotMeta: { loadedAt, fromCache: false, stale: false }, outbox };
}

export function outboxEntry(id: string, record: { objectTypeId: string; id: string } | null, status: OutboxEntry['status'] = 'failed'): OutboxEntry {
  return {
    id,
    kind: 'property.update',
    label: `Write ${id}`,
    status,
    portalId: PORTAL,
    record,
    attempts: 1,
    createdAt: '2025-03-10T11:00:00.000Z',
    nextAttemptAt: null,
    error: status === 'failed' ? { code: 'validation', message: 'Property value is not valid' } : null,
  };
}

export const settings: Settings = {
  apiTier: 190,
  learnMode: { enabled: null, installedAt: '2025-03-01T00:00:00.000Z', days: 30, active: true },
  sidebar: { collapsed: false, width: 420 },
  allowedPortalIds: null,
  managed: [],
};

/** The deal fixture as another deal (a different record with its own name). */
export const otherDeal: Evaluation = { ...dealProposal, record: { objectTypeId: '0-3', id: '9005' }, name: 'Another deal' };
export const ticket: Evaluation = otherRecord;
export { dealProposal, contactMql };
