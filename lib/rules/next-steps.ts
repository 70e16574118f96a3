/**
 * Learn mode's "what to do next", in plain words, most important first:
 * what the next stage needs (its gates), then violations (earlier stages left
 * open, failed checks), then other open actions, then recommendations.
 * Unknown findings are not steps (nothing to do until the data is loaded).
 */
import type { Finding, FindingItem } from './result';

export interface StepContext {
  /** Label of the stage the record moves to next (deals), if any. */
  nextStage: string | null;
  /** The next stage is the won stage: its "to close as won" gates are next too. */
  nextIsWon: boolean;
  /** Extra steps to place after the next-stage gates (e.g. write the S&OP note). */
  extra?: Array<{ ruleId: string; text: string }>;
}

export type Step = { ruleId: string; text: string };

const NO_STEPS: Step[] = [];

function describe(i: FindingItem): string {
  return i.current === null || i.current === undefined ? `${i.label} (${i.required})` : `${i.label} (${i.required}; now ${i.current})`;
}

/** 0: next-stage gates, 1: violations, 2: other open actions, 3: recommendations; -1: not a step. */
export function stepTier(f: Finding, ctx: StepContext): number {
  if (f.status === 'met' || f.status === 'unknown') return -1;
  if (f.group === 'next' || (f.group === 'toWon' && ctx.nextIsWon && f.status === 'missing')) return 0;
  if (f.status === 'violation') return 1;
  if (f.status === 'missing') return f.group === 'toWon' || f.group === 'toLost' ? -1 : 2;
  return f.status === 'warning' ? 3 : -1;
}

export function stepText(f: Finding, tier: number, ctx: StepContext): string {
  let what = '';
  for (const i of f.items) if (i.status === 'missing') what = what ? `${what}; ${describe(i)}` : describe(i);
  if (!what) what = f.title;
  if (tier === 0) return ctx.nextStage ? `To move to ${ctx.nextStage}: ${what}.` : `${f.title}: ${what}.`;
  if (f.group === 'earlier') return `Out of compliance since ${f.stage ?? 'an earlier stage'} — ${f.title}: ${what}.`;
  return `${f.title}: ${what}.`;
}

/** Collects steps by tier as findings come in, then lists them in order. */
export class StepList {
  private tiers: [Step[] | null, Step[] | null, Step[] | null, Step[] | null] = [null, null, null, null];
  constructor(private readonly ctx: StepContext) {}

  /** Adds the finding's step, if it is one. */
  add(f: Finding): void {
    const tier = stepTier(f, this.ctx);
    if (tier >= 0) this.push(tier, f.ruleId, stepText(f, tier, this.ctx));
  }

  /** Adds a step whose tier and text the caller worked out (the evaluator caches texts). */
  push(tier: number, ruleId: string, text: string): void {
    (this.tiers[tier as 0 | 1 | 2 | 3] ??= []).push({ ruleId, text });
  }

  list(): Step[] {
    const [next, violations, open, warnings] = this.tiers;
    const extra = this.ctx.extra ?? NO_STEPS;
    const n = (next?.length ?? 0) + extra.length + (violations?.length ?? 0) + (open?.length ?? 0) + (warnings?.length ?? 0);
    const out = new Array<Step>(n);
    let i = 0;
    if (next) for (const s of next) out[i++] = s;
    for (const e of extra) out[i++] = e;
    if (violations) for (const s of violations) out[i++] = s;
    if (open) for (const s of open) out[i++] = s;
    if (warnings) for (const s of warnings) out[i++] = s;
    return out;
  }
}

export function nextSteps(findings: Finding[], ctx: StepContext): Step[] {
  const list = new StepList(ctx);
  for (const f of findings) list.add(f);
  return list.list();
}
