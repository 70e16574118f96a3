import { useEffect, useRef, useState } from 'preact/hooks';
import type { CadenceResult, CallLogSpec } from '../../lib/rules/result';
import type { CadenceAfterCall, CallDraft, SidebarError } from '../../lib/content/view-model';
import { errorSummary } from '../sidebar/error-text';
import { useSidebar } from '../sidebar/sidebar-context';
import { CadencePreview } from './CadencePreview';
import { emptyDraft, isCheckIn, validateDraft, type DraftErrors } from '../../lib/content/call-draft';

export interface CallLogFormProps {
  spec: CallLogSpec;
  /** The Client Hub cadence, when the record has one (CH-8 preview). */
  cadence: CadenceResult | null;
}

type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; sent: boolean; after: CadenceAfterCall | null } | { kind: 'failed'; error: SidebarError };

const SAVE_DELAY_MS = 300;

/**
 * The guided call log (CH-2, CH-3): the selects offer only the playbook's
 * options, the form says whether the call counts as a check-in, and the draft
 * is kept per record by the extension until HubSpot accepts the call.
 */
export function CallLogForm({ spec, cadence }: CallLogFormProps) {
  const { actions, now } = useSidebar();
  const [draft, setDraft] = useState<CallDraft>(() => emptyDraft(now));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [state, setState] = useState<SendState>({ kind: 'idle' });
  const loaded = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    let live = true;
    void actions.loadDraft().then((saved) => {
      if (live && saved) setDraft(saved);
      loaded.current = true;
    });
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [actions]);

  const update = (patch: Partial<CallDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (Object.keys(errors).length > 0) setErrors(validateDraft(spec, next));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void actions.saveDraft(next), SAVE_DELAY_MS);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems = validateDraft(spec, draft);
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    if (timer.current) clearTimeout(timer.current);
    // Persist before sending: a crash or a failed send must not lose the notes.
    await actions.saveDraft(draft);
    setState({ kind: 'sending' });
    const result = await actions.logCall(draft);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    await actions.saveDraft(null);
    setDraft(emptyDraft(Date.now()));
    setState({ kind: 'done', sent: result.sent, after: result.cadence });
  };

  const checkIn = isCheckIn(spec, draft);
  const touched = draft.outcomeId !== '' && draft.type !== '' && draft.direction !== '';
  const err = (field: keyof CallDraft) =>
    errors[field] ? (
      <p id={`sop-call-${field}-error`} class="sop-error-text">
        {errors[field]}
      </p>
    ) : null;
  const invalid = (field: keyof CallDraft) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `sop-call-${field}-error` } : {};

  return (
    <section class="sop-section" aria-labelledby="sop-section-call" data-section="call-log">
      <h3 id="sop-section-call">Log a call</h3>
      <div class="sop-callhelp">
        <p>
          <strong>Check-in call:</strong> {spec.checkIn.explanation}
        </p>
        <p>
          <strong>Any other call:</strong> {spec.otherCallsExplanation}
        </p>
      </div>
      <form class="sop-form" onSubmit={submit} noValidate>
        <div class="sop-field">
          <label for="sop-call-outcome">Call outcome</label>
          <select id="sop-call-outcome" value={draft.outcomeId} onChange={(e) => update({ outcomeId: (e.currentTarget as HTMLSelectElement).value })} {...invalid('outcomeId')}>
            <option value="">Choose…</option>
            {spec.outcomes.map((o) => (
              <option key={o.id} value={o.id}>{o.label}</option>
            ))}
          </select>
          {err('outcomeId')}
        </div>
        <div class="sop-field">
          <label for="sop-call-type">Call type</label>
          <select id="sop-call-type" value={draft.type} onChange={(e) => update({ type: (e.currentTarget as HTMLSelectElement).value })} {...invalid('type')}>
            <option value="">Choose…</option>
            {spec.types.map((t) => (
              <option key={t.value} value={t.value}>{t.label}</option>
            ))}
          </select>
          {err('type')}
        </div>
        <div class="sop-field">
          <label for="sop-call-direction">Direction</label>
          <select id="sop-call-direction" value={draft.direction} onChange={(e) => update({ direction: (e.currentTarget as HTMLSelectElement).value })} {...invalid('direction')}>
            <option value="">Choose…</option>
            {spec.directions.map((d) => (
              <option key={d.value} value={d.value}>{d.label}</option>
            ))}
          </select>
          {err('direction')}
        </div>
        <div class="sop-field">
          <label for="sop-call-when">When</label>
          <input id="sop-call-when" type="datetime-local" value={draft.when} onInput={(e) => update({ when: (e.currentTarget as HTMLInputElement).value })} {...invalid('when')} />
          {err('when')}
        </div>
        <div class="sop-field">
          <label for="sop-call-body">Breakdown of the conversation</label>
          <p id="sop-call-body-help" class="sop-help">{spec.bodyPrompt}</p>
          <textarea
            id="sop-call-body"
            rows={5}
            value={draft.body}
            onInput={(e) => update({ body: (e.currentTarget as HTMLTextAreaElement).value })}
            aria-describedby={errors.body ? 'sop-call-body-help sop-call-body-error' : 'sop-call-body-help'}
            aria-invalid={errors.body ? true : undefined}
          />
          {err('body')}
        </div>
        <p class="sop-callkind" role="status" data-check-in={touched ? String(checkIn) : 'undecided'}>
          {!touched
            ? ''
            : checkIn
              ? 'This call counts as a check-in: it moves the check-in cadence.'
              : 'This call is not a check-in: it is logged but does not move the check-in cadence.'}
        </p>
        <button type="submit" class="sop-button sop-button--primary" disabled={state.kind === 'sending'}>
          {state.kind === 'sending' ? 'Logging…' : 'Log call'}
        </button>
        <p role="status" class="sop-fix__msg">
          {state.kind === 'done' ? (state.sent ? 'Call logged in HubSpot.' : 'Call queued: it will be logged when HubSpot is reachable.') : null}
          {state.kind === 'failed' ? `Not logged (your draft is kept): ${errorSummary(state.error)}` : null}
        </p>
      </form>
      {cadence && state.kind === 'done' && state.after ? <CadencePreview cadence={cadence} after={state.after} /> : null}
    </section>
  );
}
