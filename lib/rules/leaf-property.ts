/**
 * Conditions on one property of the context record: known, equals, oneOf,
 * hasAny, compare, dateWithin, matches, ownerResolves. A property absent
 * from the record's `properties` was not loaded (unknown); present but null
 * is unset (Resolutions).
 */
import type { Cmp, Predicate } from '../playbook/types';
import type { PropertyOption, RecordData } from './snapshot';
import type { FindingItem } from './result';
import type { Ctx } from './context';
import type { Env, PropInfo } from './resolve';
import { listParam, numberParam, optionOf, propInfo, ownerName } from './resolve';
import { FAIL, MET, UNK, display, isFocus, item, makeFix, refOfRecord, suggestionFor, type Hint, type Node, type Tri } from './node';
import { clean, isBlank, orList, parseNumber, splitMulti } from './values';

type Leaf<Op extends Predicate['op']> = Extract<Predicate, { op: Op }>;

/** Whether the leaf's value must be one of the property's options (Resolutions: enumerations). */
function checksOptions(p: PropInfo): boolean {
  return p.type === 'enumeration' && !p.isOwner && p.options.length > 0;
}

function requiredKnown(p: PropInfo): string {
  if (p.isOwner) return 'an active HubSpot user';
  if (checksOptions(p)) {
    if (p.options.length <= 4) return orList(p.options.map((o) => o.label));
    return p.multi ? 'at least one option selected' : 'one of the options';
  }
  if (p.isNumber) return 'a number';
  if (p.isDate || p.isDateTime) return 'a date';
  return 'a value';
}

interface LeafSpec {
  p: PropInfo;
  label: string;
  required: string;
  accepts: readonly PropertyOption[];
  suggest?: string;
  /** The check on a present, non-null value. */
  check(ctx: Ctx, v: string): boolean;
  /** Unset (null/blank) reads as failing unless this says otherwise. */
  blank?: Tri;
}

function leafNode(spec: LeafSpec): Node {
  const { p } = spec;
  const name = p.name;
  const test = (ctx: Ctx, rec: RecordData | undefined): Tri => {
    if (!rec) return UNK;
    const v = rec.properties[name];
    if (v === undefined) return UNK;
    if (typeof v !== 'string' || isBlank(v)) return spec.blank ?? FAIL;
    return spec.check(ctx, v) ? MET : FAIL;
  };
  return {
    label: spec.label,
    property: p,
    accepts: spec.accepts,
    suggest: spec.suggest,
    test,
    items(ctx: Ctx, rec: RecordData | undefined, out: FindingItem[], hint: Hint | null): Tri {
      const t = test(ctx, rec);
      const raw = rec ? rec.properties[name] : undefined;
      const fix =
        t === MET || !rec ? null : makeFix(ctx.targets(rec), p, spec.accepts, suggestionFor(p, hint, spec.suggest));
      out.push(
        item(spec.label, t, display(ctx, p, typeof raw === 'string' ? raw : null), spec.required, fix, rec && !isFocus(ctx, rec) ? refOfRecord(rec) : null),
      );
      return t;
    },
  };
}

function validOption(p: PropInfo, v: string): boolean {
  if (!checksOptions(p)) return true;
  if (p.multi || v.indexOf(';') >= 0) {
    for (const part of splitMulti(v)) if (optionOf(p, part)) return true;
    return false;
  }
  return optionOf(p, clean(v)) !== undefined;
}

/** Options matching `values` case-insensitively (synthesized when the portal has none). */
function narrow(p: PropInfo, values: string[]): PropertyOption[] {
  const out: PropertyOption[] = [];
  for (const v of values) {
    const o = optionOf(p, v);
    out.push(o ?? { value: v, label: v });
  }
  return Object.freeze(out) as PropertyOption[];
}

function values(v: string, multi: boolean): string[] {
  return multi || v.indexOf(';') >= 0 ? splitMulti(v) : [clean(v)];
}

export function knownNode(pred: Leaf<'known'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  return leafNode({
    p,
    label: pred.label ?? `${p.label} is known`,
    required: requiredKnown(p),
    accepts: p.options,
    check: (_ctx, v) => validOption(p, v),
  });
}

export function hasAnyNode(pred: Leaf<'hasAny'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  return leafNode({
    p,
    label: pred.label ?? `${p.label} has a selection`,
    required: 'at least one selected',
    accepts: p.options,
    check: (_ctx, v) => {
      for (const part of splitMulti(v)) if (!checksOptions(p) || optionOf(p, part)) return true;
      return false;
    },
  });
}

export function equalsNode(pred: Leaf<'equals'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  const want = String(pred.value ?? '').trim().toLowerCase();
  const accepts = narrow(p, [String(pred.value ?? '')]);
  return leafNode({
    p,
    label: pred.label ?? `${p.label} is ${accepts[0]?.label ?? pred.value}`,
    required: accepts[0]?.label ?? String(pred.value),
    accepts,
    suggest: accepts[0]?.value,
    check: (_ctx, v) => {
      for (const part of values(v, p.multi)) if (part.toLowerCase() === want) return true;
      return false;
    },
  });
}

export function oneOfNode(pred: Leaf<'oneOf'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  const list = listParam(env, pred.values);
  const want = new Set(list.map((s) => s.trim().toLowerCase()));
  const accepts = narrow(p, list);
  const words = orList(accepts.map((o) => o.label));
  return leafNode({
    p,
    label: pred.label ?? `${p.label} is ${words}`,
    required: words,
    accepts,
    suggest: accepts.length === 1 ? accepts[0]!.value : undefined,
    check: (_ctx, v) => {
      for (const part of values(v, p.multi)) if (want.has(part.toLowerCase())) return true;
      return false;
    },
  });
}

const CMP_WORDS: Record<Cmp, string> = {
  lt: 'less than',
  lte: 'at most',
  gt: 'more than',
  gte: 'at least',
  eq: 'equal to',
  neq: 'not',
};

export function compareNode(pred: Leaf<'compare'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  const target = numberParam(env, pred.value);
  const words = `${CMP_WORDS[pred.cmp] ?? pred.cmp} ${target ?? '?'}`;
  return leafNode({
    p,
    label: pred.label ?? `${p.label} is ${words}`,
    required: words,
    accepts: p.options,
    check: (_ctx, v) => {
      const n = parseNumber(v);
      if (n === null || target === null) return false;
      switch (pred.cmp) {
        case 'lt': return n < target;
        case 'lte': return n <= target;
        case 'gt': return n > target;
        case 'gte': return n >= target;
        case 'eq': return n === target;
        case 'neq': return n !== target;
        default: return false;
      }
    },
  });
}

export function dateWithinNode(pred: Leaf<'dateWithin'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  const days = numberParam(env, pred.days);
  const future = pred.direction === 'future';
  const words = future ? `within the next ${days ?? '?'} days` : `within the last ${days ?? '?'} days`;
  return leafNode({
    p,
    label: pred.label ?? `${p.label} is ${words}`,
    required: words,
    accepts: p.options,
    check: (ctx, v) => {
      const d = ctx.day(v, p.isDate);
      if (d === null || days === null) return false;
      const diff = future ? d - ctx.today : ctx.today - d;
      return diff >= 0 && diff <= days;
    },
  });
}

export function matchesNode(pred: Leaf<'matches'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  let re: RegExp | null = null;
  try {
    re = new RegExp(pred.pattern, (pred.flags ?? '').replace(/[gy]/g, ''));
  } catch {
    re = null;
  }
  const words = `matching ${pred.pattern}`;
  return leafNode({
    p,
    label: pred.label ?? `${p.label} is ${words}`,
    required: words,
    accepts: p.options,
    blank: re ? FAIL : UNK,
    check: (_ctx, v) => (re ? re.test(v) : false),
  });
}

/** REC-3 / ACC-4: the owner id resolves to one of the portal's (active) owners. */
export function ownerResolvesNode(pred: Leaf<'ownerResolves'>, alias: string, env: Env): Node {
  const p = propInfo(env, alias, pred.property);
  const node = leafNode({
    p,
    label: pred.label ?? `${p.label} is assigned`,
    required: 'an active HubSpot user',
    accepts: env.ownerOptions,
    check: (ctx, v) => {
      const o = ctx.env.owners.get(clean(v));
      return !!o && !o.archived;
    },
  });
  if (env.owners.size > 0) return node;
  // No owners in the portal metadata: an unset owner still fails; whether a set id resolves cannot be told.
  const blankOrUnknown = (rec: RecordData | undefined): Tri => {
    const v = rec ? rec.properties[p.name] : undefined;
    return v === undefined ? UNK : typeof v !== 'string' || isBlank(v) ? FAIL : UNK;
  };
  return {
    ...node,
    test: (_ctx, rec) => blankOrUnknown(rec),
    items(ctx, rec, out, hint) {
      node.items(ctx, rec, out, hint);
      const t = blankOrUnknown(rec);
      const last = out[out.length - 1];
      if (last) last.status = t === FAIL ? 'missing' : 'unknown';
      return t;
    },
  };
}

/** The owner's display name for an owner-id value (ACC-4 team). */
export function ownerLabel(env: Env, id: string | null): string | null {
  if (!id) return null;
  const o = env.owners.get(id);
  return o ? ownerName(o) : null;
}
