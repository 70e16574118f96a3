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
import { aliasOf, memoBy } from './resolve';
import { engagementTime, refOf } from './context';
import { checklistRows } from './checklist';
import { rulesFor, type CRule } from './rules';
import { stageHistory } from './history';
import { htmlText, isBlank, normLabel, normLabelCached } from './values';

function path(ctx: Ctx, rec: RecordData, pipe: PipeInfo | null, cur: StageInfo | null, findings: Finding[]): StagePathEntry[] {
  if (!pipe) return [];
  // Open items per stage: required findings tied to the stage that are not met (their missing items).
  let counts: number[] | null = null;
  for (const f of findings) {
    if (f.stage === undefined || f.severity !== 'required' || (f.status !== 'missing' && f.status !== 'violation')) continue;
    // What an open deal would need if it were lost is not on its way forward.
    if (f.group === 'toLost' && f.status === 'missing') continue;
    const idx = pipe.stages.findIndex((s) => s.label === f.stage);
    if (idx < 0) continue;
    let items = 0;
    for (const i of f.items) if (i.status === 'missing') items++;
    (counts ??= pipe.stages.map(() => 0))[idx]! += items || 1;
  }
  if (counts === null && !cur?.lost) {
    // Nothing open: the path depends on the stage alone (shared, frozen).
    const byStage = memoBy(ctx.env, 'paths', pipe.id, () => new Map<string, StagePathEntry[]>());
    const k = cur ? cur.id : '';
    let p = byStage.get(k);
    if (!p) byStage.set(k, (p = Object.freeze(build(ctx, rec, pipe, cur, null).map((e) => Object.freeze(e))) as StagePathEntry[]));
    return p;
  }
  return build(ctx, rec, pipe, cur, counts);
}

function build(ctx: Ctx, rec: RecordData, pipe: PipeInfo, cur: StageInfo | null, counts: number[] | null): StagePathEntry[] {
  let reached = -1;
  if (cur?.lost) {
    for (const h of stageHistory(ctx, rec) ?? []) {
      const s = pipe.stageById.get(h.stageId);
      if (s && !s.isClosed && s.rank > reached) reached = s.rank;
    }
  }
  return pipe.stages.map((s, i) => {
    let state: StagePathEntry['state'] = 'upcoming';
    if (cur) {
      if (s.isClosed) state = s.id === cur.id ? (s.lost ? 'lost' : 'won') : 'upcoming';
      else if (cur.won) state = 'done';
      else if (cur.lost) state = s.rank <= reached ? 'done' : 'upcoming';
      else state = s.rank < cur.rank ? 'done' : s.id === cur.id ? 'current' : 'upcoming';
    }
    return { id: s.id, label: s.label, probability: s.probability, state, openItems: counts ? counts[i]! : 0 };
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
  const roles = memoBy(ctx.env, 'committeeRoles', alias, () => {
    const m = new Map<string, string>();
    for (const l of ctx.env.playbook.associations?.labels ?? []) {
      if (l.from === alias && l.to === contactAlias) m.set(normLabel(l.label), l.label);
    }
    return m;
  });
  const nameProps = contactAlias ? ctx.env.objects.get(contactAlias)?.nameProperties ?? [] : [];
  const members: CommitteeMember[] = [];
  const edges = ctx.assoc(rec.objectTypeId + '/' + rec.id, OBJECT_TYPE.contact).edges;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    let dup = false;
    for (let j = 0; j < i; j++) if (edges[j]!.to === e.to) dup = true;
    if (dup) continue;
    const c = ctx.record(e.to);
    let name = '';
    if (c) {
      for (const p of nameProps) {
        const v = c.properties[p];
        if (typeof v === 'string' && !isBlank(v)) name = name ? name + ' ' + v.trim() : v.trim();
      }
    }
    const memberRoles: string[] = [];
    for (const t of e.types ?? []) {
      const r = t && typeof t.label === 'string' ? roles.get(normLabelCached(t.label)) : undefined;
      if (r && !memberRoles.includes(r)) memberRoles.push(r);
    }
    const contact = refOf(e.to);
    members.push({ contact, name: name || `Contact ${contact.id}`, roles: memberRoles });
  }
  return { members, status: finding.status };
}

interface DealMeta {
  list: string | null;
  sopRule: CRule | undefined;
  committeeRule: CRule | undefined;
}

export function dealResult(ctx: Ctx, rec: RecordData, alias: string, findings: Finding[]): DealResult {
  const pos = ctx.stageOf(rec);
  const pipe = pos.pipe;
  const cur = pos.stage;
  const next = nextStageOf(pipe, cur);
  const meta = memoBy(ctx.env, 'dealMeta', alias, (): DealMeta => {
    const rules = rulesFor(ctx.env, alias);
    const list = ctx.env.playbook.sopNote?.checklist ?? rules.find((r) => r.checklist !== null)?.checklist ?? null;
    return {
      list: list && ctx.env.playbook.checklists?.[list] ? list : null,
      sopRule: rules.find((r) => r.checklist !== null && r.checklist === list),
      committeeRule: rules.find((r) => r.committee),
    };
  });
  let sop: DealResult['sop'] = null;
  // The S&OP rows from where the checklist applies (SOP-1 is on the record), or, without a checklist rule, on governed deals.
  const sopApplies = meta.sopRule ? findings.some((f) => f.ruleId === meta.sopRule!.id) : !!pipe?.governed;
  if (pipe && meta.list && sopApplies) {
    const rows = checklistRows(ctx, rec, alias, meta.list);
    let complete = true;
    for (const r of rows) if (!r.known) complete = false;
    sop = { rows, complete, noteId: taggedNoteId(ctx, rec, ctx.env.playbook.sopNote?.tag ?? '') };
  }
  const committeeFinding = meta.committeeRule ? findings.find((f) => f.ruleId === meta.committeeRule!.id) : undefined;
  return {
    kind: 'deal',
    pipeline: pipe ? pipe.summary : null,
    stage: cur ? cur.summary : null,
    path: path(ctx, rec, pipe, cur, findings),
    nextStage: next ? next.label : null,
    sop,
    committee: pipe?.governed ? committee(ctx, rec, alias, committeeFinding) : null,
  };
}
