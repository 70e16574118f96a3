import { useRef } from 'preact/hooks';
import type { EditorState, RejectedPlaybook } from '../../lib/options/controller';
import { plural } from '../../lib/options/format';
import { FieldErrorList, type ListedError } from './FieldErrorList';

export interface PlaybookEditorProps {
  editor: EditorState;
  /** The background refused the saved draft (checked again there). */
  rejected: RejectedPlaybook | null;
  busy: boolean;
  lintBusy: boolean;
  onChange: (text: string) => void;
  onSave: () => void;
  onClose: () => void;
  onLint: () => void;
}

/**
 * The active playbook's JSON, editable, validated as you type (in the page,
 * with the same validator the background uses). Save is off while the text is
 * invalid; errors list their JSON path and the line they point at.
 */
export function PlaybookEditor({ editor, rejected, busy, lintBusy, onChange, onSave, onClose, onLint }: PlaybookEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const check = editor.check;
  const errors: ListedError[] = check && !check.ok ? check.errors : [];
  const valid = !editor.pending && check?.ok === true;
  const ruleCount = check?.ok ? check.playbook.rules.length : 0;

  const goTo = (error: ListedError) => {
    const el = area.current;
    const offset = error.offset;
    if (!el || offset === null || offset === undefined) return;
    el.focus();
    el.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, ((error.line ?? 1) - 4) * lineHeight);
  };

  let summary: string;
  if (editor.pending || !check) summary = 'Checking…';
  else if (check.ok) summary = editor.dirty ? `Valid: ${plural(ruleCount, 'rule')}. Save to make it the active playbook.` : `Valid: ${plural(ruleCount, 'rule')}. No changes yet.`;
  else summary = `${plural(errors.length, 'problem')} — Save is off until ${errors.length === 1 ? 'it is' : 'they are'} fixed.`;

  return (
    <div class="opt-editor" data-testid="playbook-editor">
      <label class="opt-label" for="playbook-json">
        Playbook JSON
      </label>
      <p class="opt-help" id="playbook-json-help">
        Edit the rules, labels and property names here; docs/playbook.md describes the format. Changes take effect when
        saved.
      </p>
      <textarea
        id="playbook-json"
        ref={area}
        class="opt-code"
        spellcheck={false}
        autoCapitalize="off"
        autocomplete="off"
        wrap="off"
        rows={22}
        value={editor.text}
        aria-describedby="playbook-json-help playbook-json-status"
        aria-invalid={check !== null && !check.ok}
        onInput={(e) => onChange((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <p
        id="playbook-json-status"
        class={`opt-editor__status ${editor.pending || !check ? '' : check.ok ? 'opt-editor__status--ok' : 'opt-editor__status--error'}`}
        aria-live="polite"
        data-testid="editor-status"
        data-valid={valid ? 'true' : 'false'}
      >
        {summary}
      </p>
      {errors.length > 0 && !editor.pending ? <FieldErrorList errors={errors} label="Problems in the edited playbook" onGoTo={goTo} /> : null}
      {rejected && rejected.from === 'editor' ? (
        <div class="opt-alert opt-alert--error" role="alert">
          <p class="opt-alert__title">The background refused the edited playbook; the active one was not changed.</p>
          <FieldErrorList errors={rejected.errors} label="Problems found when saving" />
        </div>
      ) : null}
      <div class="opt-actions">
        <button type="button" class="opt-button opt-button--primary" onClick={onSave} disabled={!valid || !editor.dirty || busy} aria-busy={busy}>
          {busy ? 'Saving…' : 'Save playbook'}
        </button>
        <button type="button" class="opt-button" onClick={onLint} disabled={!valid || lintBusy}>
          Check draft against the portal
        </button>
        <button type="button" class="opt-button opt-button--ghost" onClick={onClose}>
          {editor.dirty ? 'Discard changes' : 'Close editor'}
        </button>
      </div>
    </div>
  );
}
