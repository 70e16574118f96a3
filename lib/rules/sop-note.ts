/**
 * SOP-2: the `#S&OP` note the product writes on the deal: the body starts
 * with the playbook's tag and lists every SOP-1 item with its value (option
 * labels). Every value from HubSpot is HTML-escaped: the note body is
 * rendered as HTML in HubSpot.
 */
import type { Playbook } from '../playbook/types';
import type { PortalMeta, Snapshot } from './snapshot';
import type { ChecklistRow, Evaluation } from './result';
import { aliasOf, getEnv } from './resolve';
import { Ctx, keyOf } from './context';
import { checklistRows } from './checklist';
import { escapeHtml } from './values';

export interface SopNote {
  html: string;
  rows: ChecklistRow[];
  missing: ChecklistRow[];
}

const EMPTY_PORTAL: PortalMeta = { portalId: 0, timeZone: 'UTC', pipelines: {}, properties: {}, owners: [], callDispositions: [], schemas: [] };

/** The tag as the body's first characters: markup escaped, but `&` kept unless it would start a character reference. */
function tagHtml(tag: string): string {
  let out = '';
  for (let i = 0; i < tag.length; i++) {
    const ch = tag[i]!;
    if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&' && /^&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(tag.slice(i))) out += '&amp;';
    else out += ch;
  }
  return out;
}

export function buildSopNote(snapshot: Snapshot, playbook: Playbook, evaluation?: Evaluation): SopNote {
  const note = playbook.sopNote;
  const tag = note?.tag ?? '';
  let rows: ChecklistRow[] = [];
  if (evaluation && evaluation.result.kind === 'deal' && evaluation.result.sop) rows = evaluation.result.sop.rows;
  else if (note) {
    const portal = snapshot && typeof snapshot.portal === 'object' && snapshot.portal ? snapshot.portal : EMPTY_PORTAL;
    const env = getEnv(playbook, portal);
    const ctx = new Ctx(env, snapshot, 0);
    const focus = snapshot.focus;
    const alias = focus ? aliasOf(env, focus.objectTypeId) : null;
    if (focus && alias) rows = checklistRows(ctx, ctx.record(keyOf(focus)) ?? { ...focus, properties: {} }, alias, note.checklist);
  }
  const groups: Array<{ label: string; rows: ChecklistRow[] }> = [];
  for (const r of rows) {
    let g = groups.find((x) => x.label === r.objectLabel);
    if (!g) groups.push((g = { label: r.objectLabel, rows: [] }));
    g.rows.push(r);
  }
  let html = tagHtml(tag);
  for (const g of groups) {
    html += `<p><strong>${escapeHtml(g.label)}</strong></p><ul>`;
    for (const r of g.rows) html += `<li><strong>${escapeHtml(r.label)}:</strong> ${r.value === null ? '—' : escapeHtml(r.value)}</li>`;
    html += '</ul>';
  }
  return { html, rows, missing: rows.filter((r) => !r.known) };
}
