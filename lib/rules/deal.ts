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
import { aliasOf, memoBy, newMap, type Env } from './resolve';
import { engagementTime, refOf } from './context';
import { checklistRows } from './checklist';
import { rulesFor, type CRule } from './rules';
import { stageHistory } from './history';
import { isBlank, normLabel, normLabelCached } from './values';

function path(ctx: Ctx, rec: RecordData, pipe: PipeInfo | null, cur: StageInfo | null, findings: Finding[]): StagePathEntry[] {
  if (!pipe) return [];
  // Open items per stage: required findings tied to the stage that are not met (their missing items).
  let counts: number[] | null = null;
  for (const f of findings) {
    if (f.stage === undefined || f.severity !== 'required' || (f.status !== 'missing' && f.status !== 'violation')) continue;
    // What an open deal would need if it were lost is not on its way forward.
    if (f.group === 'toLost' && f.status === 'missing') continue;
    let idx = -1;
    for (let i = 0; i < pipe.stages.length; i++) if (pipe.stages[i]!.label === f.stage) idx = i;
    if (idx < 0) continue;
    let items = 0;
    for (const i of f.items) if (i.status === 'missing') items++;
    (counts ??= pipe.stages.map(() => 0))[idx]! += items || 1;
  }
  if (cur?.lost) return build(ctx, rec, pipe, cur, counts);
  // Otherwise the path depends on the stage and the open counts alone: shared, frozen, by a numeric signature.
  let sig = 0;
  if (counts) {
    for (let i = counts.length - 1; i >= 0; i--) {
      if (counts[i]! > 31) return build(ctx, rec, pipe, cur, counts);
      sig = sig * 32 + counts[i]!;
    }
    if (!Number.isSafeInteger(sig)) return build(ctx, rec, pipe, cur, counts);
  }
  const byStage = memoBy<Map<string, Map<number, StagePathEntry[]>>>(ctx.env, 'paths', pipe.id, newMap);
  const k = cur ? cur.id : '';
  let bySig = byStage.get(k);
  if (!bySig) byStage.set(k, (bySig = new Map()));
  let p = bySig.get(sig);
  if (!p) {
    p = Object.freeze(build(ctx, rec, pipe, cur, counts).map((e) => Object.freeze(e))) as StagePathEntry[];
    if (bySig.size < 512) bySig.set(sig, p);
  }
  return p;
}

function build(ctx: Ctx, rec: RecordData, pipe: PipeInfo, cur: StageInfo | null, counts: number[] | null): StagePathEntry[] {
  let reached = -1;
  if (cur?.lost) {
    for (const id of stageHistory(ctx, rec)?.ids ?? []) {
      const s = pipe.stageById.get(id);
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
  for (const s of pipe.open) if (s.rank === cur.rank + 1) return s;
  return pipe.won ?? null;
}

/** The latest note on the record whose body (HTML-decoded) contains the tag (SALES-PRO-8, SOP-2). */
export function taggedNoteId(ctx: Ctx, rec: RecordData, tag: string): string | null {
  const list = ctx.engagements(ctx.key(rec));
  if (!list || !tag) return null;
  const needle = tag.toLowerCase();
  let best: { id: string; at: number } | null = null;
  for (const e of list) {
    if (!e || e.type !== 'note') continue;
    const body = e.properties?.hs_note_body;
    if (typeof body !== 'string' || !ctx.lowerText(body).includes(needle)) continue;
    const at = engagementTime(e) ?? -Infinity;
    if (!best || at > best.at) best = { id: e.id, at };
  }
  return best ? best.id : null;
}

/** Role labels on deal→contact associations (ACC-7), normalized → as the playbook writes them. */
function committeeRoles(env: Env, alias: string): Map<string, string[]> {
  const contactAlias = aliasOf(env, OBJECT_TYPE.contact);
  // Normalized label → `[label]`, shared by every member with just that role.
  const m = new Map<string, string[]>();
  for (const l of env.playbook.associations?.labels ?? []) {
    if (l.from === alias && l.to === contactAlias) m.set(normLabel(l.label), Object.freeze([l.label]) as string[]);
  }
  return m;
}

const NO_ROLES: string[] = Object.freeze([]) as unknown as string[];

function committee(ctx: Ctx, rec: RecordData, alias: string, finding: Finding | undefined): DealResult['committee'] {
  if (!finding) return null;
  const contactAlias = aliasOf(ctx.env, OBJECT_TYPE.contact);
  const roles = memoBy(ctx.env, 'committeeRoles', alias, committeeRoles);
  const nameProps = contactAlias ? ctx.env.objects.get(contactAlias)?.nameProperties ?? [] : [];
  const edges = ctx.assoc(ctx.key(rec), OBJECT_TYPE.contact).edges;
  const members = edges.map((e): CommitteeMember => {
    const c = ctx.record(e.to);
    let name = '';
    if (c) {
      for (const p of nameProps) {
        const v = c.properties[p];
        if (typeof v === 'string' && !isBlank(v)) name = name ? name + ' ' + v.trim() : v.trim();
      }
    }
    let memberRoles: string[] = NO_ROLES;
    for (const t of e.types ?? []) {
      const one = t && typeof t.label === 'string' ? roles.get(normLabelCached(t.label)) : undefined;
      if (!one || memberRoles.includes(one[0]!)) continue;
      memberRoles = memberRoles === NO_ROLES ? one : [...memberRoles, one[0]!];
    }
    const contact = c ? { objectTypeId: c.objectTypeId, id: c.id } : refOf(e.to);
    return { contact, name: name || `Contact ${contact.id}`, roles: memberRoles };
  });
  return { members, status: finding.status };
}

interface DealMeta {
  list: string | null;
  sopRule: CRule | undefined;
  committeeRule: CRule | undefined;
}

function dealMeta(env: Env, alias: string): DealMeta {
  const rules = rulesFor(env, alias);
  const list = env.playbook.sopNote?.checklist ?? rules.find((r) => r.checklist !== null)?.checklist ?? null;
  return {
    list: list && env.playbook.checklists?.[list] ? list : null,
    sopRule: rules.find((r) => r.checklist !== null && r.checklist === list),
    committeeRule: rules.find((r) => r.committee),
  };
}

export function dealResult(ctx: Ctx, rec: RecordData, alias: string, findings: Finding[]): DealResult {
  const pos = ctx.stageOf(rec);
  const pipe = pos.pipe;
  const cur = pos.stage;
  const next = nextStageOf(pipe, cur);
  const meta = memoBy(ctx.env, 'dealMeta', alias, dealMeta);
  let sop: DealResult['sop'] = null;
  // The S&OP rows from where the checklist applies (SOP-1 is on the record), or, without a checklist rule, on governed deals.
  let sopApplies = !meta.sopRule && !!pipe?.governed;
  let committeeFinding: Finding | undefined;
  for (const f of findings) {
    if (meta.sopRule && f.ruleId === meta.sopRule.id) sopApplies = true;
    if (meta.committeeRule && f.ruleId === meta.committeeRule.id) committeeFinding = f;
  }
  if (pipe && meta.list && sopApplies) {
    const rows = checklistRows(ctx, rec, alias, meta.list);
    let complete = true;
    for (const r of rows) if (!r.known) complete = false;
    sop = { rows, complete, noteId: taggedNoteId(ctx, rec, ctx.env.playbook.sopNote?.tag ?? '') };
  }
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
