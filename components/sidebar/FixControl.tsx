import { useState } from 'preact/hooks';
import type { Fix } from '../../lib/rules/result';
import type { SidebarError } from '../../lib/content/view-model';
import { domId, recordLabel, sameRecord } from './format';
import { RecordLink } from './RecordLink';
import { useSidebar } from './sidebar-context';
import { errorSummary } from './error-text';

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'sent' }
  | { kind: 'queued' }
  | { kind: 'invalid'; message: string }
  | { kind: 'failed'; error: SidebarError };

/** Options a bool property offers when the portal sends none (HubSpot's wire values). */
const BOOL_OPTIONS = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

function inputKind(fix: Fix): 'select' | 'multi' | 'number' | 'date' | 'textarea' | 'text' {
  if (fix.type === 'enumeration' || fix.type === 'bool') return fix.multi ? 'multi' : 'select';
  if (fix.type === 'number') return 'number';
  if (fix.type === 'date' || fix.type === 'datetime') return 'date';
  return fix.fieldType === 'textarea' ? 'textarea' : 'text';
}

function optionsOf(fix: Fix) {
  const visible = fix.options.filter((o) => !o.hidden);
  return visible.length === 0 && fix.type === 'bool' ? BOOL_OPTIONS : visible;
}

/** Checks the value the way HubSpot will, so a bad value is caught before it is queued. */
function validate(fix: Fix, value: string): string | null {
  const kind = inputKind(fix);
  if (value.trim() === '') return kind === 'multi' ? 'Select at least one option.' : `Enter ${fix.label}.`;
  if (kind === 'number' && !Number.isFinite(Number(value))) return `${fix.label} must be a number.`;
  if (kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${fix.label} must be a date (YYYY-MM-DD).`;
  if (kind === 'select' || kind === 'multi') {
    const allowed = new Set(optionsOf(fix).map((o) => o.value));
    if (value.split(';').some((v) => !allowed.has(v))) return `Choose one of the listed options for ${fix.label}.`;
  }
  return null;
}

/** Sets one property in place, with the control its HubSpot type calls for (options narrowed to what the rule accepts). */
export function FixControl({ fix, ruleId }: { fix: Fix; ruleId: string }) {
  const { actions, record, names } = useSidebar();
  const kind = inputKind(fix);
  const options = optionsOf(fix);
  const [value, setValue] = useState(fix.suggested ?? '');
  const [targetIndex, setTargetIndex] = useState(0);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const base = domId('fix', ruleId, fix.property);
  const target = fix.targets[targetIndex] ?? fix.targets[0];
  const selected = new Set(value ? value.split(';') : []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = validate(fix, value);
    if (problem) return setState({ kind: 'invalid', message: problem });
    if (!target) return;
    setState({ kind: 'saving' });
    const shown = kind === 'select' || kind === 'multi'
      ? options.filter((o) => selected.has(o.value)).map((o) => o.label).join(', ')
      : value;
    const result = await actions.updateProperty({
      targets: [target],
      property: fix.property,
      value: value.trim(),
      label: `Set ${fix.label} to ${shown}`,
    });
    setState(result.ok ? { kind: result.sent ? 'sent' : 'queued' } : { kind: 'failed', error: result.error });
  };

  const toggle = (optionValue: string, checked: boolean) => {
    const next = new Set(selected);
    if (checked) next.add(optionValue);
    else next.delete(optionValue);
    // Keep the portal's option order in the `;`-joined wire value.
    setValue(options.filter((o) => next.has(o.value)).map((o) => o.value).join(';'));
  };

  const describedBy = `${base}-msg`;
  return (
    <form class="sop-fix" onSubmit={submit} data-fix-property={fix.property}>
      {fix.targets.length > 1 ? (
        <div class="sop-field">
          <label for={`${base}-target`}>Save on</label>
          <select id={`${base}-target`} value={String(targetIndex)} onChange={(e) => setTargetIndex(Number((e.currentTarget as HTMLSelectElement).value))}>
            {fix.targets.map((t, i) => (
              <option key={`${t.objectTypeId}/${t.id}`} value={String(i)}>{recordLabel(t, names)}</option>
            ))}
          </select>
        </div>
      ) : target && !sameRecord(target, record) ? (
        <p class="sop-fix__target">Saves on <RecordLink record={target} /></p>
      ) : null}

      {kind === 'multi' ? (
        <fieldset class="sop-field">
          <legend>{fix.label}</legend>
          {options.map((o) => (
            <label key={o.value} class="sop-check">
              <input type="checkbox" name={base} value={o.value} checked={selected.has(o.value)} onChange={(e) => toggle(o.value, (e.currentTarget as HTMLInputElement).checked)} />
              {o.label}
            </label>
          ))}
        </fieldset>
      ) : (
        <div class="sop-field">
          <label for={`${base}-value`}>{fix.label}</label>
          {kind === 'select' ? (
            <select id={`${base}-value`} value={value} aria-describedby={describedBy} onChange={(e) => setValue((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">Choose…</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          ) : kind === 'textarea' ? (
            <textarea id={`${base}-value`} rows={3} value={value} aria-describedby={describedBy} onInput={(e) => setValue((e.currentTarget as HTMLTextAreaElement).value)} />
          ) : kind === 'number' ? (
            <input id={`${base}-value`} type="number" step="any" value={value} aria-describedby={describedBy} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
          ) : kind === 'date' ? (
            <input id={`${base}-value`} type="date" value={value} aria-describedby={describedBy} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
          ) : (
            <input id={`${base}-value`} type="text" value={value} aria-describedby={describedBy} onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
          )}
        </div>
      )}
      <div class="sop-fix__row">
        <button type="submit" class="sop-button" disabled={state.kind === 'saving'}>
          {state.kind === 'saving' ? 'Saving…' : `Save ${fix.label}`}
        </button>
        <span id={describedBy} class={`sop-fix__msg sop-fix__msg--${state.kind}`} role="status">
          {state.kind === 'sent' ? 'Saved in HubSpot.' : null}
          {state.kind === 'queued' ? 'Queued: it will be sent when HubSpot is reachable.' : null}
          {state.kind === 'invalid' ? state.message : null}
          {state.kind === 'failed' ? `Not saved: ${errorSummary(state.error)}` : null}
        </span>
      </div>
    </form>
  );
}
