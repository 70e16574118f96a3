import { useState } from 'preact/hooks';
import type { ApiTier } from '../../lib/messages/schemas';
import type { OpState } from '../../lib/options/controller';
import { TIER_CHOICES } from '../../lib/options/tiers';
import { ErrorAlert, ManagedNote, Notice } from './Alerts';

export interface ApiTierSectionProps {
  value: ApiTier | null;
  locked: boolean;
  op: OpState;
  onChange: (tier: ApiTier) => void;
}

/** HubSpot's API limit for the portal's plan: the background paces its requests to it. */
export function ApiTierSection({ value, locked, op, onChange }: ApiTierSectionProps) {
  // The choice shows at once while it is saved; if saving fails, the saved value comes back with the error.
  const [chosen, setChosen] = useState<ApiTier | null>(null);
  const shown = op.busy && chosen !== null ? chosen : value;
  return (
    <section class="opt-card" aria-labelledby="tier-heading" id="api-tier">
      <h2 id="tier-heading">API limit</h2>
      <p class="opt-intro">
        HubSpot allows each portal a number of API requests per 10 seconds, by plan. SOP Sidebar paces itself to stay
        under it, so reps and scans are never refused.
      </p>
      <fieldset class="opt-fieldset" disabled={locked} aria-describedby={locked ? 'tier-managed' : undefined}>
        <legend>Your portal’s HubSpot plan</legend>
        {TIER_CHOICES.map((choice) => (
          <label class="opt-choice" key={choice.value}>
            <input
              type="radio"
              name="api-tier"
              value={String(choice.value)}
              checked={shown === choice.value}
              disabled={locked}
              onChange={() => {
                setChosen(choice.value);
                onChange(choice.value);
              }}
            />
            <span>
              <span class="opt-choice__title">{choice.plan}</span>
              <span class="opt-choice__detail">{choice.detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {locked ? (
        <div id="tier-managed">
          <ManagedNote what="the API limit" />
        </div>
      ) : null}
      {op.error ? <ErrorAlert error={op.error} /> : null}
      <Notice text={op.notice} />
    </section>
  );
}
