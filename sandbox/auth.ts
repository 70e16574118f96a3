/**
 * Bearer-token auth and scopes, HubSpot's answers: no or unknown token → 401
 * INVALID_AUTHENTICATION; expired → 401 EXPIRED_AUTHENTICATION; a scope the
 * token lacks → 403 MISSING_SCOPES naming the scope in `context.requiredScopes`
 * and `errors[0].context.requiredGranularScopes`.
 *
 * Tokens: the seed's, plus the configured full-access token (all scopes, `*`)
 * and `sandbox-readonly-token` (every read scope, no write) unless the seed
 * defines them.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SeedToken } from './seed/types';
import type { SandboxState } from './state';
import { STANDARD_TYPES, CUSTOM_SCOPES } from './object-types';
import { apiError, type ApiResponse } from './errors';

export const DEFAULT_TOKEN = 'sandbox-token';
export const READONLY_TOKEN = 'sandbox-readonly-token';
export const ALL_SCOPES = '*';

/** Every read scope the sandbox checks (what the read-only token holds). */
export const READ_SCOPES = [
  ...new Set([
    ...STANDARD_TYPES.map((t) => t.scopes[0]).filter((s) => s.endsWith('.read')),
    CUSTOM_SCOPES[0],
    'crm.objects.owners.read',
    'crm.schemas.contacts.read',
    'crm.schemas.companies.read',
    'crm.schemas.deals.read',
    'crm.schemas.custom.read',
  ]),
];

export function builtInTokens(fullToken: string): SeedToken[] {
  return [
    { token: fullToken, scopes: [ALL_SCOPES] },
    { token: READONLY_TOKEN, scopes: READ_SCOPES },
  ];
}

const NO_CREDENTIALS =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

/** The token of a request, or the 401 to answer. */
export function authenticate(headers: IncomingHttpHeaders, state: SandboxState): SeedToken | ApiResponse {
  const header = headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return apiError(401, NO_CREDENTIALS, 'INVALID_AUTHENTICATION');
  const grant = state.tokens.get(m[1] as string);
  if (!grant) {
    return apiError(401, 'Authentication credentials not found. The access token in the Authorization header is not valid for any HubSpot account.', 'INVALID_AUTHENTICATION');
  }
  if (grant.expired) {
    return apiError(401, 'The OAuth token used to make this call expired. Refresh or replace the token.', 'EXPIRED_AUTHENTICATION', {
      context: { expired: ['true'] },
    });
  }
  return grant;
}

export function hasScope(token: SeedToken, scope: string): boolean {
  return token.scopes.includes(ALL_SCOPES) || token.scopes.includes(scope);
}

/** 403 MISSING_SCOPES when the token lacks every one of `anyOf`; undefined when allowed. */
export function checkScopes(token: SeedToken, anyOf: string[]): ApiResponse | undefined {
  if (anyOf.length === 0 || anyOf.some((s) => hasScope(token, s))) return undefined;
  return apiError(
    403,
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    'MISSING_SCOPES',
    {
      context: { requiredScopes: anyOf },
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: anyOf } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  );
}
