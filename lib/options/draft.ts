/**
 * The playbook being edited in place: JSON syntax first (with the line and
 * column of the mistake), then validatePlaybook, run here in the page — it is
 * pure — so errors show as the admin types. Every error keeps its JSON path
 * and gets the line it points at.
 */
import type { Playbook } from '../playbook/types';
import { validatePlaybook } from '../playbook/validate';
import { findJsonSyntaxError, lineColumn, locatePaths } from './json-locate';

export interface DraftError {
  path: string;
  message: string;
  /** 1-based line and column in the text, when known. */
  line: number | null;
  column: number | null;
  offset: number | null;
}

export type DraftCheck =
  | { ok: true; playbook: Playbook }
  | { ok: false; syntax: boolean; errors: DraftError[] };

export function checkDraft(text: string): DraftCheck {
  if (text.trim() === '') {
    return { ok: false, syntax: true, errors: [{ path: '$', message: 'The playbook is empty: paste or type its JSON.', line: null, column: null, offset: null }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    // Our own scanner says where and why, the same in every browser; the engine's words are the fallback.
    const found = findJsonSyntaxError(text);
    const reason = found?.reason ?? (err instanceof Error ? err.message : String(err));
    const where = found ? lineColumn(text, found.offset) : null;
    return {
      ok: false,
      syntax: true,
      errors: [{
        path: '$',
        message: `Not valid JSON: ${reason}${where ? ` (line ${where.line}, column ${where.column})` : ''}`,
        line: where?.line ?? null,
        column: where?.column ?? null,
        offset: found?.offset ?? null,
      }],
    };
  }
  const result = validatePlaybook(data);
  if (result.ok) return { ok: true, playbook: result.playbook };
  const located = locatePaths(text, result.errors.map((e) => e.path));
  return {
    ok: false,
    syntax: false,
    errors: result.errors.map((e) => {
      const at = located?.get(e.path);
      return { path: e.path, message: e.message, line: at?.line ?? null, column: at?.column ?? null, offset: at?.offset ?? null };
    }),
  };
}
