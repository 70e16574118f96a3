/** The token/limit state (Status.token) in words, with a tone for the badge. */
import type { Status, TokenState } from '../messages/schemas';
import { formatTime } from './format';

export type Tone = 'ok' | 'warning' | 'error' | 'neutral';

export interface StatusText {
  label: string;
  tone: Tone;
  /** One sentence on what it means and what to do. */
  detail: string;
}

const BASE: Record<TokenState, StatusText> = {
  none: { label: 'Not connected', tone: 'neutral', detail: 'No token is saved yet. The sidebar stays empty until one is.' },
  ok: { label: 'Connected', tone: 'ok', detail: 'HubSpot accepted the token.' },
  invalid: { label: 'Refused', tone: 'error', detail: 'HubSpot no longer accepts the saved token. Paste a current one.' },
  expired: { label: 'Expired', tone: 'error', detail: 'The saved token has expired or was rotated. Paste the current one.' },
  'wrong-portal': { label: 'Other portal', tone: 'error', detail: 'The token belongs to another portal than the one asked about.' },
  'missing-scopes': { label: 'Missing scopes', tone: 'warning', detail: 'HubSpot refused some requests: the private app lacks scopes. See the table below.' },
  'rate-limited': { label: 'Rate limited', tone: 'warning', detail: 'HubSpot asked to slow down; requests wait and resume by themselves.' },
  'daily-limit': { label: 'Daily limit reached', tone: 'warning', detail: 'The portal’s daily API limit is used up; cached checks stay available.' },
  offline: { label: 'Offline', tone: 'warning', detail: 'HubSpot cannot be reached; changes are kept and sent when it is back.' },
};

export function statusText(status: Pick<Status, 'token' | 'retryAt'>): StatusText {
  const base = BASE[status.token];
  if ((status.token === 'rate-limited' || status.token === 'daily-limit') && status.retryAt) {
    return { ...base, detail: `${base.detail} Until ${formatTime(status.retryAt)}.` };
  }
  return base;
}
