/**
 * A deal's result: pipeline and stage, the stage path with each stage's open
 * items, the next stage, the S&OP checklist (SOP-1) with the existing
 * `#S&OP` note, and the buying committee (ACC-7) from the deal→contact
 * association labels.
 */
import type { RecordData } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { CommitteeMember, DealResult, Finding, StagePathEntry } from './result';
import type { Ctx } from './context';
import type { PipeInfo, StageInfo } from './resolve';
import { aliasOf } from './resolve';
import { engagementTime, refOf } from './context';
import { checklistRows } from './checklist';
import { rulesFor } from './rules';
import { stageHistory } from './history';
import { htmlText, isBlank, normLabel } from './values';

function openItems(findings: Finding[], label: string): number {
  let n = 0;
  for (const f of findings) {
    if (f.stage !== label || f.severity !== 'required' || (f.status !== 'missing' && f.status !== 'violation')) continue;
    let items = 0;
    for (const i of f.items) if (i.status === 'missing') items++;
    n += items || 1;
  }
  return n;
}

function path(ctx: Ctx, rec: RecordData, pipe: PipeInfo | null, cur: StageInfo | null, findings: Finding[]): StagePathEntry[] {
  if (!pipe) return [];
  let reached = -1;
  if (cur?.lost) {
    for (const h of stageHistory(ctx, rec) ?? []) {
      const s = pipe.stageById.get(h.stageId);
      if (s && !s.isClosed && s.rank > reached) reached = s.rank;
    }
  }
  return pipe.stages.map((s) => {
    let state: StagePathEntry['state'] = 'upcoming';
    if (cur) {
      if (s.isClosed) state = s.id === cur.id ? (s.lost ? 'lost' : 'won') : 'upcoming';
      else if (cur.won) state = 'done';
      else if (cur.lost) state = s.rank <= reached ? 'done' : 'upcoming';
      else state = s.rank < cur.rank ? 'done' : s.id === cur.id ? 'current' : 'upcoming';
    }
    return { id: s.id, label: s.label, probability: s.probability, state, openItems: openItems(findings, s.label) };
  });
}

export function nextStageOf(pipe: PipeInfo | null, cur: StageInfo | null): StageInfo | null {
  if (!pipe || !cur || cur.isClosed) return null;
  return pipe.open.find((s) => s.rank === cur.rank + 1) ?? pipe.won ?? null;
}

/** The latest note on the record whose body (HTML-decoded) contains the tag (SALES-PRO-8, SOP-2). */
export function taggedNoteId(ctx: Ctx, rec: RecordData, tag: string): string | null {
  const list = ctx.engagements(rec.objectTypeId + '/' + rec.id);
  if (!list || !tag) return null;
  const needle = tag.toLowerCase();
  let best: { id: string; at: number } | null = null;
  for (const e of list) {
    if (!e || e.type !== 'note') continue;
    const body = e.properties?.hs_note_body;
    if (typeof body !== 'string' || !htmlText(body).toLowerCase().includes(needle)) continue;
    const at = engagementTime(e) ?? -Infinity;
    if (!best || at > best.at) best = { id: e.id, at };
  }
  return best ? best.id : null;
}

function committee(ctx: Ctx, rec: RecordData, alias: string, finding: Finding | undefined): DealResult['committee'] {
  if (!finding) return null;
  const contactAlias = aliasOf(ctx.env, OBJECT_TYPE.contact);
  const roles = new Map<string, string>();
  for (const l of ctx.env.playbook.associations?.labels ?? []) {
    if (l.from === alias && l.to === contactAlias) roles.set(normLabel(l.label), l.label);
  }
  const nameProps = contactAlias ? ctx.env.objects.get(contactAlias)?.nameProperties ?? [] : [];
  const members: CommitteeMember[] = [];
  for (const e of ctx.assoc(rec.objectTypeId + '/' + rec.id, OBJECT_TYPE.contact).edges) {
    if (members.some((m) => m.contact.id === refOf(e.to).id)) continue;
    const c = ctx.record(e.to);
    const name = c ? nameProps.map((p) => c.properties[p]).filter((v) => typeof v === 'string' && !isBlank(v)).join(' ') : '';
    const memberRoles: string[] = [];
    for (const t of e.types ?? []) {
      const r = t && typeof t.label === 'string' ? roles.get(normLabel(t.label)) : undefined;
      if (r && !memberRoles.includes(r)) memberRoles.push(r);
    }
    members.push({ contact: refOf(e.to), name: name || `Contact ${refOf(e.to).id}`, roles: memberRoles });
  }
  return { members, status: finding.status };
}

export function dealResult(ctx: Ctx, rec: RecordData, alias: string, findings: Finding[]): DealResult {
  const pos = ctx.stageOf(rec);
  const pipe = pos.pipe;
  const cur = pos.stage;
  const next = nextStageOf(pipe, cur);
  let sop: DealResult['sop'] = null;
  const rules = rulesFor(ctx.env, alias);
  const list = ctx.env.playbook.sopNote?.checklist ?? rules.find((r) => r.checklist !== null)?.checklist ?? null;
  const sopRule = rules.find((r) => r.checklist === list);
  if (pipe && list && ctx.env.playbook.checklists?.[list] && (!sopRule?.pipelines || sopRule.pipelines.has(pipe.id))) {
    const rows = checklistRows(ctx, rec, alias, list);
    sop = {
      rows,
      complete: rows.every((r) => r.known),
      noteId: taggedNoteId(ctx, rec, ctx.env.playbook.sopNote?.tag ?? ''),
    };
  }
  const committeeRule = rules.find((r) => r.committee);
  const committeeFinding = committeeRule ? findings.find((f) => f.ruleId === committeeRule.id) : undefined;
  return {
    kind: 'deal',
    pipeline: pipe ? { id: pipe.id, label: pipe.label, governed: pipe.governed } : null,
    stage: cur ? { id: cur.id, label: cur.label, probability: cur.probability } : null,
    path: path(ctx, rec, pipe, cur, findings),
    nextStage: next ? next.label : null,
    sop,
    committee: pipe?.governed ? committee(ctx, rec, alias, committeeFinding) : null,
  };
}
