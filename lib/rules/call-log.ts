/**
 * The guided call log (CH-2, CH-3): the form's options resolved against the
 * portal (outcomes from /calling/v1/dispositions, call types from the
 * `hs_activity_type` options) and narrowed by the playbook; validation of a
 * draft; and what a logged call does to a Client Hub record's cadence.
 */
import type { Playbook } from '../playbook/types';
import type { PortalMeta, RecordRef, Snapshot } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { CallLogSpec } from './result';
import type { Env } from './resolve';
import { aliasOf, getEnv, memo, objectTypeOf, stageByLabel } from './resolve';
import { Ctx, keyOf, refOf } from './context';
import { checkInMatcher, matchesCheckIn } from './check-in';
import { cadenceState, ratioSpec, summarySteps } from './cadence';
import { addRatio, dayToIso, parseInstant } from './dates';
import { HS, stageProperty } from './hubspot';
import { htmlText, isBlank, normLabel } from './values';

export { isCheckIn } from './check-in';

const EMPTY_PORTAL: PortalMeta = { portalId: 0, timeZone: 'UTC', pipelines: {}, properties: {}, owners: [], callDispositions: [], schemas: [] };

function safeEnv(snapshot: Snapshot, playbook: Playbook): Env {
  const portal = snapshot && typeof snapshot.portal === 'object' && snapshot.portal ? snapshot.portal : EMPTY_PORTAL;
  return getEnv(playbook, portal);
}

type StaticSpec = Omit<CallLogSpec, 'associateWith'>;

function titleCase(s: string): string {
  const l = s.toLowerCase();
  return l.charAt(0).toUpperCase() + l.slice(1);
}

function staticSpec(env: Env): StaticSpec | null {
  return memo(env, 'callLogSpec', buildStaticSpec);
}

function buildStaticSpec(env: Env): StaticSpec | null {
  {
    const form = env.playbook.callLog;
    if (!form) return null;
    const allowedOutcomes = new Set(form.outcomes.map(normLabel));
    const outcomes = (env.portal.callDispositions ?? [])
      .filter((d) => d && typeof d.id === 'string' && typeof d.label === 'string')
      .filter((d) => allowedOutcomes.size === 0 || allowedOutcomes.has(normLabel(d.label)))
      .map((d) => ({ id: d.id, label: d.label }));
    const callDefs = env.portal.properties?.[OBJECT_TYPE.call] ?? [];
    const typeDef = callDefs.find((d) => d?.name === HS.callType);
    const allowedTypes = new Set(form.types.map(normLabel));
    let types: Array<{ value: string; label: string }>;
    if (typeDef && typeDef.options.length) {
      types = typeDef.options
        .filter((o) => o && !o.hidden)
        .filter((o) => allowedTypes.size === 0 || allowedTypes.has(normLabel(o.value)) || allowedTypes.has(normLabel(o.label)))
        .map((o) => ({ value: o.value, label: o.label }));
    } else {
      const names = [...form.types, ...form.checkIn.types.filter((t) => !form.types.includes(t))];
      types = names.map((t) => ({ value: t, label: t }));
    }
    const dirDef = callDefs.find((d) => d?.name === HS.callDirection);
    const directions = form.directions.map((v) => {
      const o = dirDef?.options.find((x) => x.value.toUpperCase() === v.toUpperCase());
      return { value: o?.value ?? v, label: o?.label ?? titleCase(v) };
    });
    const m = checkInMatcher(env);
    const checkTypes = types.filter((t) => m.types.has(normLabel(t.value)) || m.types.has(normLabel(t.label))).map((t) => t.value);
    return {
      outcomes,
      types,
      directions,
      required: [...form.required],
      bodyPrompt: form.bodyPrompt,
      checkIn: {
        outcomeIds: [...m.outcomeIds],
        types: checkTypes.length ? checkTypes : [...form.checkIn.types],
        directions: [...form.checkIn.directions],
        explanation: form.checkIn.explanation,
      },
      otherCallsExplanation: form.otherCallsExplanation,
    };
  }
}

/** The call-log form for the snapshot's focus record, or null when the playbook offers none there. */
export function callLogSpec(snapshot: Snapshot, playbook: Playbook): CallLogSpec | null {
  const env = safeEnv(snapshot, playbook);
  const form = playbook.callLog;
  const focus = snapshot?.focus;
  if (!form || !focus || typeof focus.objectTypeId !== 'string') return null;
  const alias = aliasOf(env, focus.objectTypeId);
  if (!alias || !form.appliesTo.includes(alias)) return null;
  const spec = staticSpec(env);
  if (!spec) return null;
  const ctx = new Ctx(env, snapshot, 0);
  const key = keyOf(focus);
  const associateWith: RecordRef[] = [{ objectTypeId: focus.objectTypeId, id: focus.id }];
  for (const other of form.associateWith) {
    const typeId = objectTypeOf(env, other);
    if (!typeId) continue;
    const prim = ctx.primaryKey(key, alias, other, typeId);
    if (prim.key && !associateWith.some((r) => keyOf(r) === prim.key)) associateWith.push(refOf(prim.key));
  }
  return {
    ...spec,
    outcomes: [...spec.outcomes],
    types: [...spec.types],
    directions: [...spec.directions],
    required: [...spec.required],
    checkIn: { ...spec.checkIn, outcomeIds: [...spec.checkIn.outcomeIds], types: [...spec.checkIn.types], directions: [...spec.checkIn.directions] },
    associateWith,
  };
}

export interface CallLogError {
  field: string;
  message: string;
}

const FIELD_WORDS: Record<string, string> = {
  [HS.callDisposition]: 'Call outcome',
  [HS.callType]: 'Call type',
  [HS.callDirection]: 'Call direction',
  [HS.callBody]: 'Breakdown of the conversation',
  [HS.timestamp]: 'Date and time',
};

/** Errors in a call draft (its HubSpot properties) against the form: required fields, values from the lists (CH-2). */
export function validateCallLog(input: Record<string, string | null | undefined>, spec: CallLogSpec): CallLogError[] {
  const errors: CallLogError[] = [];
  const props = input && typeof input === 'object' ? input : {};
  const val = (f: string) => {
    const v = props[f];
    return typeof v === 'string' ? v : null;
  };
  for (const field of spec.required) {
    const v = val(field);
    const blank = field === HS.callBody ? isBlank(v === null ? null : htmlText(v)) : isBlank(v);
    if (blank) {
      errors.push({
        field,
        message: field === HS.callBody ? `Add a breakdown of the conversation: ${spec.bodyPrompt}` : `${FIELD_WORDS[field] ?? field} is required.`,
      });
    }
  }
  const outcome = val(HS.callDisposition);
  if (!isBlank(outcome) && spec.outcomes.length && !spec.outcomes.some((o) => o.id === outcome!.trim())) {
    errors.push({ field: HS.callDisposition, message: `"${outcome}" is not one of this portal's call outcomes.` });
  }
  const type = val(HS.callType);
  if (!isBlank(type) && spec.types.length && !spec.types.some((t) => t.value === type!.trim())) {
    errors.push({ field: HS.callType, message: `"${type}" is not one of the call types: ${spec.types.map((t) => t.label).join(', ')}.` });
  }
  const direction = val(HS.callDirection);
  if (!isBlank(direction) && spec.directions.length && !spec.directions.some((d) => d.value.toUpperCase() === direction!.trim().toUpperCase())) {
    errors.push({ field: HS.callDirection, message: `Direction must be ${spec.directions.map((d) => d.label).join(' or ')}.` });
  }
  const when = val(HS.timestamp);
  if (!isBlank(when) && parseInstant(when) === null) {
    errors.push({ field: HS.timestamp, message: `"${when}" is not a date and time.` });
  }
  return errors;
}

export interface CadenceAfterCall {
  moves: boolean;
  /** The stage the record is in after the call (label). */
  stage: string;
  /** Property writes (internal names and values) that carry the move out. */
  updates: Record<string, string>;
  steps: string[];
}

/**
 * What logging this call does to the focus Client Hub record (CH-2/CH-3):
 * a check-in moves it to the connected summary, sets the last check-in to
 * the call's day and the next contact date one Contact Ratio later (the
 * default ratio when unset, CH-4); any other call moves nothing.
 */
export function cadenceAfterCall(
  snapshot: Snapshot,
  playbook: Playbook,
  callProperties: Record<string, string | null | undefined>,
  now: Date,
): CadenceAfterCall {
  const env = safeEnv(snapshot, playbook);
  const cad = playbook.cadence;
  const form = playbook.callLog;
  const focus = snapshot?.focus;
  const none: CadenceAfterCall = { moves: false, stage: '', updates: {}, steps: [] };
  if (!cad || !form || !focus) return none;
  const ctx = new Ctx(env, snapshot, now instanceof Date ? now.getTime() : Number(now));
  const rec = ctx.record(keyOf(focus)) ?? { objectTypeId: focus.objectTypeId, id: focus.id, properties: {} };
  if (aliasOf(env, rec.objectTypeId) !== cad.object) return none;
  const s = cadenceState(ctx, rec);
  if (!s) return none;
  const current = s.stage?.label ?? '';
  if (!matchesCheckIn(checkInMatcher(env), callProperties ?? {})) {
    const steps = [form.otherCallsExplanation];
    if (s.kind === 'call' && s.call === cad.stages.calls.length - 1) {
      steps.push(`This is the final call (${current}): if you do not reach the client with a check-in call, email them.`);
    }
    return { moves: false, stage: current, updates: {}, steps };
  }
  const at = parseInstant(callProperties[HS.timestamp] ?? null);
  const day = at === null ? ctx.today : ctx.instantDay(at);
  const ratioKey = s.ratioValid ? s.ratioKey : cad.defaultRatio;
  const spec = ratioSpec(env, ratioKey) ?? {};
  const updates: Record<string, string> = {};
  const target = s.pipe ? stageByLabel(s.pipe, cad.stages.summaryConnected) : null;
  if (target) updates[stageProperty(rec.objectTypeId)] = target.id;
  updates[cad.lastCheckInProperty] = dayToIso(day);
  updates[cad.nextContactDateProperty] = dayToIso(addRatio(day, spec));
  if (!s.ratioValid) updates[cad.ratioProperty] = cad.defaultRatio;
  const steps = [
    `The check-in moves the record to ${cad.stages.summaryConnected}; the next contact date is ${updates[cad.nextContactDateProperty]}.`,
    ...summarySteps(env, { ...s, kind: 'summaryConnected' }),
  ];
  return { moves: true, stage: target?.label ?? cad.stages.summaryConnected, updates, steps };
}
