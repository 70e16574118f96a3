/**
 * The playbook's rules compiled per object alias, and the per-stage plan:
 * which rules a record in stage S of pipeline P is checked against, in which
 * group, and what a failure means there (Resolutions, Deals):
 * - `leave` S: needed next while in S (missing), a violation once past S;
 * - `enter` the won stage: "to close as won" on open deals, a violation when won;
 * - `enter` the lost stage: "to close as lost" on open deals; a deal in the
 *   lost stage is checked only against those;
 * - no stage: every stage (a violation when failing).
 * Plans are built once per (playbook, portal, pipeline, stage).
 */
import type { Predicate, Rule, RuleSource, Severity } from '../playbook/types';
import type { RecordData } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { Finding, FindingGroup, FindingItem, FindingStatus } from './result';
import type { Ctx } from './context';
import type { Env, PipeInfo, StageInfo } from './resolve';
import { memoBy, newMap, pipesOf, stageByLabel } from './resolve';
import { compiler } from './predicates';
import { FAIL, MET, NA, UNK, item, type Hint, type Node, type Tri } from './node';
import { normLabel } from './values';

export interface CRule {
  rule: Rule;
  id: string;
  kind: Rule['kind'];
  severity: Severity;
  title: string;
  why: string;
  source: RuleSource;
  alias: string;
  test: Node | null;
  when: Node | null;
  hint: Hint | null;
  /** Pipeline ids in scope; null = any record of the object. */
  pipelines: Set<string> | null;
  stage: string | null;
  transition: 'leave' | 'enter' | null;
  group: FindingGroup;
  /** Tests association labels on the deal's contacts (ACC-7's buying committee). */
  committee: boolean;
  /** The test is SOP-1's checklist. */
  checklist: string | null;
}

export interface PlanEntry {
  cr: CRule;
  group: FindingGroup;
  /** What a failing test means here. */
  fail: 'missing' | 'violation';
  stage: string | null;
  /**
   * Met findings of a single-property test on the record, by the property's
   * raw value: the same value gives the same finding, so it is built once and
   * shared (frozen). Null when the rule's result depends on more than that value.
   */
  metCache: Map<string, Finding> | null;
  metProp: string | null;
  /** Met findings by the test's signature (Node.sig): shared like `metCache`. */
  sigCache: Map<number, Finding> | null;
  /** Learn-mode texts of this entry's failures, by the open item's current value (see evaluate). */
  texts?: Map<string, string>;
}

/** Tests whose result is a function of one property value of the context record (and the portal). */
const PURE_LEAVES = new Set(['known', 'equals', 'oneOf', 'hasAny', 'compare', 'matches', 'ownerResolves']);

function cacheProperty(cr: CRule): string | null {
  const t = 'test' in cr.rule ? cr.rule.test : undefined;
  return t && PURE_LEAVES.has(t.op) && 'property' in t && typeof t.property === 'string' ? t.property : null;
}

function walk(p: Predicate | undefined, visit: (p: Predicate) => void): void {
  if (!p || typeof p !== 'object') return;
  visit(p);
  switch (p.op) {
    case 'all':
    case 'any':
      for (const c of p.of ?? []) walk(c, visit);
      break;
    case 'not':
      walk(p.of, visit);
      break;
    case 'iff':
      walk(p.left, visit);
      walk(p.right, visit);
      break;
    case 'associated':
      walk(p.where, visit);
      break;
    case 'engagement':
      walk(p.where, visit);
      break;
    default:
      break;
  }
}

function has(p: Predicate | undefined, pred: (p: Predicate) => boolean): boolean {
  let found = false;
  walk(p, (x) => {
    if (pred(x)) found = true;
  });
  return found;
}

function properties(p: Predicate | undefined): Set<string> {
  const out = new Set<string>();
  walk(p, (x) => {
    if ('property' in x && typeof x.property === 'string') out.add(x.property);
  });
  return out;
}

/**
 * Where a finding shows when its rule is not tied to a stage: derived from
 * what the rule tests, so a playbook needs no presentation hints.
 */
function groupFor(env: Env, rule: Rule, alias: string, test: Predicate | undefined): FindingGroup {
  const scope = rule.scope ?? { object: alias };
  const isCadence = env.playbook.cadence?.object === alias;
  if (has(test, (p) => p.op === 'onePerPair')) return 'subscription';
  if (isCadence || has(test, (p) => p.op === 'cadence')) return 'cadence';
  if (has(test, (p) => p.op === 'healthScore')) return 'health';
  if (has(test, (p) => p.op === 'checklist')) return 'checklist';
  if (has(test, (p) => p.op === 'stageOrder')) return 'process';
  if (has(scope.when, (p) => p.op === 'inStage' && p.outcome === 'won')) return 'afterWon';
  if (has(test, (p) => p.op === 'manual')) return 'lead';
  if (has(test, (p) => p.op === 'noDuplicates')) return 'duplicates';
  if (has(test, (p) => p.op === 'associated' && !!p.labels?.length)) return 'committee';
  const lc = env.playbook.lifecycle;
  if (lc && lc.object === alias) {
    const props = properties(test);
    const onlyLifecycle = props.size === 1 && props.has(lc.property);
    const fixLifecycle = 'fix' in rule && rule.fix?.property === lc.property;
    if (onlyLifecycle || fixLifecycle || properties(scope.when).has(lc.property)) return 'lifecycle';
  }
  if (env.objects.get(alias)?.typeId === OBJECT_TYPE.deal || env.objects.get(alias)?.pipelined) return 'process';
  const onlyKnown = (() => {
    let ok = true;
    walk(test, (p) => {
      if (p.op !== 'all' && p.op !== 'known') ok = false;
    });
    return ok;
  })();
  if (rule.severity === 'recommended' && onlyKnown) return 'profile';
  if (rule.severity === 'recommended') return 'account';
  return 'hygiene';
}

export function rulesFor(env: Env, alias: string): CRule[] {
  return memoBy(env, 'rules', alias, compileRules);
}

function compileRules(env: Env, alias: string): CRule[] {
  {
    const compile = compiler(env);
    const out: CRule[] = [];
    const obj = env.objects.get(alias);
    for (const rule of env.playbook.rules ?? []) {
      if (!rule || rule.enabled === false || rule.kind === 'guide' || rule.kind === 'view') continue;
      const scope = rule.scope;
      if (!scope || (scope.object !== alias && !(scope.alsoOn ?? []).includes(alias))) continue;
      const test = 'test' in rule ? rule.test : undefined;
      if (!test) continue; // forms without an evaluable part (CH-2, CH-3, SOP-2) are offered, not checked
      let pipelines: Set<string> | null = null;
      if (scope.pipelines) {
        const want = new Set(scope.pipelines.map(normLabel));
        pipelines = new Set(pipesOf(env, alias).filter((p) => want.has(normLabel(p.label))).map((p) => p.id));
      } else if (obj?.pipelined) {
        pipelines = new Set(pipesOf(env, alias).filter((p) => p.governed).map((p) => p.id));
      }
      const fix = 'fix' in rule ? rule.fix : undefined;
      let checklist: string | null = null;
      walk(test, (p) => {
        if (p.op === 'checklist') checklist = p.list;
      });
      out.push({
        rule,
        id: rule.id,
        kind: rule.kind,
        severity: rule.severity,
        title: rule.title,
        why: rule.why,
        source: rule.source,
        alias,
        test: compile(test, alias),
        when: scope.when ? compile(scope.when, alias) : null,
        hint: fix ? { alias: fix.object ?? alias, property: fix.property, ...(fix.suggest !== undefined ? { suggest: fix.suggest } : {}) } : null,
        pipelines,
        stage: 'stage' in rule && typeof rule.stage === 'string' ? rule.stage : null,
        transition: 'transition' in rule && rule.transition ? rule.transition : null,
        group: groupFor(env, rule, alias, test),
        committee: has(test, (p) => p.op === 'associated' && !!p.labels?.length),
        checklist,
      });
    }
    return out;
  }
}

function inScope(cr: CRule, pipe: PipeInfo | null): boolean {
  if (cr.pipelines === null) return true;
  return !!pipe && cr.pipelines.has(pipe.id);
}

/** The rules a record of `alias` in (pipe, stage) is checked against. */
export function planFor(env: Env, alias: string, pipe: PipeInfo | null, stage: StageInfo | null): PlanEntry[] {
  const byPipe = memoBy<Map<string, Map<string, PlanEntry[]>>>(env, 'plans', alias, newMap);
  const pk = pipe ? pipe.id : '';
  let byStage = byPipe.get(pk);
  if (!byStage) byPipe.set(pk, (byStage = new Map()));
  const sk = stage ? stage.id : '';
  let plan = byStage.get(sk);
  if (!plan) {
    plan = [];
    for (const cr of rulesFor(env, alias)) {
      if (!inScope(cr, pipe)) continue;
      const e = placeRule(cr, pipe, stage);
      if (e) plan.push(e);
    }
    byStage.set(sk, plan);
  }
  return plan;
}

function placeRule(cr: CRule, pipe: PipeInfo | null, cur: StageInfo | null): PlanEntry | null {
  const e = place(cr, pipe, cur);
  const prop = cacheProperty(cr);
  return e ? { ...e, metCache: prop !== null ? new Map() : null, metProp: prop, sigCache: prop === null && cr.test?.sig ? new Map() : null } : null;
}

function place(cr: CRule, pipe: PipeInfo | null, cur: StageInfo | null): Omit<PlanEntry, 'metCache' | 'metProp' | 'sigCache'> | null {
  const special = cr.checklist !== null ? 'checklist' : null;
  if (cr.stage === null) {
    // A deal in the lost stage is checked only against the rules entering it.
    if (cur?.lost) return null;
    return { cr, group: cr.group, fail: cr.kind === 'form' ? 'missing' : 'violation', stage: null };
  }
  if (!pipe || !cur) return null;
  const s = stageByLabel(pipe, cr.stage);
  if (!s) return null;
  const label = s.label;
  if (cur.lost) {
    return cr.transition === 'enter' && s.lost ? { cr, group: 'toLost', fail: 'violation', stage: label } : null;
  }
  if (cr.transition === 'enter') {
    if (s.lost) return cur.isClosed ? null : { cr, group: 'toLost', fail: 'missing', stage: label };
    if (s.won) return { cr, group: 'toWon', fail: cur.won ? 'violation' : 'missing', stage: label };
    if (cur.rank < s.rank) return cur.rank + 1 === s.rank ? { cr, group: special ?? 'next', fail: 'missing', stage: label } : null;
    return { cr, group: special ?? 'earlier', fail: 'violation', stage: label };
  }
  if (cr.transition === 'leave') {
    if (s.isClosed || cur.rank < s.rank) return null;
    if (cur.id === s.id) return { cr, group: special ?? 'next', fail: 'missing', stage: label };
    return { cr, group: special ?? 'earlier', fail: 'violation', stage: label };
  }
  // A stage without a transition: while the record is in that stage (CH-7 in Call 3).
  if (cur.id !== s.id) return null;
  return { cr, group: cr.group, fail: cr.kind === 'form' ? 'missing' : 'violation', stage: label };
}

export function statusOf(t: Tri, e: PlanEntry): FindingStatus {
  if (t === MET) return 'met';
  if (t === UNK) return 'unknown';
  if (e.fail === 'missing') return 'missing';
  return e.cr.severity === 'recommended' ? 'warning' : 'violation';
}

const INTERNAL = 'This rule could not be evaluated';

function freeze(f: Finding): Finding {
  for (const i of f.items) Object.freeze(i);
  Object.freeze(f.items);
  return Object.freeze(f);
}

/** One rule on one record: a finding, or null when it does not apply (scope `when` false, NA). */
export function runEntry(ctx: Ctx, rec: RecordData, e: PlanEntry): Finding | null {
  const cr = e.cr;
  let items: FindingItem[];
  let t: Tri;
  let raw: string | null | undefined;
  let sig: number | null = null;
  try {
    if (cr.when) {
      const w = cr.when.test(ctx, rec);
      if (w === FAIL || w === NA) return null;
      if (w === UNK) return finding(cr, e, 'unknown', [item(cr.when.label, UNK, null, `applies only when: ${cr.when.label}`)]);
    }
    if (e.metCache) {
      raw = rec.properties[e.metProp!];
      if (typeof raw === 'string') {
        const hit = e.metCache.get(raw);
        if (hit) return hit;
      }
    }
    if (e.sigCache) {
      sig = cr.test!.sig!(ctx, rec);
      if (sig !== null) {
        const hit = e.sigCache.get(sig);
        if (hit) return hit;
      }
    }
    // Items gather in a scratch array, then move to one of exactly their number.
    const scratch = ctx.scratch;
    scratch.length = 0;
    t = cr.test!.items(ctx, rec, scratch, cr.hint);
    items = scratch.slice();
    scratch.length = 0;
  } catch (err) {
    items = [item(INTERNAL, UNK, err instanceof Error ? err.message : String(err), 'a well-formed rule and snapshot')];
    t = UNK;
  }
  if (t === NA) return null;
  const f = finding(cr, e, statusOf(t, e), items);
  if (t === MET && e.metCache && typeof raw === 'string' && e.metCache.size < 512) e.metCache.set(raw, freeze(f));
  else if (t === MET && e.sigCache && sig !== null && e.sigCache.size < 512) e.sigCache.set(sig, freeze(f));
  return f;
}

function finding(cr: CRule, e: PlanEntry, status: FindingStatus, items: FindingItem[]): Finding {
  const f: Finding = {
    ruleId: cr.id,
    kind: cr.kind,
    severity: cr.severity,
    status,
    group: e.group,
    title: cr.title,
    why: cr.why,
    source: cr.source,
    stage: e.stage ?? undefined,
    items,
  };
  return f;
}

/** Label of the item a rule could not evaluate (so tests can tell engine errors from data gaps). */
export const INTERNAL_ERROR_LABEL = INTERNAL;
