import type { Status } from '../../lib/messages/schemas';
import { formatDateTime } from '../../lib/options/format';
import { statusText } from '../../lib/options/status-text';
import { Badge } from './Badge';

export interface PortalDetailsProps {
  status: Status;
}

/**
 * The verified portal and the token's state. Never the token itself.
 * HubSpot's account details have no account name, so the portal id and
 * domain identify the portal.
 */
export function PortalDetails({ status }: PortalDetailsProps) {
  const text = statusText(status);
  const rows: Array<[string, string]> = [];
  if (status.portalId !== null) rows.push(['Portal ID', String(status.portalId)]);
  if (status.uiDomain) rows.push(['HubSpot domain', status.uiDomain]);
  if (status.timeZone) rows.push(['Time zone', status.timeZone]);
  if (status.companyCurrency) rows.push(['Currency', status.companyCurrency]);
  if (status.dataHostingLocation) rows.push(['Data hosting', status.dataHostingLocation]);
  if (status.verifiedAt) rows.push(['Last verified', formatDateTime(status.verifiedAt)]);
  return (
    <div class="opt-portal" data-token-state={status.token}>
      <div class="opt-portal__head">
        <Badge tone={text.tone}>{text.label}</Badge>
        <p class="opt-portal__detail">{text.detail}</p>
      </div>
      {rows.length > 0 ? (
        <dl class="opt-facts" data-testid="portal-details">
          {rows.map(([term, value]) => (
            <div class="opt-facts__row" key={term}>
              <dt>{term}</dt>
              <dd data-fact={term}>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {status.outbox.pending + status.outbox.failed > 0 ? (
        <p class="opt-help">
          Changes waiting to reach HubSpot: {status.outbox.pending} pending, {status.outbox.failed} failed (see the sidebar’s
          outbox).
        </p>
      ) : null}
    </div>
  );
}
