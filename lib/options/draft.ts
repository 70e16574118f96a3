/**
 * The playbook being edited in place: JSON syntax first (with the line and
 * column of the mistake), then validatePlaybook, run here in the page — it is
 * pure — so errors show as the admin types. Every error keeps its JSON path
 * and gets the line it points at.
 */
import type { Playbook } from '../playbook/types';
import { validatePlaybook } from '../playbook/validate';
import { lineColumn, locatePaths } from './json-locate';

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

/** V8 (Chrome, Node) and SpiderMonkey (Firefox) say where JSON.parse stopped in different words. */
function syntaxOffset(message: string, text: string): number | null {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) {
    const [line, column] = [Number(lineCol[1]), Number(lineCol[2])];
    let offset = 0;
    for (let l = 1; l < line; l++) {
      const next = text.indexOf('\n', offset);
      if (next < 0) return null;
      offset = next + 1;
    }
    return offset + column - 1;
  }
  if (/unexpected end/i.test(message)) return text.length;
  return null;
}

export function checkDraft(text: string): DraftCheck {
  if (text.trim() === '') {
    return { ok: false, syntax: true, errors: [{ path: '$', message: 'The playbook is empty: paste or type its JSON.', line: null, column: null, offset: null }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const offset = syntaxOffset(raw, text);
    const where = offset === null ? null : lineColumn(text, offset);
    // Strip the engine's own location (it is shown as line/column instead).
    const reason = raw.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/, '').replace(/ at line \d+ column \d+ of the JSON data$/, '');
    return {
      ok: false,
      syntax: true,
      errors: [{
        path: '$',
        message: `Not valid JSON: ${reason}${where ? ` (line ${where.line}, column ${where.column})` : ''}`,
        line: where?.line ?? null,
        column: where?.column ?? null,
        offset,
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
