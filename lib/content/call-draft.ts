/**
 * The guided call log's rules on a draft (CH-2, CH-3): what counts as a
 * check-in and what the rep still has to fill in. Pure, shared by the form
 * and its tests.
 */
import type { CallLogSpec } from '../rules/result';
import type { CallDraft } from './view-model';

/** Call properties the form's fields write. */
export const FIELD_PROPERTY = {
  outcomeId: 'hs_call_disposition',
  type: 'hs_activity_type',
  direction: 'hs_call_direction',
  body: 'hs_call_body',
  when: 'hs_timestamp',
} as const satisfies Record<keyof CallDraft, string>;

/** HubSpot's limit for a call body (hs_call_body, like hs_note_body). */
export const CALL_BODY_MAX = 65_536;

/**
 * The rep types plain text; HubSpot renders `hs_call_body` as HTML. So the
 * text is HTML-escaped (a typed `<b>` stays text, nothing from the page or
 * the rep becomes markup) and line breaks become `<br>`.
 */
export function plainTextToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return escaped.replace(/\r\n|\r|\n/g, '<br>');
}

export type DraftErrors = Partial<Record<keyof CallDraft, string>>;

export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function emptyDraft(now: number): CallDraft {
  return { outcomeId: '', type: '', direction: '', body: '', when: localDateTime(now) };
}

/** CH-2: Connected outcome, a check-in type and an allowed direction. */
export function isCheckIn(spec: CallLogSpec, draft: CallDraft): boolean {
  return (
    spec.checkIn.outcomeIds.includes(draft.outcomeId) &&
    spec.checkIn.types.includes(draft.type) &&
    spec.checkIn.directions.includes(draft.direction)
  );
}

/** Every problem with the draft, by field; empty when it can be logged. */
export function validateDraft(spec: CallLogSpec, draft: CallDraft): DraftErrors {
  const errors: DraftErrors = {};
  const required = new Set(spec.required);
  if (!spec.outcomes.some((o) => o.id === draft.outcomeId)) errors.outcomeId = 'Choose the call outcome.';
  if (!spec.types.some((t) => t.value === draft.type)) errors.type = 'Choose the call type.';
  if (!spec.directions.some((d) => d.value === draft.direction)) errors.direction = 'Choose the call direction.';
  if (required.has(FIELD_PROPERTY.body) && draft.body.trim() === '') errors.body = 'Write the breakdown of the conversation.';
  else if (plainTextToHtml(draft.body).length > CALL_BODY_MAX) errors.body = 'The breakdown is too long for HubSpot; shorten it.';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(draft.when) || Number.isNaN(new Date(draft.when).getTime())) {
    errors.when = 'Enter when the call happened.';
  }
  return errors;
}

/** A stored draft from an older form or a tampered store: keep only well-formed string fields. */
export function sanitizeDraft(value: unknown, now: number): CallDraft | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const base = emptyDraft(now);
  const pick = (k: keyof CallDraft) => (typeof v[k] === 'string' ? (v[k] as string).slice(0, 65_536) : base[k]);
  return { outcomeId: pick('outcomeId'), type: pick('type'), direction: pick('direction'), body: pick('body'), when: pick('when') };
}
