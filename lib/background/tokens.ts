/**
 * The HubSpot token: verification, storage, the clients built on it, and the
 * token/limit state the sidebar shows (status.get).
 *
 * Verification is `GET /account-info/v3/details` (portal id, time zone, UI
 * domain). Granted scopes cannot be listed for private-app tokens (no
 * introspection endpoint), so missing scopes are learnt from 403
 * MISSING_SCOPES answers and recorded on the token (see lib/storage/token.ts).
 */
import { createHubSpotClient, type HubSpotClient } from '../hubspot/client';
import {
  HubSpotExpiredError,
  HubSpotMissingScopesError,
  HubSpotOfflineError,
  HubSpotUnauthorizedError,
} from '../hubspot/errors';
import { AppErrorException, appError } from '../messages/errors';
import type { Settings, Status, TokenState } from '../messages/schemas';
import type { TokenRecord, TokenStore } from '../storage/token';
import type { Lane, RateLimiter } from './rate-limiter';

export interface TokenServiceOptions {
  store: TokenStore;
  limiter: RateLimiter;
  baseUrl: string;
  settings: () => Promise<Settings>;
  outboxCounts: (portalId: number | undefined) => Promise<{ pending: number; failed: number }>;
  now: () => number;
  /** Token or limit state changed (push status.changed). */
  onChange: () => void;
}

export class TokenService {
  private offline: string | null = null;
  private offlineAt: number | null = null;

  constructor(private readonly options: TokenServiceOptions) {}

  get(): Promise<TokenRecord | null> {
    return this.options.store.get();
  }

  /** The token for `portalId`, or the AppError that says why there is none. */
  async require(portalId: number): Promise<TokenRecord> {
    const record = await this.options.store.get();
    if (!record) throw new AppErrorException(appError('no-token', 'No HubSpot token yet: open the SOP Sidebar options and paste your private-app token.'));
    if (record.rejected === 'expired') throw new AppErrorException(appError('expired-token', 'The HubSpot token has expired: paste a new one in the options.'));
    if (record.rejected === 'invalid') throw new AppErrorException(appError('invalid-token', 'HubSpot refused the token: paste a valid one in the options.'));
    if (record.portalId !== portalId) {
      throw new AppErrorException(appError('wrong-portal', `This page is portal ${portalId}; the token belongs to portal ${record.portalId}.`, { tokenPortalId: record.portalId }));
    }
    const { allowedPortalIds } = await this.options.settings();
    if (allowedPortalIds && !allowedPortalIds.includes(portalId)) {
      throw new AppErrorException(appError('wrong-portal', `Your company's policy does not allow portal ${portalId}.`, { tokenPortalId: record.portalId }));
    }
    return record;
  }

  /** A HubSpot client on `token` whose every request goes through the limiter in `lane`. */
  client(token: Pick<TokenRecord, 'token' | 'timeZone'>, lane: Lane): HubSpotClient {
    const { limiter } = this.options;
    return createHubSpotClient({
      token: token.token,
      baseUrl: this.options.baseUrl,
      // The limiter times out each attempt itself; the client's timeout only bounds the whole (queued, retried) call.
      timeoutMs: 120_000,
      timeZone: token.timeZone,
      now: this.options.now,
      fetch: async (input, init) => {
        const startedAt = this.options.now();
        try {
          const response = await limiter.fetch(input, init, { lane, ...(init.signal ? { signal: init.signal } : {}) });
          // Only an answer to a request sent after the last failure proves we are back online.
          if (this.offlineAt === null || startedAt >= this.offlineAt) this.setOffline(null);
          return response;
        } catch (err) {
          if (err instanceof HubSpotOfflineError) {
            this.offlineAt = this.options.now();
            this.setOffline(err.message);
          }
          throw err;
        }
      },
    });
  }

  /** Learn from a failure: a refused token, missing scopes. */
  async noteError(err: unknown): Promise<void> {
    if (err instanceof HubSpotUnauthorizedError || err instanceof HubSpotExpiredError) {
      await this.options.store.update({ rejected: err instanceof HubSpotExpiredError ? 'expired' : 'invalid' });
      this.options.onChange();
    } else if (err instanceof HubSpotMissingScopesError) {
      const record = await this.options.store.get();
      const scopes = [...new Set([...(record?.missingScopes ?? []), ...err.scopes])].sort();
      if (record && scopes.join() !== record.missingScopes.join()) {
        await this.options.store.update({ missingScopes: scopes });
        this.options.onChange();
      }
    }
  }

  /** Verify a token with HubSpot (the candidate, or the stored one) and store the result. */
  async verify(candidate?: string): Promise<TokenRecord> {
    const stored = await this.options.store.get();
    const token = candidate ?? stored?.token;
    if (!token) throw new AppErrorException(appError('no-token', 'No HubSpot token to verify.'));
    let details;
    try {
      details = await this.client({ token, timeZone: stored?.timeZone ?? 'UTC' }, 'interactive').accountDetails();
    } catch (err) {
      if (!candidate) await this.noteError(err);
      throw err;
    }
    const { allowedPortalIds } = await this.options.settings();
    if (allowedPortalIds && !allowedPortalIds.includes(details.portalId)) {
      throw new AppErrorException(appError('wrong-portal', `This token is for portal ${details.portalId}, which your company's policy does not allow.`, { tokenPortalId: details.portalId }));
    }
    const sameToken = stored?.token === token;
    const record: TokenRecord = {
      token,
      portalId: details.portalId,
      timeZone: details.timeZone,
      uiDomain: details.uiDomain ?? null,
      companyCurrency: details.companyCurrency ?? null,
      dataHostingLocation: details.dataHostingLocation ?? null,
      verifiedAt: new Date(this.options.now()).toISOString(),
      // Scopes are fixed per token: keep what we learnt only for the same token.
      missingScopes: sameToken ? (stored?.missingScopes ?? []) : [],
      rejected: null,
    };
    await this.options.store.set(record);
    this.options.onChange();
    return record;
  }

  async clear(): Promise<TokenRecord | null> {
    const old = await this.options.store.get();
    await this.options.store.clear();
    this.options.onChange();
    return old;
  }

  private setOffline(message: string | null): void {
    if (message === null) this.offlineAt = null;
    if (this.offline === message) return;
    const changed = (this.offline === null) !== (message === null);
    this.offline = message;
    if (changed) this.options.onChange();
  }

  async status(portalId?: number): Promise<Status> {
    const [record, settings] = await Promise.all([this.options.store.get(), this.options.settings()]);
    const limits = this.options.limiter.state();
    const counts = await this.options.outboxCounts(record?.portalId);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    let token: TokenState = 'ok';
    let message: string | null = null;
    let retryAt: string | null = null;
    if (!record) {
      token = 'none';
      message = 'No HubSpot token yet.';
    } else if (record.rejected) {
      token = record.rejected;
      message = record.rejected === 'expired' ? 'The token has expired.' : 'HubSpot refused the token.';
    } else if (portalId !== undefined && portalId !== record.portalId) {
      token = 'wrong-portal';
      message = `The token belongs to portal ${record.portalId}.`;
    } else if (limits.dailyResetAt) {
      token = 'daily-limit';
      retryAt = iso(limits.dailyResetAt);
      message = "HubSpot's daily API limit is used up.";
    } else if (limits.pausedUntil) {
      token = 'rate-limited';
      retryAt = iso(limits.pausedUntil);
      message = 'HubSpot asked us to slow down.';
    } else if (this.offline) {
      token = 'offline';
      message = this.offline;
    } else if (record.missingScopes.length > 0) {
      token = 'missing-scopes';
      message = `The private app lacks: ${record.missingScopes.join(', ')}.`;
    }
    return {
      token,
      portalId: record?.portalId ?? null,
      timeZone: record?.timeZone ?? null,
      uiDomain: record?.uiDomain ?? null,
      companyCurrency: record?.companyCurrency ?? null,
      dataHostingLocation: record?.dataHostingLocation ?? null,
      verifiedAt: record?.verifiedAt ?? null,
      missingScopes: record?.missingScopes ?? [],
      retryAt,
      outbox: counts,
      apiTier: settings.apiTier,
      message,
    };
  }
}
