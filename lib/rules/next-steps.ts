/**
 * Learn mode's "what to do next", in plain words, most important first:
 * what the next stage needs (its gates), then violations (earlier stages left
 * open, failed checks), then other open actions, then recommendations.
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

function open(items: FindingItem[]): FindingItem[] {
  return items.filter((i) => i.status === 'missing');
}

function describe(i: FindingItem): string {
  return i.current === null || i.current === undefined ? `${i.label} (${i.required})` : `${i.label} (${i.required}; now ${i.current})`;
}

function text(f: Finding, ctx: StepContext): string {
  const items = open(f.items);
  const what = items.length ? items.map(describe).join('; ') : f.title;
  if (f.group === 'next' || (f.group === 'toWon' && ctx.nextIsWon && f.status === 'missing')) {
    return ctx.nextStage ? `To move to ${ctx.nextStage}: ${what}.` : `${f.title}: ${what}.`;
  }
  if (f.group === 'earlier') return `Out of compliance since ${f.stage ?? 'an earlier stage'} — ${f.title}: ${what}.`;
  return `${f.title}: ${what}.`;
}

export function nextSteps(findings: Finding[], ctx: StepContext): Array<{ ruleId: string; text: string }> {
  const tiers: Finding[][] = [[], [], [], []];
  for (const f of findings) {
    if (f.status === 'met' || f.status === 'unknown') continue;
    const isNext = f.group === 'next' || (f.group === 'toWon' && ctx.nextIsWon && f.status === 'missing');
    if (isNext) tiers[0]!.push(f);
    else if (f.status === 'violation') tiers[1]!.push(f);
    else if (f.status === 'missing' && f.group !== 'toWon' && f.group !== 'toLost') tiers[2]!.push(f);
    else if (f.status === 'warning') tiers[3]!.push(f);
  }
  const out: Array<{ ruleId: string; text: string }> = [];
  for (const f of tiers[0]!) out.push({ ruleId: f.ruleId, text: text(f, ctx) });
  for (const e of ctx.extra ?? []) out.push(e);
  for (const tier of tiers.slice(1)) for (const f of tier) out.push({ ruleId: f.ruleId, text: text(f, ctx) });
  return out;
}
