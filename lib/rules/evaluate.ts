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
import type { Evaluation, Finding, RecordResult } from './result';
import { getEnv, aliasOf, memo, stageByLabel, type Env } from './resolve';
import { Ctx } from './context';
import { planFor, runEntry } from './rules';
import { dealResult, nextStageOf } from './deal';
import { contactResult } from './contact';
import { companyResult } from './company';
import { cadenceResult } from './cadence';
import { guidanceFor } from './guidance';
import { nextSteps } from './next-steps';
import { callLogSpec } from './call-log';
import { isBlank } from './values';

const EMPTY_PORTAL: PortalMeta = Object.freeze({
  portalId: 0, timeZone: 'UTC', pipelines: {}, properties: {}, owners: [], callDispositions: [], schemas: [],
}) as PortalMeta;

function recordName(env: Env, rec: RecordData, alias: string | null): string {
  const obj = alias ? env.objects.get(alias) : undefined;
  if (obj) {
    let name = '';
    for (const p of obj.nameProperties) {
      const v = rec.properties[p];
      if (typeof v === 'string' && !isBlank(v)) name += (name ? ' ' : '') + v.trim();
    }
    if (name) return name;
    return `${obj.label} ${rec.id}`;
  }
  return `Record ${rec.id}`;
}

function resultKind(env: Env, typeId: string, alias: string | null): RecordResult['kind'] {
  if (!alias) return 'other';
  if (env.playbook.cadence?.object === alias) return 'cadence';
  if (typeId === OBJECT_TYPE.deal) return 'deal';
  if (typeId === OBJECT_TYPE.contact) return 'contact';
  if (typeId === OBJECT_TYPE.company) return 'company';
  return 'other';
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

  const findings: Finding[] = [];
  if (alias) {
    const pos = env.objects.get(alias)?.pipelined ? ctx.stageOf(rec) : null;
    for (const entry of planFor(env, alias, pos?.pipe ?? null, pos?.stage ?? null)) {
      const f = runEntry(ctx, rec, entry);
      if (f) findings.push(f);
    }
  }

  let result: RecordResult;
  let stepCtx: Parameters<typeof nextSteps>[1] = { nextStage: null, nextIsWon: false };
  if (kind === 'deal') {
    const r = dealResult(ctx, rec, alias!, findings);
    result = r;
    const pos = ctx.stageOf(rec);
    const next = nextStageOf(pos.pipe, pos.stage);
    const extra: Array<{ ruleId: string; text: string }> = [];
    // SOP-2: once the checklist is complete and no note exists, writing the note is the next step.
    const noteForm = memo(env, 'noteForm', () => (playbook.rules ?? []).find((x) => x && x.kind === 'form' && x.form === 'sopNote' && x.enabled !== false) ?? null);
    if (noteForm && r.sop && r.sop.complete && r.sop.noteId === null && pos.pipe?.governed && pos.stage && !pos.stage.lost) {
      const formStage = 'stage' in noteForm && noteForm.stage ? stageByLabel(pos.pipe, noteForm.stage) : null;
      if (!formStage || pos.stage.rank >= formStage.rank) {
        extra.push({ ruleId: noteForm.id, text: `Write the ${playbook.sopNote?.tag ?? ''} note from the checklist: the sidebar can write it for you.` });
      }
    }
    stepCtx = { nextStage: next?.label ?? null, nextIsWon: !!next?.won, extra };
  } else if (kind === 'contact') result = contactResult(ctx, rec, alias!, findings);
  else if (kind === 'company') result = companyResult(ctx, rec, alias!);
  else if (kind === 'cadence') result = cadenceResult(ctx, rec);
  else result = { kind: 'other' };

  return {
    record: ref,
    object: alias,
    name: recordName(env, rec, alias),
    result,
    findings,
    guidance: alias ? guidanceFor(ctx, rec, alias) : [],
    callLog: alias && playbook.callLog?.appliesTo.includes(alias) ? callLogSpec(snap, playbook) : null,
    nextSteps: nextSteps(findings, stepCtx),
  };
}

