/**
 * A pasted token, checked before it is sent: the background verifies it with
 * HubSpot, this only catches what is surely not a token (empty, spaces,
 * truncated), with words that say what to do.
 */

export function normalizeToken(text: string): string {
  return text.trim();
}

/** Why the text cannot be a private-app token, or null when it may be one. */
export function tokenInputProblem(text: string): string | null {
  const token = normalizeToken(text);
  if (token === '') return 'Paste the access token first.';
  if (/\s/.test(token)) return 'A token has no spaces or line breaks: copy it again from HubSpot, in one piece.';
  if (token.length < 8) return 'This is too short to be a HubSpot token: copy the whole access token.';
  if (token.length > 512) return 'This is too long to be a HubSpot token: copy only the access token.';
  return null;
}
