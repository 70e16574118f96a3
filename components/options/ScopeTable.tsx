import { featureRows, otherMissingScopes } from '../../lib/options/scopes';
import { Badge } from './Badge';

export interface ScopeTableProps {
  missingScopes: readonly string[];
  /** A token is saved: show what HubSpot reported about it. */
  hasToken: boolean;
}

/**
 * Which scope each feature needs and, with a token, which are missing.
 * HubSpot cannot list a private app's scopes: "missing" means HubSpot refused
 * a request for lack of it; otherwise nothing has been refused so far.
 */
export function ScopeTable({ missingScopes, hasToken }: ScopeTableProps) {
  const rows = featureRows(missingScopes);
  const blocked = rows.filter((r) => r.blocked);
  const others = otherMissingScopes(missingScopes);
  return (
    <div class="opt-scopes">
      {hasToken && blocked.length > 0 ? (
        <div class="opt-alert opt-alert--warning" data-testid="blocked-features">
          <p class="opt-alert__title">Switched off until the private app gets these scopes:</p>
          <ul>
            {blocked.map((r) => (
              <li key={r.feature.id}>{r.sentence}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="opt-table-wrap">
        <table class="opt-table" data-testid="scope-table">
          <caption>
            Scopes to grant the private app, by feature.
            {hasToken ? ' HubSpot does not let extensions list a token’s scopes: a scope shows as missing once HubSpot refuses a request for it.' : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Feature</th>
              <th scope="col">Needs scope</th>
              {hasToken ? <th scope="col">Status</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.feature.id} data-feature={row.feature.id} data-blocked={row.blocked ? 'true' : 'false'}>
                <th scope="row">{row.feature.name}</th>
                <td>
                  <ul class="opt-scope-list">
                    {row.scopes.map(({ need, missing }) => (
                      <li key={need.scope} class={hasToken && missing ? 'opt-scope opt-scope--missing' : 'opt-scope'}>
                        <code>{need.scope}</code>
                        {need.alternatives?.length ? (
                          <span class="opt-muted">
                            {' '}
                            (or {need.alternatives.map((alt) => <code key={alt}>{alt}</code>)})
                          </span>
                        ) : null}
                        {need.purpose ? <span class="opt-muted"> — {need.purpose}</span> : null}
                      </li>
                    ))}
                  </ul>
                </td>
                {hasToken ? (
                  <td>
                    {row.blocked ? (
                      <Badge tone="error">Missing</Badge>
                    ) : (
                      <span class="opt-scope-ok">Not refused so far</span>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {hasToken && others.length > 0 ? (
        <p class="opt-help">
          HubSpot also reported missing: {others.map((s, i) => (
            <span key={s}>
              {i > 0 ? ', ' : ''}
              <code>{s}</code>
            </span>
          ))}
          .
        </p>
      ) : null}
    </div>
  );
}
