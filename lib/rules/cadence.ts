/**
 * The Client Hub check-in cadence (CH-4…CH-8), parameterized by
 * `Playbook.cadence`. Dates are calendar days in the portal's zone; the
 * Contact Ratio adds weeks as 7 days and months as calendar months; next
 * contact = last check-in + ratio; Call 1 is due on it, each further call
 * `callSpacingDays` later; a record still in Call N after Call N+1's date
 * (the last call: `callSpacingDays` after its own) is overdue (Resolutions).
 */
import type { Cadence, Predicate, RatioSpec } from '../playbook/types';
import type { PropertyOption, RecordData } from './snapshot';
import type { CadenceResult, FindingItem } from './result';
import type { Ctx } from './context';
import type { Env, PipeInfo, PropInfo, StageInfo } from './resolve';
import { engagementTime } from './context';
import { memo, propInfo, stageByLabel } from './resolve';
import { addRatio, dayToIso } from './dates';
import { latestEntry, stageHistory } from './history';
import { checkInMatcher, matchesCheckIn } from './check-in';
import { FAIL, MET, NA, UNK, item, makeFix, refOfRecord, suggestionFor, type Hint, type Node, type Tri } from './node';
import { HS, stageProperty } from './hubspot';
import { clean, isBlank, normLabel, normLabelCached } from './values';

type P = Extract<Predicate, { op: 'cadence' }>;

export type StageKind = 'preparation' | 'call' | 'summaryConnected' | 'summaryNotConnected' | 'completed' | 'other';

export interface CadenceState {
  cadence: Cadence;
  pipe: PipeInfo | null;
  stage: StageInfo | null;
  kind: StageKind | null;
  /** Index into `cadence.stages.calls` when in a call stage, else -1. */
  call: number;
  /** The ratio property is not in the snapshot. */
  ratioUnknown: boolean;
  /** The stored ratio value (trimmed), null when unset. */
  ratioRaw: string | null;
  ratioValid: boolean;
  /** The ratio the dates use: the stored one when valid, else the default (CH-4). */
  ratioKey: string;
  ratioLabel: string;
  lastCheckIn: number | null;
  next: number | null;
  prep: number | null;
  due: Array<number | null>;
  overdue: boolean;
  expected: string | null;
}

interface Compiled {
  cadence: Cadence;
  ratioProp: PropInfo;
  ratioOptions: PropertyOption[];
  ratioByLower: Map<string, string>;
  kinds: Map<string, StageKind>;
  callIndex: Map<string, number>;
}

function compiled(env: Env): Compiled | null {
  return memo(env, 'cadence', compileCadence);
}

function compileCadence(env: Env): Compiled | null {
  {
    const c = env.playbook.cadence;
    if (!c) return null;
    const ratioProp = propInfo(env, c.object, c.ratioProperty);
    const ratioByLower = new Map<string, string>();
    for (const k of Object.keys(c.ratios ?? {})) ratioByLower.set(k.toLowerCase(), k);
    const ratioOptions = Object.keys(c.ratios ?? {}).map((k) => {
      const o = ratioProp.byValue.get(k) ?? ratioProp.byLower.get(k.toLowerCase());
      return o ? { value: o.value, label: o.label } : { value: k, label: k.replace(/_/g, ' ') };
    });
    const kinds = new Map<string, StageKind>();
    const callIndex = new Map<string, number>();
    const s = c.stages;
    kinds.set(normLabel(s.preparation), 'preparation');
    s.calls.forEach((l, i) => {
      kinds.set(normLabel(l), 'call');
      callIndex.set(normLabel(l), i);
    });
    kinds.set(normLabel(s.summaryConnected), 'summaryConnected');
    kinds.set(normLabel(s.summaryNotConnected), 'summaryNotConnected');
    kinds.set(normLabel(s.completed), 'completed');
    return { cadence: c, ratioProp, ratioOptions: Object.freeze(ratioOptions) as PropertyOption[], ratioByLower, kinds, callIndex };
  }
}

export function ratioLabel(env: Env, key: string): string {
  const c = compiled(env);
  const o = c?.ratioOptions.find((r) => r.value.toLowerCase() === key.toLowerCase());
  return o ? o.label : key;
}

export function ratioSpec(env: Env, key: string | null | undefined): RatioSpec | null {
  const c = compiled(env);
  if (!c || !key) return null;
  const k = c.ratioByLower.get(key.trim().toLowerCase());
  return k ? c.cadence.ratios[k] ?? null : null;
}

function dayProp(ctx: Ctx, rec: RecordData, name: string): number | null {
  const v = rec.properties[name];
  if (typeof v !== 'string' || isBlank(v)) return null;
  return ctx.day(v, true);
}

export function cadenceState(ctx: Ctx, rec: RecordData): CadenceState | null {
  const c = compiled(ctx.env);
  if (!c) return null;
  const cache = ctx.cache(rec);
  if (cache.cadence) return cache.cadence as CadenceState;
  const cad = c.cadence;
  const pos = ctx.stageOf(rec);
  const kind = pos.stage ? c.kinds.get(pos.stage.norm) ?? 'other' : null;
  const call = kind === 'call' && pos.stage ? c.callIndex.get(pos.stage.norm) ?? -1 : -1;

  const rawRatio = rec.properties[cad.ratioProperty];
  const ratioUnknown = rawRatio === undefined;
  const ratioRaw = typeof rawRatio === 'string' && !isBlank(rawRatio) ? clean(rawRatio) : null;
  const validKey = ratioRaw ? c.ratioByLower.get(ratioRaw.toLowerCase()) ?? null : null;
  const ratioKey = validKey ?? cad.defaultRatio;
  const spec = cad.ratios[ratioKey] ?? null;

  const lastCheckIn = dayProp(ctx, rec, cad.lastCheckInProperty);
  let next: number | null = null;
  if (lastCheckIn !== null && spec) next = addRatio(lastCheckIn, spec);
  else next = dayProp(ctx, rec, cad.nextContactDateProperty);
  const spacing = cad.callSpacingDays;
  const prep = next === null ? null : next - cad.prepLeadDays;
  const calls = cad.stages.calls.length;
  const due = cad.stages.calls.map((_, i) => (next === null ? null : next + i * spacing));

  let overdue = false;
  if (kind === 'call' && call >= 0) {
    const deadline = call < calls - 1 ? due[call + 1] : due[call] === null ? null : due[call]! + spacing;
    overdue = deadline !== null && deadline !== undefined && ctx.today > deadline;
  }

  let expected: string | null = null;
  if (kind === 'summaryConnected' || kind === 'summaryNotConnected') expected = pos.stage!.label;
  else if (next !== null && prep !== null && calls > 0) {
    if (ctx.today < prep) expected = kind === 'call' ? cad.stages.calls[call] ?? null : cad.stages.completed;
    else if (ctx.today < next) expected = kind === 'call' ? cad.stages.calls[call] ?? null : cad.stages.preparation;
    else {
      let k = Math.min(Math.floor((ctx.today - next) / Math.max(spacing, 1)), calls - 1);
      if (kind === 'call' && call > k) k = call;
      expected = cad.stages.calls[k] ?? null;
    }
  }

  const state: CadenceState = {
    cadence: cad,
    pipe: pos.pipe,
    stage: pos.stage,
    kind,
    call,
    ratioUnknown,
    ratioRaw,
    ratioValid: validKey !== null,
    ratioKey,
    ratioLabel: ratioLabel(ctx.env, ratioKey),
    lastCheckIn,
    next,
    prep,
    due,
    overdue,
    expected,
  };
  cache.cadence = state;
  return state;
}

/** CH-8: the steps of the summary stage the record is in (the connected summary's task is the call summary). */
export function summarySteps(env: Env, s: CadenceState): string[] {
  const c = s.cadence;
  if (s.kind === 'summaryConnected') {
    return [
      'Set the Contact Ratio to the client\'s preferred cadence.',
      `Complete the task "${c.tasks.summaryConnected}": the record moves to ${c.stages.completed}.`,
      c.npsSurvey,
    ];
  }
  if (s.kind === 'summaryNotConnected') {
    return [
      `Set the Contact Ratio to ${ratioLabel(env, c.notConnectedRatio)}.`,
      `Complete the task "${c.tasks.summaryNotConnected}": the record moves to ${c.stages.completed}.`,
      c.npsSurvey,
    ];
  }
  return [];
}

export function cadenceResult(ctx: Ctx, rec: RecordData): CadenceResult {
  const s = cadenceState(ctx, rec);
  if (!s) {
    return {
      kind: 'cadence', stage: null, ratio: { value: '', label: '', isDefault: true }, lastCheckIn: null, nextContactDate: null,
      preparationDate: null, calls: [], expectedStage: null, overdue: false, summarySteps: [],
    };
  }
  const calls = s.cadence.stages.calls.map((label, i) => {
    let state: CadenceResult['calls'][number]['state'] = 'upcoming';
    if (s.kind === 'call') state = i < s.call ? 'done' : i === s.call ? (s.overdue ? 'overdue' : 'current') : 'upcoming';
    else if (s.kind === 'summaryConnected' || s.kind === 'summaryNotConnected') state = 'done';
    const d = s.due[i];
    return { label, due: d === null || d === undefined ? null : dayToIso(d), state };
  });
  return {
    kind: 'cadence',
    stage: s.stage ? { id: s.stage.id, label: s.stage.label } : null,
    ratio: { value: s.ratioKey, label: s.ratioLabel, isDefault: !s.ratioValid },
    lastCheckIn: s.lastCheckIn === null ? null : dayToIso(s.lastCheckIn),
    nextContactDate: s.next === null ? null : dayToIso(s.next),
    preparationDate: s.prep === null ? null : dayToIso(s.prep),
    calls,
    expectedStage: s.expected,
    overdue: s.overdue,
    summarySteps: summarySteps(ctx.env, s),
  };
}

function stageFix(ctx: Ctx, rec: RecordData, s: CadenceState, label: string) {
  const target = s.pipe ? stageByLabel(s.pipe, label) : null;
  if (!target) return null;
  const alias = s.cadence.object;
  const p = propInfo(ctx.env, alias, stageProperty(rec.objectTypeId));
  return makeFix([refOfRecord(rec)], p, [{ value: target.id, label: target.label }], target.id);
}

const iso = (d: number | null | undefined) => (d === null || d === undefined ? '?' : dayToIso(d));

/** CH-7: a check-in call or an email since the record entered the last call stage. */
function call3Contact(ctx: Ctx, rec: RecordData, s: CadenceState): { t: Tri; since: number | null } {
  const list = ctx.engagements(rec.objectTypeId + '/' + rec.id);
  if (!list) return { t: UNK, since: null };
  const entered = s.stage ? latestEntry(stageHistory(ctx, rec), s.stage.id) : null;
  const dueDay = s.due[s.call] ?? null;
  const sinceDay = entered !== null ? ctx.instantDay(entered) : dueDay;
  const m = checkInMatcher(ctx.env);
  for (const e of list) {
    if (!e || (e.type !== 'call' && e.type !== 'email')) continue;
    const at = engagementTime(e);
    if (sinceDay !== null && (at === null || ctx.instantDay(at) < sinceDay)) continue;
    if (e.type === 'email' || matchesCheckIn(m, e.properties ?? {})) return { t: MET, since: sinceDay };
  }
  return { t: FAIL, since: sinceDay };
}

/** CH-8: the summary task (by subject) completed, from the record's task engagements. */
function taskDone(ctx: Ctx, rec: RecordData, subject: string): Tri {
  const list = ctx.engagements(rec.objectTypeId + '/' + rec.id);
  if (!list) return UNK;
  const want = normLabel(subject);
  for (const e of list) {
    if (!e || e.type !== 'task') continue;
    const subj = e.properties?.[HS.taskSubject];
    if (typeof subj !== 'string' || normLabelCached(subj) !== want) continue;
    const status = e.properties?.[HS.taskStatus];
    if (typeof status === 'string' && status.trim().toUpperCase() === 'COMPLETED') return MET;
  }
  return FAIL;
}

export function cadenceNode(p: P, _alias: string, _env: Env): Node {
  const label = p.label ?? `Cadence: ${p.check}`;
  const evalItems = (ctx: Ctx, rec: RecordData | undefined, out: FindingItem[] | null, hint: Hint | null): Tri => {
    if (!rec) return UNK;
    const s = cadenceState(ctx, rec);
    if (!s) return UNK;
    const c = s.cadence;
    const push = (l: string, t: Tri, current: string | null, required: string, fix?: ReturnType<typeof makeFix> | null) => {
      if (out) out.push(item(l, t, current, required, t === MET ? null : fix ?? null));
      return t;
    };
    const comp = compiled(ctx.env)!;
    switch (p.check) {
      case 'ratioSet': {
        const t: Tri = s.ratioUnknown ? UNK : s.ratioValid ? MET : FAIL;
        const fix = makeFix([refOfRecord(rec)], comp.ratioProp, comp.ratioOptions, suggestionFor(comp.ratioProp, hint, c.defaultRatio) ?? c.defaultRatio);
        return push(label, t, s.ratioRaw === null ? null : s.ratioValid ? s.ratioLabel : s.ratioRaw, `a Contact Ratio (default ${ratioLabel(ctx.env, c.defaultRatio)})`, fix);
      }
      case 'preparation': {
        if (s.stage === null) return s.pipe || !ctx.stageOf(rec).unknown ? NA : UNK;
        if (s.kind !== 'completed') return NA;
        if (s.next === null) return push(label, UNK, null, `${c.stages.preparation} ${c.prepLeadDays} days before the next contact date`);
        const t: Tri = ctx.today >= s.prep! ? FAIL : MET;
        return push(label, t, `${s.stage.label}; next contact ${iso(s.next)}`, `in ${c.stages.preparation} from ${iso(s.prep)}`, stageFix(ctx, rec, s, c.stages.preparation));
      }
      case 'overdue': {
        if (s.stage === null) return ctx.stageOf(rec).unknown ? UNK : NA;
        if (s.kind !== 'call') return NA;
        if (s.next === null) return push(label, UNK, s.stage.label, 'each call on its date');
        const last = s.call === c.stages.calls.length - 1;
        const deadline = last ? (s.due[s.call] ?? 0) + c.callSpacingDays : s.due[s.call + 1];
        return push(label, s.overdue ? FAIL : MET, `${s.stage.label}, due ${iso(s.due[s.call])}`, `${s.stage.label} done by ${iso(deadline)}`);
      }
      case 'call3Contact': {
        if (s.stage === null) return ctx.stageOf(rec).unknown ? UNK : NA;
        if (s.kind !== 'call' || s.call !== c.stages.calls.length - 1) return NA;
        const r = call3Contact(ctx, rec, s);
        return push(label, r.t, r.t === MET ? 'contact logged' : r.t === FAIL ? `no check-in or email${r.since !== null ? ` since ${iso(r.since)}` : ''}` : null, 'a successful check-in call or an email to the client');
      }
      case 'summary': {
        if (s.stage === null) return ctx.stageOf(rec).unknown ? UNK : NA;
        if (s.kind !== 'summaryConnected' && s.kind !== 'summaryNotConnected') return NA;
        const connected = s.kind === 'summaryConnected';
        const wantRatio = connected ? null : c.notConnectedRatio;
        const rt: Tri = s.ratioUnknown ? UNK : wantRatio ? (s.ratioValid && s.ratioKey.toLowerCase() === wantRatio.toLowerCase() ? MET : FAIL) : s.ratioValid ? MET : FAIL;
        const options = wantRatio ? comp.ratioOptions.filter((o) => o.value.toLowerCase() === wantRatio.toLowerCase()) : comp.ratioOptions;
        const ratioFix = makeFix([refOfRecord(rec)], comp.ratioProp, options, wantRatio ?? suggestionFor(comp.ratioProp, hint, undefined));
        push(wantRatio ? `Contact Ratio set to ${ratioLabel(ctx.env, wantRatio)}` : 'Contact Ratio set', rt, s.ratioRaw === null ? null : s.ratioValid ? s.ratioLabel : s.ratioRaw, wantRatio ? ratioLabel(ctx.env, wantRatio) : 'the client\'s preferred cadence', ratioFix);
        const task = connected ? c.tasks.summaryConnected : c.tasks.summaryNotConnected;
        const tt = taskDone(ctx, rec, task);
        push(`Task "${task}" completed`, tt, tt === MET ? 'completed' : tt === FAIL ? 'open' : null, 'completed');
        return rt === FAIL || tt === FAIL ? FAIL : rt === UNK || tt === UNK ? UNK : MET;
      }
      default:
        return UNK;
    }
  };
  return {
    label,
    test: (ctx, rec) => evalItems(ctx, rec, null, null),
    items: (ctx, rec, out, hint) => evalItems(ctx, rec, out, hint),
  };
}
