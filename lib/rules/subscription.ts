/**
 * CH-1: one Client Hub record per (Product Subscription, Primary Contact)
 * pair, associated with both. Read from the subscription (each of its
 * Primary Contacts) or from a contact (each subscription it is the Primary
 * Contact of); a contact that is nobody's Primary Contact is not concerned.
 * Associations are read in either direction; what is not loaded is unknown.
 */
import type { Predicate } from '../playbook/types';
import type { RecordData } from './snapshot';
import type { Ctx } from './context';
import type { Env } from './resolve';
import { objectTypeOf } from './resolve';
import { refOf } from './context';
import { FAIL, MET, NA, UNK, item, type Node, type Tri } from './node';
import { isBlank, normLabel, normLabelCached } from './values';

type P = Extract<Predicate, { op: 'onePerPair' }>;

const typeOfKey = (key: string) => key.slice(0, key.lastIndexOf('/'));

/** Whether a and b are associated: an edge either way; else not, if either side's list is loaded; else unknown. */
function linked(ctx: Ctx, a: string, b: string): Tri {
  for (const e of ctx.edgesFrom(a)) if (e.to === b) return MET;
  for (const e of ctx.edgesFrom(b)) if (e.to === a) return MET;
  return ctx.isLoaded(a, typeOfKey(b)) || ctx.isLoaded(b, typeOfKey(a)) ? FAIL : UNK;
}

function neighbours(ctx: Ctx, key: string, typeId: string): string[] {
  const prefix = typeId + '/';
  const out: string[] = [];
  for (const e of ctx.edgesFrom(key)) if (e.to.startsWith(prefix) && !out.includes(e.to)) out.push(e.to);
  for (const e of ctx.edgesTo(key)) if (e.from.startsWith(prefix) && !out.includes(e.from)) out.push(e.from);
  return out;
}

function labelled(ctx: Ctx, a: string, b: string, labels: Set<string>): Tri {
  const has = (from: string, to: string) => {
    for (const e of ctx.edgesFrom(from)) {
      if (e.to !== to) continue;
      for (const t of e.types ?? []) if (t && typeof t.label === 'string' && labels.has(normLabelCached(t.label))) return true;
    }
    return false;
  };
  if (has(a, b) || has(b, a)) return MET;
  // The subscription's own list carries the labels it gave its contacts.
  return ctx.isLoaded(a, typeOfKey(b)) ? FAIL : UNK;
}

interface Pair {
  other: string;
  t: Tri;
  count: number;
}

function name(ctx: Ctx, key: string): string {
  const rec = ctx.record(key);
  if (!rec) return key;
  const alias = ctx.env.aliasByType.get(rec.objectTypeId);
  const props = alias ? ctx.env.objects.get(alias)?.nameProperties ?? [] : [];
  const parts = props.map((p) => rec.properties[p]).filter((v): v is string => typeof v === 'string' && !isBlank(v));
  return parts.length ? parts.join(' ') : key;
}

export function onePerPairNode(p: P, alias: string, env: Env): Node {
  const labels = new Set((p.pairLabels ?? []).map(normLabel));
  const hubType = objectTypeOf(env, p.object);
  const pairType = objectTypeOf(env, p.pairWith);
  const hubLabel = env.objects.get(p.object)?.label ?? p.object;
  const contactSide = alias === p.pairWith;
  // The object whose records carry the labelled association (the subscription), from the playbook's labels.
  const ownerAlias = contactSide
    ? (env.playbook.associations?.labels ?? []).find((l) => l.to === p.pairWith && (p.pairLabels ?? []).some((x) => normLabel(x) === normLabel(l.label)))?.from ?? null
    : alias;
  const ownerType = ownerAlias ? objectTypeOf(env, ownerAlias) : null;
  const label = p.label ?? `One ${hubLabel} record per ${(p.pairLabels ?? []).join('/')} pair`;

  const countPair = (ctx: Ctx, sub: string, contact: string): Pair => {
    const hubs = new Set([...neighbours(ctx, sub, hubType!), ...neighbours(ctx, contact, hubType!)]);
    let count = 0;
    let unknown = 0;
    for (const h of hubs) {
      const a = linked(ctx, sub, h);
      const b = linked(ctx, contact, h);
      if (a === MET && b === MET) count++;
      else if (a !== FAIL && b !== FAIL) unknown++;
    }
    const complete = ctx.isLoaded(sub, hubType!) || ctx.isLoaded(contact, hubType!);
    let t: Tri;
    if (count >= 2) t = FAIL;
    else if (count === 1) t = unknown === 0 && complete ? MET : UNK;
    else t = unknown === 0 && complete ? FAIL : UNK;
    return { other: contactSide ? sub : contact, t, count };
  };

  const pairs = (ctx: Ctx, rec: RecordData | undefined): { t: Tri; pairs: Pair[] } => {
    if (!rec || !hubType || !pairType || !ownerType) return { t: UNK, pairs: [] };
    const key = rec.objectTypeId + '/' + rec.id;
    const list: Pair[] = [];
    let unknown = false;
    if (!contactSide) {
      const a = ctx.assoc(key, pairType);
      if (!a.loaded) return { t: UNK, pairs: [] };
      for (const e of a.edges) {
        if (labelled(ctx, key, e.to, labels) !== MET) continue;
        if (list.some((x) => x.other === e.to)) continue;
        list.push(countPair(ctx, key, e.to));
      }
      if (list.length === 0) return { t: MET, pairs: [] };
    } else {
      const subs = neighbours(ctx, key, ownerType);
      for (const s of subs) {
        const l = labelled(ctx, s, key, labels);
        if (l === UNK) unknown = true;
        if (l === MET) list.push(countPair(ctx, s, key));
      }
      if (list.length === 0) return { t: unknown || !ctx.isLoaded(key, ownerType) ? UNK : NA, pairs: [] };
    }
    let t: Tri = MET;
    for (const x of list) {
      if (x.t === FAIL) t = FAIL;
      else if (x.t === UNK && t !== FAIL) t = UNK;
    }
    if (t === MET && unknown) t = UNK;
    return { t, pairs: list };
  };

  return {
    label,
    test: (ctx, rec) => pairs(ctx, rec).t,
    items(ctx, rec, out) {
      const r = pairs(ctx, rec);
      if (r.pairs.length === 0) {
        if (r.t !== NA) out.push(item(label, r.t, r.t === MET ? `no ${(p.pairLabels ?? []).join('/')}` : null, `exactly one ${hubLabel} record for each ${(p.pairLabels ?? []).join('/')}`));
        return r.t;
      }
      for (const x of r.pairs) {
        const who = name(ctx, x.other);
        const current = x.t === UNK && x.count === 0 ? null : `${x.count} record${x.count === 1 ? '' : 's'}`;
        const required = `exactly one ${hubLabel} record associated with both`;
        out.push(item(`${hubLabel} record for ${who}`, x.t, current, required, null, refOf(x.other)));
      }
      return r.t;
    },
  };
}
