/**
 * A company's result: profile completeness (the profile rule, ACC-1),
 * account type and SLA tier (the single-enumeration account rules, ACC-2 and
 * ACC-5), account team with owner names (ACC-4), hierarchy tree and
 * roll-ups (ACC-3), health score with its components (ACC-6), last
 * activity (ACC-10), likely duplicates (ACC-9).
 */
import type { Predicate } from '../playbook/types';
import type { RecordData } from './snapshot';
import type { CompanyResult } from './result';
import type { Ctx } from './context';
import type { Env, PropInfo } from './resolve';
import { memoBy, ownerName, propInfo } from './resolve';
import { rulesFor, type CRule } from './rules';
import { knownNode } from './leaf-property';
import { MET, UNK, display, type Node } from './node';
import { latestActivity } from './leaf-assoc';
import { findDuplicates } from './duplicates';
import { computeHealth } from './health';
import { hierarchy } from './hierarchy';
import { dayToIso } from './dates';
import { HS } from './hubspot';
import { clean, isBlank } from './values';

function leaves(p: Predicate | undefined, out: Predicate[] = []): Predicate[] {
  if (!p) return out;
  if (p.op === 'all') for (const c of p.of ?? []) leaves(c, out);
  else out.push(p);
  return out;
}

const testOf = (cr: CRule): Predicate | undefined => ('test' in cr.rule ? cr.rule.test : undefined);

interface Summary {
  profile: Array<{ label: string; node: Node }>;
  accountType: PropInfo | null;
  slaTier: PropInfo | null;
  team: PropInfo[];
  hierarchy: boolean;
  health: boolean;
  duplicates: boolean;
}

function summary(env: Env, alias: string): Summary {
  return memoBy(env, 'company', alias, buildSummary);
}

function buildSummary(env: Env, alias: string): Summary {
  {
    const rules = rulesFor(env, alias);
    const profileRule = rules.find((r) => r.group === 'profile');
    const profile = leaves(profileRule ? testOf(profileRule) : undefined)
      .filter((l): l is Extract<Predicate, { op: 'known' }> => l.op === 'known')
      .map((l) => ({ label: propInfo(env, alias, l.property).label, node: knownNode(l, alias, env) }));
    const single = rules
      .filter((r) => r.group === 'account')
      .map(testOf)
      .filter((t): t is Extract<Predicate, { op: 'oneOf' | 'equals' }> => !!t && (t.op === 'oneOf' || t.op === 'equals'))
      .map((t) => propInfo(env, alias, t.property));
    const accountType = single.find((p) => p.name === HS.companyType) ?? null;
    const slaTier = single.find((p) => p !== accountType) ?? null;
    const team: PropInfo[] = [];
    for (const r of rules) {
      if (r.group !== 'account') continue;
      for (const l of leaves(testOf(r))) {
        if (l.op === 'ownerResolves' && l.property !== HS.owner) team.push(propInfo(env, alias, l.property));
      }
    }
    const viewOn = (env.playbook.rules ?? []).some(
      (r) => r && r.kind === 'view' && r.enabled !== false && r.view === 'hierarchy' && (r.scope?.object === alias || (r.scope?.alsoOn ?? []).includes(alias)),
    );
    return {
      profile,
      accountType,
      slaTier,
      team,
      hierarchy: viewOn,
      health: rules.some((r) => r.group === 'health'),
      duplicates: rules.some((r) => testOf(r)?.op === 'noDuplicates'),
    };
  }
}

function value(ctx: Ctx, rec: RecordData, p: PropInfo | null): string | null {
  if (!p) return null;
  const raw = rec.properties[p.name];
  return display(ctx, p, typeof raw === 'string' ? raw : null);
}

export function companyResult(ctx: Ctx, rec: RecordData, alias: string): CompanyResult {
  const s = summary(ctx.env, alias);
  const missing: string[] = [];
  let filled = 0;
  for (const item of s.profile) {
    if (item.node.test(ctx, rec) === MET) filled++;
    else missing.push(item.label);
  }
  const team = s.team.map((p) => {
    const raw = rec.properties[p.name];
    const ownerId = typeof raw === 'string' && !isBlank(raw) ? clean(raw) : null;
    return { role: p.label, ownerId, ownerName: ownerId ? ownerName(ctx.env.owners.get(ownerId)) : null };
  });
  const h = s.hierarchy ? hierarchy(ctx, rec) : { tree: null, rollup: null };
  const health = s.health ? computeHealth(ctx, rec) : null;
  const act = latestActivity(ctx, rec, alias);
  return {
    kind: 'company',
    profile: { filled, total: s.profile.length, missing },
    accountType: value(ctx, rec, s.accountType),
    slaTier: value(ctx, rec, s.slaTier),
    team,
    hierarchy: h.tree,
    rollup: h.rollup,
    health: health && health.t !== UNK ? { score: health.score, atRisk: health.atRisk, components: health.components, formula: health.formula } : null,
    lastActivity: act.latest === null ? null : dayToIso(act.latest),
    duplicates: s.duplicates ? findDuplicates(ctx, rec).refs : [],
  };
}
