/**
 * ACC-3 (view): the company hierarchy through the playbook's parent/child
 * association type ids, and roll-ups over the company and all its
 * descendants: annual revenue (sum), open deals and open tickets (counts of
 * distinct records not in a closed stage).
 */
import type { RecordData } from './snapshot';
import { OBJECT_TYPE } from './snapshot';
import type { CompanyResult, HierarchyNode } from './result';
import type { Ctx } from './context';
import { refOf } from './context';
import { HS } from './hubspot';
import { isBlank, parseNumber } from './values';

function hasType(types: Array<{ typeId: number }> | undefined, id: number | undefined): boolean {
  if (id === undefined || !types) return false;
  for (const t of types) if (t && t.typeId === id) return true;
  return false;
}

function parentsOf(ctx: Ctx, key: string, p2c?: number, c2p?: number): string[] {
  const out: string[] = [];
  const prefix = OBJECT_TYPE.company + '/';
  for (const e of ctx.edgesFrom(key)) if (e.to.startsWith(prefix) && hasType(e.types, c2p) && !out.includes(e.to)) out.push(e.to);
  for (const e of ctx.edgesTo(key)) if (e.from.startsWith(prefix) && hasType(e.types, p2c) && !out.includes(e.from)) out.push(e.from);
  return out;
}

function childrenOf(ctx: Ctx, key: string, p2c?: number, c2p?: number): string[] {
  const out: string[] = [];
  const prefix = OBJECT_TYPE.company + '/';
  for (const e of ctx.edgesFrom(key)) if (e.to.startsWith(prefix) && hasType(e.types, p2c) && !out.includes(e.to)) out.push(e.to);
  for (const e of ctx.edgesTo(key)) if (e.from.startsWith(prefix) && hasType(e.types, c2p) && !out.includes(e.from)) out.push(e.from);
  return out;
}

function companyName(ctx: Ctx, key: string): string {
  const rec = ctx.record(key);
  const v = rec?.properties[HS.companyName];
  return typeof v === 'string' && !isBlank(v) ? v.trim() : `Company ${refOf(key).id}`;
}

export function hierarchy(ctx: Ctx, company: RecordData): { tree: CompanyResult['hierarchy']; rollup: CompanyResult['rollup'] } {
  const a = ctx.env.playbook.associations ?? { labels: [], primary: [] };
  const p2c = a.parentToChild;
  const c2p = a.childToParent;
  const focus = company.objectTypeId + '/' + company.id;
  if (!ctx.isLoaded(focus, OBJECT_TYPE.company) && parentsOf(ctx, focus, p2c, c2p).length === 0 && childrenOf(ctx, focus, p2c, c2p).length === 0) {
    return { tree: null, rollup: null };
  }
  // Up to the root (cycles are cut).
  const up: string[] = [focus];
  const seenUp = new Set(up);
  for (;;) {
    const parent = parentsOf(ctx, up[0]!, p2c, c2p).find((k) => !seenUp.has(k));
    if (!parent) break;
    seenUp.add(parent);
    up.unshift(parent);
  }
  const seen = new Set<string>();
  const build = (key: string): HierarchyNode => {
    seen.add(key);
    const kids = childrenOf(ctx, key, p2c, c2p).filter((k) => !seen.has(k));
    for (const k of kids) seen.add(k);
    return { company: refOf(key), name: companyName(ctx, key), children: kids.map(build) };
  };
  const root = build(up[0]!);

  // Roll-ups over the focus company and its descendants.
  const subtree: string[] = [];
  const visit = new Set<string>();
  const walk = (key: string) => {
    if (visit.has(key)) return;
    visit.add(key);
    subtree.push(key);
    for (const k of childrenOf(ctx, key, p2c, c2p)) walk(k);
  };
  walk(focus);
  let annualRevenue = 0;
  const deals = new Set<string>();
  const tickets = new Set<string>();
  for (const key of subtree) {
    const rec = ctx.record(key);
    const rev = rec ? parseNumber(rec.properties[HS.annualRevenue]) : null;
    if (rev !== null) annualRevenue += rev;
    for (const e of ctx.edgesFrom(key)) {
      const open = (k: string) => {
        const r = ctx.record(k);
        if (!r) return false;
        const pos = ctx.stageOf(r);
        return !pos.stage || !pos.stage.isClosed;
      };
      if (e.to.startsWith(OBJECT_TYPE.deal + '/') && open(e.to)) deals.add(e.to);
      else if (e.to.startsWith(OBJECT_TYPE.ticket + '/') && open(e.to)) tickets.add(e.to);
    }
  }
  return {
    tree: { root, focusPath: up.map((k) => refOf(k).id) },
    rollup: { annualRevenue, openDeals: deals.size, openTickets: tickets.size, companies: subtree.length },
  };
}
