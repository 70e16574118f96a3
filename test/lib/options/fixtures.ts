/**
 * Protocol-shaped data for the options page tests, and a fake background
 * behind the real typed client (lib/messages/client.ts validates every
 * answer against the protocol's schemas, so a wrong shape here fails).
 */
import { createClient, type Client } from '../../../lib/messages/client';
import { appError, type AppError } from '../../../lib/messages/errors';
import type { PlaybookInfo, Settings, Status } from '../../../lib/messages/schemas';
import { defaultPlaybook } from '../../../lib/playbook/default/index';
import type { Playbook } from '../../../lib/playbook/types';
import { validatePlaybook } from '../../../lib/playbook/validate';

export const NOW = Date.parse('2025-03-10T12:00:00.000Z');
export const PORTAL = 4471200;
export const GOOD_TOKEN = 'pat-na1-11111111-2222-3333-4444-555555555555';

export function status(extra: Partial<Status> = {}): Status {
  return {
    token: 'ok',
    portalId: PORTAL,
    timeZone: 'US/Eastern',
    uiDomain: 'app.hubspot.com',
    companyCurrency: 'USD',
    dataHostingLocation: 'na1',
    verifiedAt: '2025-03-10T11:00:00.000Z',
    missingScopes: [],
    retryAt: null,
    outbox: { pending: 0, failed: 0 },
    apiTier: 100,
    message: null,
    ...extra,
  };
}

export function noToken(): Status {
  return status({ token: 'none', portalId: null, timeZone: null, uiDomain: null, companyCurrency: null, dataHostingLocation: null, verifiedAt: null, message: 'No HubSpot token yet.' });
}

export function settings(extra: Partial<Settings> = {}): Settings {
  return {
    apiTier: 100,
    learnMode: { enabled: null, installedAt: '2025-03-01T09:00:00.000Z', days: 30, active: true },
    sidebar: { collapsed: false, width: 360 },
    allowedPortalIds: null,
    managed: [],
    ...extra,
  };
}

export function info(playbook: Playbook = defaultPlaybook, extra: Partial<PlaybookInfo> = {}): PlaybookInfo {
  return { playbook, source: 'default', importedAt: null, lastRejected: null, managedRejected: null, ...extra };
}

export const defaultJson = `${JSON.stringify(defaultPlaybook, null, 2)}\n`;

type Msg = { type: string; [key: string]: unknown };

export interface FakeBackground {
  client: Client;
  sent: Msg[];
  state: { status: Status; settings: Settings; info: PlaybookInfo; tokens: Record<string, 'ok' | 'invalid' | 'expired'> };
  /** Answer the next message of `type` with this error instead. */
  failNext(type: string, error: AppError): void;
  /** Lint issues the fake answers with. */
  lintIssues: Array<{ severity: 'error' | 'warning' | 'info'; path: string; message: string; fix?: string }>;
}

/** An in-memory background that follows the protocol's rules (policy locks, import validation, token checks). */
export function fakeBackground(init: { status?: Status; settings?: Settings; info?: PlaybookInfo } = {}): FakeBackground {
  const fails = new Map<string, AppError>();
  const fake: FakeBackground = {
    sent: [],
    state: { status: init.status ?? noToken(), settings: init.settings ?? settings(), info: init.info ?? info(), tokens: { [GOOD_TOKEN]: 'ok' } },
    failNext: (type, error) => fails.set(type, error),
    lintIssues: [],
    client: null as unknown as Client,
  };
  const ok = (data: unknown) => ({ ok: true, data });
  const fail = (error: AppError) => ({ ok: false, error });
  const handle = (m: Msg): unknown => {
    const s = fake.state;
    switch (m.type) {
      case 'settings.get':
        return ok(s.settings);
      case 'status.get':
        return ok(s.status);
      case 'playbook.get':
        return ok(s.info);
      case 'token.set': {
        const verdict = s.tokens[m['token'] as string];
        if (verdict === 'expired') return fail(appError('expired-token', 'HubSpot: the token has expired.'));
        if (verdict !== 'ok') return fail(appError('invalid-token', 'HubSpot refused the token (401 INVALID_AUTHENTICATION).'));
        s.status = status({ verifiedAt: new Date(NOW).toISOString() });
        return ok(s.status);
      }
      case 'token.verify':
        if (s.status.token === 'none') return fail(appError('no-token', 'No HubSpot token to verify.'));
        return ok(s.status);
      case 'token.clear':
        s.status = noToken();
        return ok({ cleared: true });
      case 'settings.set': {
        const patch = m['patch'] as { apiTier?: 100 | 190 | 250; learnMode?: { enabled?: boolean | null; days?: number } };
        const locked = [patch.apiTier !== undefined ? 'apiTier' : null, patch.learnMode?.enabled !== undefined ? 'learnMode.enabled' : null, patch.learnMode?.days !== undefined ? 'learnMode.days' : null]
          .filter((k): k is string => k !== null && s.settings.managed.includes(k));
        if (locked.length > 0) return fail(appError('forbidden', `Set by your company's policy: ${locked.join(', ')}.`));
        const learn = { ...s.settings.learnMode, ...patch.learnMode };
        s.settings = { ...s.settings, apiTier: patch.apiTier ?? s.settings.apiTier, learnMode: { ...learn, active: learn.enabled ?? true } };
        return ok(s.settings);
      }
      case 'playbook.import': {
        if (s.info.source === 'managed') return fail(appError('forbidden', "The playbook is set by your company's policy and cannot be replaced here."));
        let data: unknown;
        try {
          data = JSON.parse(m['json'] as string);
        } catch (err) {
          const errors = [{ path: '$', message: `Not valid JSON: ${(err as Error).message}` }];
          s.info = { ...s.info, lastRejected: { at: new Date(NOW).toISOString(), errors } };
          return ok({ accepted: false, errors, active: s.info });
        }
        const result = validatePlaybook(data);
        if (!result.ok) {
          s.info = { ...s.info, lastRejected: { at: new Date(NOW).toISOString(), errors: result.errors } };
          return ok({ accepted: false, errors: result.errors, active: s.info });
        }
        s.info = { playbook: result.playbook, source: 'imported', importedAt: new Date(NOW).toISOString(), lastRejected: null, managedRejected: null };
        return ok({ accepted: true, errors: [], active: s.info });
      }
      case 'playbook.export':
        return ok({ json: `${JSON.stringify(s.info.playbook, null, 2)}\n`, fileName: `${s.info.playbook.id}-${s.info.playbook.version}.playbook.json` });
      case 'playbook.reset':
        s.info = info();
        return ok(s.info);
      case 'playbook.lint':
        if (s.status.token === 'none') return fail(appError('no-token', 'Set a HubSpot token first.'));
        return ok({ portalId: s.status.portalId, issues: fake.lintIssues });
      default:
        return fail(appError('unavailable', `Nothing handles ${m.type} in this fake.`));
    }
  };
  fake.client = createClient(async (message) => {
    const m = message as Msg;
    fake.sent.push(m);
    const failure = fails.get(m.type);
    if (failure) {
      fails.delete(m.type);
      return fail(failure);
    }
    // Answers are copies, as a real message channel delivers them.
    return structuredClone(handle(m));
  });
  return fake;
}
