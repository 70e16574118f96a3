/**
 * The engine's entry point: one snapshot, one playbook, one `now` → the
 * Evaluation the sidebar renders and the compliance scan flattens. Pure and
 * deterministic; it never throws on malformed data (a rule it cannot read is
 * unknown). Which result: from the playbook object the focus record maps to
 * (deal, contact, company, the cadence object, anything else → other);
 * objects the playbook does not know get no findings.
 */
import type { Playbook } from '../playbook/types';
import type { PortalMeta, RecordData, Snapshot } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { Evaluation, Finding, FindingItem, RecordResult } from './result';
import { getEnv, aliasOf, memo, stageByLabel, type Env, type ObjInfo } from './resolve';
import { Ctx } from './context';
import { planFor, runEntry } from './rules';
import { dealResult, nextStageOf } from './deal';
import { contactResult } from './contact';
import { companyResult } from './company';
import { cadenceResult } from './cadence';
import { guidanceFor } from './guidance';
import { StepList, stepText, stepTier, type StepContext } from './next-steps';
import type { PlanEntry } from './rules';
import { callLogSpec } from './call-log';
import { isBlank } from './values';

const EMPTY_PLAN: PlanEntry[] = [];

const EMPTY_PORTAL: PortalMeta = Object.freeze({
  portalId: 0, timeZone: 'UTC', pipelines: {}, properties: {}, owners: [], callDispositions: [], schemas: [],
}) as PortalMeta;

function ownName(obj: ObjInfo, rec: RecordData): string {
  let name = '';
  for (const p of obj.nameProperties) {
    const v = rec.properties[p];
    if (typeof v === 'string' && !isBlank(v)) name += (name ? ' ' : '') + v.trim();
  }
  return name;
}

function recordName(ctx: Ctx, rec: RecordData, alias: string | null): string {
  const obj = alias ? ctx.env.objects.get(alias) : undefined;
  if (!obj) return `Record ${rec.id}`;
  const name = ownName(obj, rec);
  if (name) return name;
  // No name of its own (a Client Hub record): "<label>: <primary associated record's name>".
  const from = obj.nameFrom ? ctx.env.objects.get(obj.nameFrom) : undefined;
  if (from?.typeId) {
    const { key } = ctx.primaryKey(ctx.key(rec), alias, from.alias, from.typeId);
    const other = key ? ctx.record(key) : undefined;
    const otherName = other ? ownName(from, other) : '';
    if (otherName) return `${obj.label}: ${otherName}`;
  }
  return `${obj.label} ${rec.id}`;
}

function resultKind(env: Env, typeId: string, alias: string | null): RecordResult['kind'] {
  if (!alias) return 'other';
  if (env.playbook.cadence?.object === alias) return 'cadence';
  if (typeId === OBJECT_TYPE.deal) return 'deal';
  if (typeId === OBJECT_TYPE.contact) return 'contact';
  if (typeId === OBJECT_TYPE.company) return 'company';
  return 'other';
}

/** SOP-2's form rule: the note the sidebar writes. */
function findNoteForm(env: Env) {
  return (env.playbook.rules ?? []).find((x) => x && x.kind === 'form' && x.form === 'sopNote' && x.enabled !== false) ?? null;
}

/**
 * A step's text, cached per plan entry for findings with one open item: the
 * text then depends only on that item's current value (the entry fixes the
 * stage, the group and the wording).
 */
function cachedStepText(entry: PlanEntry, f: Finding, tier: number, ctx: StepContext): string {
  let open: FindingItem | null = null;
  let count = 0;
  for (const i of f.items) {
    if (i.status === 'missing') {
      open = i;
      count++;
    }
  }
  if (count !== 1 || f.items.length > 8) return stepText(f, tier, ctx);
  const key = open!.current ?? '\u0000';
  const texts = (entry.texts ??= new Map());
  let t = texts.get(key);
  if (t === undefined) {
    t = stepText(f, tier, ctx);
    if (texts.size < 256 && open!.label === entry.cr.test?.label) texts.set(key, t);
  }
  return t;
}

export function evaluate(snapshot: Snapshot, playbook: Playbook, now: Date): Evaluation {
  const snap: Snapshot = snapshot && typeof snapshot === 'object' ? snapshot : ({} as Snapshot);
  const portal = snap.portal && typeof snap.portal === 'object' ? snap.portal : EMPTY_PORTAL;
  const env = getEnv(playbook, portal);
  const nowMs = now instanceof Date ? now.getTime() : Number(now);
  const ctx = new Ctx(env, snap, nowMs);
  const focus = snap.focus && typeof snap.focus === 'object' ? snap.focus : { objectTypeId: '', id: '' };
  const ref = { objectTypeId: String(focus.objectTypeId ?? ''), id: String(focus.id ?? '') };
  const rec: RecordData = ctx.record(ref.objectTypeId + '/' + ref.id) ?? { ...ref, properties: {} };
  ctx.focusOn(rec);
  const alias = aliasOf(env, ref.objectTypeId);
  const kind = resultKind(env, ref.objectTypeId, alias);

  const pos = alias && env.objects.get(alias)?.pipelined ? ctx.stageOf(rec) : null;
  const next = kind === 'deal' && pos ? nextStageOf(pos.pipe, pos.stage) : null;
  const stepCtx: StepContext = { nextStage: next?.label ?? null, nextIsWon: !!next?.won };
  const steps = new StepList(stepCtx);
  const plan = alias ? planFor(env, alias, pos?.pipe ?? null, pos?.stage ?? null) : EMPTY_PLAN;
  // Sized for the plan up front (rules that do not apply leave it shorter).
  const findings: Finding[] = new Array<Finding>(plan.length);
  let count = 0;
  {
    for (const entry of plan) {
      const f = runEntry(ctx, rec, entry);
      if (!f) continue;
      findings[count++] = f;
      if (f.status === 'met' || f.status === 'unknown') continue;
      const tier = stepTier(f, stepCtx);
      if (tier >= 0) steps.push(tier, f.ruleId, cachedStepText(entry, f, tier, stepCtx));
    }
  }

  if (count < findings.length) findings.length = count;

  let result: RecordResult;
  if (kind === 'deal') {
    const r = dealResult(ctx, rec, alias!, findings);
    result = r;
    // SOP-2: once the checklist is complete and no note exists, writing the note is the next step.
    const noteForm = memo(env, 'noteForm', findNoteForm);
    if (noteForm && r.sop && r.sop.complete && r.sop.noteId === null && pos?.pipe?.governed && pos.stage && !pos.stage.lost) {
      const formStage = 'stage' in noteForm && noteForm.stage ? stageByLabel(pos.pipe, noteForm.stage) : null;
      if (!formStage || pos.stage.rank >= formStage.rank) {
        stepCtx.extra = [{ ruleId: noteForm.id, text: `Write the ${playbook.sopNote?.tag ?? ''} note from the checklist: the sidebar can write it for you.` }];
      }
    }
  } else if (kind === 'contact') result = contactResult(ctx, rec, alias!, findings);
  else if (kind === 'company') result = companyResult(ctx, rec, alias!);
  else if (kind === 'cadence') result = cadenceResult(ctx, rec);
  else result = { kind: 'other' };

  return {
    record: ref,
    object: alias,
    ...(alias && env.objects.get(alias) ? { objectLabel: env.objects.get(alias)!.label } : {}),
    name: recordName(ctx, rec, alias),
    result,
    findings,
    guidance: alias ? guidanceFor(ctx, rec, alias) : [],
    callLog: alias && playbook.callLog?.appliesTo.includes(alias) ? callLogSpec(snap, playbook) : null,
    nextSteps: steps.list(),
  };
}

