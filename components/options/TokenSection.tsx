import { useState } from 'preact/hooks';
import type { Status } from '../../lib/messages/schemas';
import type { OptionsState } from '../../lib/options/controller';
import { ErrorAlert, ManagedNote, Notice } from './Alerts';
import { ConfirmBar } from './ConfirmBar';
import { PortalDetails } from './PortalDetails';
import { ScopeTable } from './ScopeTable';
import { TokenForm } from './TokenForm';

export interface TokenSectionProps {
  status: Status | null;
  op: OptionsState['token'];
  allowedPortalIds: number[] | null;
  onSave: (token: string) => Promise<boolean>;
  onVerify: () => void;
  onRemove: () => void;
}

export function TokenSection({ status, op, allowedPortalIds, onSave, onVerify, onRemove }: TokenSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const hasToken = status !== null && status.token !== 'none';
  const note =
    op.action === 'save' ? (hasToken ? 'Your saved token was not changed.' : 'Nothing was saved.') : undefined;
  return (
    <section class="opt-card" aria-labelledby="token-heading" id="token">
      <h2 id="token-heading">HubSpot token</h2>
      <p class="opt-intro">
        SOP Sidebar reads and updates HubSpot with your private app’s access token. Only the extension’s background uses
        it; the sidebar and this page never see it again once saved.
      </p>
      {status ? <PortalDetails status={status} /> : null}
      {hasToken ? (
        confirming ? (
          <ConfirmBar
            question="Remove the token from this browser? The sidebar stops working until a new one is saved."
            confirmLabel="Remove token"
            danger
            busy={op.busy}
            onConfirm={() => {
              setConfirming(false);
              onRemove();
            }}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <div class="opt-actions">
            <button type="button" class="opt-button" onClick={onVerify} disabled={op.busy} aria-busy={op.busy && op.action === 'verify'}>
              {op.busy && op.action === 'verify' ? 'Verifying…' : 'Verify again'}
            </button>
            <button type="button" class="opt-button opt-button--danger-outline" onClick={() => setConfirming(true)} disabled={op.busy}>
              Remove token
            </button>
          </div>
        )
      ) : null}
      <TokenForm replacing={hasToken} busy={op.busy && op.action === 'save'} onSave={onSave} errorId={op.error ? 'token-error' : undefined} />
      {op.error ? <ErrorAlert error={op.error} note={note} id="token-error" /> : null}
      <Notice text={op.notice} />
      {allowedPortalIds ? (
        <ManagedNote what={`only ${allowedPortalIds.length === 1 ? 'portal' : 'portals'} ${allowedPortalIds.join(', ')} may be used`} />
      ) : null}
      <h3 class="opt-subheading">Scopes</h3>
      <ScopeTable missingScopes={status?.missingScopes ?? []} hasToken={hasToken} />
    </section>
  );
}
