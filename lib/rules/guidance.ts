/**
 * Guide rules shown in context: on their objects, in their pipelines, in
 * their stage when they name one (SALES-SQL-G1 on a deal in SQL), and for
 * lifecycle guidance on the stages and transitions the lifecycle ties them
 * to (LC-2 on a Target or MQL contact, not on a Customer).
 */
import type { GuideRule } from '../playbook/types';
import type { RecordData } from './snapshot';
import type { Guidance } from './result';
import type { Ctx } from './context';
import type { Env } from './resolve';
import type { Node } from './node';
import { memoBy, newMap, pipesOf } from './resolve';
import { compiler } from './predicates';
import { MET } from './node';
import { clean, isBlank, normLabel } from './values';

interface CGuide {
  rule: GuideRule;
  out: Guidance;
  pipelines: Set<string> | null;
  stage: string | null;
  when: Node | null;
  /** Lifecycle values the guide belongs to (null = any). */
  lifecycle: Set<string> | null;
}

function guidesFor(env: Env, alias: string): CGuide[] {
  return memoBy(env, 'guides', alias, compileGuides);
}

function compileGuides(env: Env, alias: string): CGuide[] {
  {
    const compile = compiler(env);
    const obj = env.objects.get(alias);
    const lc = env.playbook.lifecycle;
    const out: CGuide[] = [];
    for (const rule of env.playbook.rules ?? []) {
      if (!rule || rule.kind !== 'guide' || rule.enabled === false) continue;
      const scope = rule.scope;
      if (!scope || (scope.object !== alias && !(scope.alsoOn ?? []).includes(alias))) continue;
      let pipelines: Set<string> | null = null;
      if (scope.pipelines) {
        const want = new Set(scope.pipelines.map(normLabel));
        pipelines = new Set(pipesOf(env, alias).filter((p) => want.has(normLabel(p.label))).map((p) => p.id));
      } else if (obj?.pipelined) {
        pipelines = new Set(pipesOf(env, alias).filter((p) => p.governed).map((p) => p.id));
      }
      let lifecycle: Set<string> | null = null;
      if (lc && lc.object === alias) {
        const values = new Set<string>();
        for (const s of lc.stages) if (s.ruleId === rule.id) values.add(s.value.toLowerCase());
        for (const t of lc.transitions) if (t.ruleId === rule.id) values.add(t.from.toLowerCase());
        if (values.size) lifecycle = values;
      }
      out.push({
        rule,
        out: Object.freeze({ ruleId: rule.id, title: rule.title, text: rule.text, source: rule.source, ...(rule.group ? { group: rule.group } : {}) }) as Guidance,
        pipelines,
        stage: rule.stage ? normLabel(rule.stage) : null,
        when: scope.when ? compile(scope.when, alias) : null,
        lifecycle,
      });
    }
    return out;
  }
}

/** Guides that pass the static filters (object, pipeline, stage) for a record in (pipe, stage). */
function staticGuides(env: Env, alias: string, pipeId: string, stageNorm: string | null, all: CGuide[]): CGuide[] {
  const byPipe = memoBy<Map<string, Map<string | null, CGuide[]>>>(env, 'guidePlans', alias, newMap);
  let byStage = byPipe.get(pipeId);
  if (!byStage) byPipe.set(pipeId, (byStage = new Map()));
  let list = byStage.get(stageNorm);
  if (!list) {
    list = all.filter((g) => (!g.pipelines || g.pipelines.has(pipeId)) && (!g.stage || g.stage === stageNorm));
    byStage.set(stageNorm, list);
  }
  return list;
}

export function guidanceFor(ctx: Ctx, rec: RecordData, alias: string): Guidance[] {
  const all = guidesFor(ctx.env, alias);
  if (all.length === 0) return [];
  let guides = all;
  if (ctx.env.objects.get(alias)?.pipelined) {
    const pos = ctx.stageOf(rec);
    guides = staticGuides(ctx.env, alias, pos.pipe ? pos.pipe.id : '', pos.stage ? pos.stage.norm : null, all);
  }
  const lc = ctx.env.playbook.lifecycle;
  let lifecycleValue: string | null = null;
  if (lc && lc.object === alias) {
    const raw = rec.properties[lc.property];
    lifecycleValue = (typeof raw === 'string' && !isBlank(raw) ? clean(raw) : lc.defaultValue).toLowerCase();
  }
  if (guides !== all && !guides.some((g) => g.lifecycle || g.when)) return guides.map((g) => g.out);
  const out: Guidance[] = [];
  for (const g of guides) {
    if (g.lifecycle && (lifecycleValue === null || !g.lifecycle.has(lifecycleValue))) continue;
    if (g.when && g.when.test(ctx, rec) !== MET) continue;
    out.push(g.out);
  }
  return out;
}
