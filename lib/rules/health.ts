/**
 * ACC-6: account health 0–100 = weights · (engagement, velocity, support),
 * every number from `Playbook.health`:
 * - engagement: 100 when the last activity on the company or its contacts
 *   is at most `fullDays` old, falling linearly to 0 at `zeroDays`;
 * - velocity: mean days the company's open deals have spent in their current
 *   stage, 100 at ≤ `fullDays`, linearly to 0 at `zeroDays` (100 with no open deals);
 * - support: 100 − `perOpenTicket` per open ticket, − `surgePenalty` more when
 *   more tickets were created in the last `windowDays` than in the window
 *   before; floored at 0.
 * Below `atRisk` is flagged.
 */
import type { HealthSpec, Predicate } from '../playbook/types';
import type { RecordData } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { HealthComponent } from './result';
import type { Ctx } from './context';
import type { Env } from './resolve';
import { aliasOf } from './resolve';
import { FAIL, MET, UNK, item, type Node, type Tri } from './node';
import { latestActivity } from './leaf-assoc';
import { latestEntry, stageHistory } from './history';
import { HS } from './hubspot';
import { isBlank } from './values';

type P = Extract<Predicate, { op: 'healthScore' }>;

export interface Health {
  t: Tri;
  score: number;
  atRisk: boolean;
  components: HealthComponent[];
  formula: string;
  /** Why the score cannot be computed, when unknown. */
  missing: string[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 100 at ≤ full, 0 at ≥ zero, linear between. */
export function linear(days: number, full: number, zero: number): number {
  if (days <= full) return 100;
  if (days >= zero) return 0;
  return (100 * (zero - days)) / (zero - full);
}

export function healthFormula(spec: HealthSpec): string {
  const w = spec.weights;
  return `${w.engagement} × engagement + ${w.velocity} × velocity + ${w.support} × support`;
}

function dayOfRecordCreation(ctx: Ctx, rec: RecordData): number | null {
  const v = rec.properties[HS.createDate];
  if (typeof v === 'string' && !isBlank(v)) return ctx.day(v);
  return typeof rec.createdAt === 'string' ? ctx.day(rec.createdAt) : null;
}

/** The day a deal entered its current stage: stage history, else HubSpot's entered-stage properties. */
export function enteredCurrentStage(ctx: Ctx, deal: RecordData, stageId: string): number | null {
  const at = latestEntry(stageHistory(ctx, deal), stageId);
  if (at !== null) return ctx.instantDay(at);
  for (const name of [HS.enteredCurrentStage, HS.enteredStagePrefix + stageId]) {
    const v = deal.properties[name];
    if (typeof v === 'string' && !isBlank(v)) {
      const d = ctx.day(v);
      if (d !== null) return d;
    }
  }
  return null;
}

export function computeHealth(ctx: Ctx, company: RecordData): Health | null {
  const spec = ctx.env.playbook.health;
  if (!spec) return null;
  const cache = ctx.cache(company);
  if (cache.health) return cache.health as Health;
  const key = company.objectTypeId + '/' + company.id;
  const missing: string[] = [];
  const alias = aliasOf(ctx.env, company.objectTypeId) ?? 'company';

  // Engagement: the company's activity and its contacts'.
  const own = latestActivity(ctx, company, alias);
  let latest = own.latest;
  let anyLoaded = own.complete || own.latest !== null;
  const contacts = ctx.assoc(key, OBJECT_TYPE.contact);
  if (contacts.loaded) anyLoaded = true;
  const contactAlias = aliasOf(ctx.env, OBJECT_TYPE.contact) ?? 'contact';
  for (const e of contacts.edges) {
    const c = ctx.record(e.to);
    if (!c) continue;
    const a = latestActivity(ctx, c, contactAlias);
    if (a.latest !== null && (latest === null || a.latest > latest)) latest = a.latest;
  }
  let engagement: number | null = null;
  let engagementDetail = '';
  if (latest !== null) {
    const days = Math.max(0, ctx.today - latest);
    engagement = linear(days, spec.engagement.fullDays, spec.engagement.zeroDays);
    engagementDetail = `last activity ${days} day${days === 1 ? '' : 's'} ago`;
  } else if (anyLoaded) {
    engagement = 0;
    engagementDetail = 'no activity logged';
  } else missing.push('activity');

  // Velocity: open deals, days in their current stage.
  let velocity: number | null = null;
  let velocityDetail = '';
  const deals = ctx.assoc(key, OBJECT_TYPE.deal);
  if (!deals.loaded) missing.push('deals');
  else {
    let open = 0;
    let dated = 0;
    let total = 0;
    for (const e of deals.edges) {
      const d = ctx.record(e.to);
      if (!d) continue;
      const pos = ctx.stageOf(d);
      if (!pos.stage || pos.stage.isClosed) continue;
      open++;
      const entered = enteredCurrentStage(ctx, d, pos.stage.id);
      if (entered === null) continue;
      dated++;
      total += Math.max(0, ctx.today - entered);
    }
    if (open === 0) {
      velocity = 100;
      velocityDetail = 'no open deals';
    } else if (dated === 0) missing.push('time in stage of the open deals');
    else {
      const mean = total / dated;
      velocity = linear(mean, spec.velocity.fullDays, spec.velocity.zeroDays);
      velocityDetail = `${open} open deal${open === 1 ? '' : 's'}, ${round1(mean)} days in stage on average`;
    }
  }

  // Support: open tickets, and a surge of new ones.
  let support: number | null = null;
  let supportDetail = '';
  const tickets = ctx.assoc(key, OBJECT_TYPE.ticket);
  if (!tickets.loaded) missing.push('tickets');
  else {
    let open = 0;
    let recent = 0;
    let before = 0;
    const w = spec.support.windowDays;
    for (const e of tickets.edges) {
      const t = ctx.record(e.to);
      if (!t) continue;
      const pos = ctx.stageOf(t);
      if (!pos.stage || !pos.stage.isClosed) open++;
      const created = dayOfRecordCreation(ctx, t);
      if (created === null) continue;
      const age = ctx.today - created;
      if (age >= 0 && age < w) recent++;
      else if (age >= w && age < 2 * w) before++;
    }
    const surge = recent > before;
    support = Math.max(0, 100 - spec.support.perOpenTicket * open - (surge ? spec.support.surgePenalty : 0));
    supportDetail = `${open} open ticket${open === 1 ? '' : 's'}; ${recent} created in the last ${w} days, ${before} in the ${w} before`;
  }

  const w = spec.weights;
  const components: HealthComponent[] = [
    { name: 'engagement', score: round1(engagement ?? 0), weight: w.engagement, detail: engagement === null ? 'not loaded' : engagementDetail },
    { name: 'velocity', score: round1(velocity ?? 0), weight: w.velocity, detail: velocity === null ? 'not loaded' : velocityDetail },
    { name: 'support', score: round1(support ?? 0), weight: w.support, detail: support === null ? 'not loaded' : supportDetail },
  ];
  const known = engagement !== null && velocity !== null && support !== null;
  const raw = known ? w.engagement * engagement! + w.velocity * velocity! + w.support * support! : 0;
  const score = Math.round(raw);
  const atRisk = known && raw < spec.atRisk;
  const h: Health = {
    t: !known ? UNK : atRisk ? FAIL : MET,
    score,
    atRisk,
    components,
    formula: healthFormula(spec),
    missing,
  };
  cache.health = h;
  return h;
}

export function healthScoreNode(p: P, _alias: string, env: Env): Node {
  const threshold = env.playbook.health?.atRisk ?? 50;
  const label = p.label ?? 'Health score is not at risk';
  const required = `${threshold} or more`;
  return {
    label,
    test: (ctx, rec) => (rec ? computeHealth(ctx, rec)?.t ?? UNK : UNK),
    items(ctx, rec, out) {
      const h = rec ? computeHealth(ctx, rec) : null;
      const t = h?.t ?? UNK;
      const current = h && h.t !== UNK ? `${h.score} (${h.components.map((c) => `${c.name} ${c.score}`).join(', ')})` : h?.missing.length ? `not loaded: ${h.missing.join(', ')}` : null;
      out.push(item(label, t, current, required));
      return t;
    },
  };
}
