import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/messages/schemas';
import type { OpState } from '../../lib/options/controller';
import { formatDate } from '../../lib/options/format';
import { describeLearnMode, learnChoice, type LearnChoice } from '../../lib/options/learn-mode';
import { Badge } from './Badge';
import { ErrorAlert, ManagedNote, Notice } from './Alerts';

export interface LearnModeSectionProps {
  learn: Settings['learnMode'];
  lockedEnabled: boolean;
  lockedDays: boolean;
  op: OpState;
  now: number;
  onChoose: (choice: LearnChoice) => void;
  onDays: (days: number) => void;
}

const CHOICES: Array<{ value: LearnChoice; title: string; detail: (days: number) => string }> = [
  { value: 'auto', title: 'Automatic', detail: (days) => `On for the first ${days} days after install, then off.` },
  { value: 'on', title: 'Always on', detail: () => 'Every rule shows why it exists and where the SOP says so.' },
  { value: 'off', title: 'Off', detail: () => 'Rules show without their explanations (they stay one click away).' },
];

/** Learn mode: the sidebar explains every rule to new hires. */
export function LearnModeSection({ learn, lockedEnabled, lockedDays, op, now, onChoose, onDays }: LearnModeSectionProps) {
  const [days, setDays] = useState(String(learn.days));
  useEffect(() => setDays(String(learn.days)), [learn.days]);
  // The choice shows at once while it is saved; if saving fails, the saved one comes back with the error.
  const [chosen, setChosen] = useState<LearnChoice | null>(null);
  const choice = op.busy && chosen !== null ? chosen : learnChoice(learn.enabled);
  const daysNumber = Number(days);
  const daysValid = days.trim() !== '' && Number.isInteger(daysNumber) && daysNumber >= 0 && daysNumber <= 365;
  return (
    <section class="opt-card" aria-labelledby="learn-heading" id="learn-mode">
      <h2 id="learn-heading">Learn mode</h2>
      <p class="opt-intro">
        In learn mode the sidebar explains each rule — why it exists and the SOP sentence it comes from — for people new
        to the process.
      </p>
      <p class="opt-state" data-testid="learn-state">
        <Badge tone={learn.active ? 'ok' : 'neutral'}>{learn.active ? 'On now' : 'Off now'}</Badge>{' '}
        {describeLearnMode(learn, now)}
      </p>
      <fieldset class="opt-fieldset" disabled={lockedEnabled}>
        <legend>When to show explanations</legend>
        {CHOICES.map((c) => (
          <label class="opt-choice" key={c.value}>
            <input type="radio" name="learn-mode" value={c.value} checked={choice === c.value}
              disabled={lockedEnabled}
              onChange={() => {
                setChosen(c.value);
                onChoose(c.value);
              }}
            />
            <span>
              <span class="opt-choice__title">{c.title}</span>
              <span class="opt-choice__detail">{c.detail(learn.days)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {lockedEnabled ? <ManagedNote what={`learn mode is ${learn.enabled ? 'always on' : 'off'}`} /> : null}
      <form
        class="opt-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (daysValid) onDays(daysNumber);
        }}
      >
        <label class="opt-label" for="learn-days">
          Learning period after install (days)
        </label>
        <div class="opt-row">
          <input
            id="learn-days"
            class="opt-input opt-input--narrow"
            type="number"
            inputMode="numeric"
            min={0}
            max={365}
            step={1}
            value={days}
            disabled={lockedDays}
            aria-invalid={!daysValid}
            aria-describedby={daysValid ? 'learn-days-help' : 'learn-days-help learn-days-error'}
            onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="opt-button" disabled={lockedDays || op.busy || !daysValid || daysNumber === learn.days}>
            Save period
          </button>
        </div>
        <p class="opt-help" id="learn-days-help">
          Used by Automatic. Installed on {formatDate(learn.installedAt)}.
        </p>
        {!daysValid ? (
          <p class="opt-field-error" id="learn-days-error" role="alert">
            Enter a whole number of days from 0 to 365.
          </p>
        ) : null}
      </form>
      {lockedDays ? <ManagedNote what={`the learning period is ${learn.days} days`} /> : null}
      {op.error ? <ErrorAlert error={op.error} /> : null}
      <Notice text={op.notice} />
    </section>
  );
}
