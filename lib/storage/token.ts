/**
 * Where the HubSpot token lives: the extension origin's IndexedDB (the `kv`
 * store of lib/background/db.ts), written and read only by the background.
 *
 * Why not storage.local: content scripts can read storage.local, so any
 * code running in the sidebar's context could read the token. (storage.session
 * is hidden from content scripts in Chrome but is emptied when the browser
 * closes, and its access level cannot be set in Firefox MV2.) IndexedDB is per origin: content scripts run in the page's origin
 * (app.hubspot.com) and cannot open the extension's database. The token is
 * set only by a `token.set` message from an extension page and is never
 * sent back to any page or content script.
 *
 * Scopes: HubSpot has no introspection endpoint for private-app tokens, so
 * the granted scopes cannot be listed up front. The background records the
 * scopes HubSpot names in 403 MISSING_SCOPES answers (`missingScopes`) and
 * reports them; a successful token.verify clears none of them except by a
 * new token (scopes are fixed per token).
 */
import type { AppDb } from '../background/db';

export interface TokenRecord {
  token: string;
  portalId: number;
  timeZone: string;
  uiDomain: string | null;
  /** Optional: records stored before these were kept lack them. */
  companyCurrency?: string | null;
  dataHostingLocation?: string | null;
  /** ISO datetime of the last successful verification. */
  verifiedAt: string;
  missingScopes: string[];
  /** Set when HubSpot refused the token (401) after it was stored. */
  rejected: 'invalid' | 'expired' | null;
}

const KEY = 'token';

export class TokenStore {
  private cached: TokenRecord | null | undefined;

  constructor(private readonly db: AppDb) {}

  async get(): Promise<TokenRecord | null> {
    if (this.cached !== undefined) return this.cached;
    const value = (await this.db.get('kv', KEY)) as TokenRecord | undefined;
    this.cached = value && typeof value.token === 'string' ? value : null;
    return this.cached;
  }

  async set(record: TokenRecord): Promise<void> {
    await this.db.put('kv', record, KEY);
    this.cached = record;
  }

  async update(patch: Partial<Omit<TokenRecord, 'token'>>): Promise<TokenRecord | null> {
    const current = await this.get();
    if (!current) return null;
    const next = { ...current, ...patch };
    await this.set(next);
    return next;
  }

  async clear(): Promise<void> {
    await this.db.delete('kv', KEY);
    this.cached = null;
  }
}

/** A small key/value persistence on the same database (limiter state…). */
export function kvValue<T>(db: AppDb, key: string): { load(): Promise<T | null>; save(value: T): Promise<void> } {
  return {
    load: async () => ((await db.get('kv', key)) as T | undefined) ?? null,
    save: async (value) => {
      await db.put('kv', value, key);
    },
  };
}
