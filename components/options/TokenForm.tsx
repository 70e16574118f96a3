import { useState } from 'preact/hooks';
import { TOKEN_WHERE } from '../../lib/options/error-text';

export interface TokenFormProps {
  /** A token is saved already: the form replaces it. */
  replacing: boolean;
  busy: boolean;
  /** Verifies and saves; resolves true when saved (the field is then cleared). */
  onSave: (token: string) => Promise<boolean>;
  /** Id of the error shown for this form, for aria-describedby. */
  errorId?: string | undefined;
}

/** Paste a private-app token (masked, with show/hide), then Verify and save. */
export function TokenForm({ replacing, busy, onSave, errorId }: TokenFormProps) {
  const [value, setValue] = useState('');
  const [shown, setShown] = useState(false);
  const describedBy = ['token-help', errorId].filter(Boolean).join(' ');
  // Same element either way (Preact keeps the node): only the masking changes, not focus or caret.
  const inputProps = {
    id: 'token-input',
    name: 'token',
    class: 'opt-input opt-input--mono',
    value,
    onInput: (e: Event) => setValue((e.currentTarget as HTMLInputElement).value),
    autocomplete: 'off' as const,
    spellcheck: false,
    autoCapitalize: 'off' as const,
    placeholder: 'pat-na1-…',
    'aria-describedby': describedBy,
    'data-testid': 'token-input',
  };
  return (
    <form
      class="opt-token-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (busy) return;
        if (await onSave(value)) {
          setValue('');
          setShown(false);
        }
      }}
    >
      <label class="opt-label" for="token-input">
        {replacing ? 'Replace with a new access token' : 'Private app access token'}
      </label>
      <div class="opt-token-row">
        {shown ? <input type="text" {...inputProps} /> : <input type="password" {...inputProps} />}
        <button
          type="button"
          class="opt-button"
          aria-pressed={shown}
          aria-controls="token-input"
          onClick={() => setShown(!shown)}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
        <button type="submit" class="opt-button opt-button--primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Verifying…' : 'Verify and save'}
        </button>
      </div>
      <p class="opt-help" id="token-help">
        In {TOKEN_WHERE}, copy the access token. It is checked with HubSpot before it is saved, kept in this browser
        only, and never shown again.
      </p>
    </form>
  );
}
