/**
 * The predicate compiler: a playbook `Predicate` becomes a `Node` of
 * closures, once per (playbook, portal, object alias). Combinators use
 * three-valued logic: a failing condition decides an `all` even when another
 * is unknown; otherwise unknown wins over met (never shown as met).
 */
import type { Predicate } from '../playbook/types';
import type { RecordData } from './snapshot';
import type { FindingItem } from './result';
import type { Ctx } from './context';
import type { Env } from './resolve';
import { propInfo } from './resolve';
import { FAIL, MET, NA, UNK, item, makeFix, isFocus, refOfRecord, type Hint, type Node, type Tri } from './node';
import {
  compareNode, dateWithinNode, equalsNode, hasAnyNode, knownNode, matchesNode, oneOfNode, ownerResolvesNode,
} from './leaf-property';
import { activityWithinNode, associatedNode, attachmentNode, engagementNode, inStageNode } from './leaf-assoc';
import { stageOrderNode } from './stage-order';
import { noDuplicatesNode } from './duplicates';
import { checklistNode } from './checklist';
import { cadenceNode } from './cadence';
import { onePerPairNode } from './subscription';
import { healthScoreNode } from './health';
import { orList } from './values';

export type Compile = (p: Predicate, alias: string) => Node;

export function compiler(env: Env): Compile {
  const compile: Compile = (p, alias) => {
    try {
      return compileOne(p, alias, env, compile);
    } catch {
      return unknownNode(p?.label ?? 'Condition');
    }
  };
  return compile;
}

/** A predicate the engine cannot evaluate (malformed): unknown, never met. */
export function unknownNode(label: string): Node {
  return {
    label,
    test: () => UNK,
    items(_ctx, _rec, out) {
      out.push(item(label, UNK, null, 'a condition this version cannot evaluate'));
      return UNK;
    },
  };
}

const norm = (t: Tri): Tri => (t === NA ? MET : t);

/** Fix for a composite condition, from the rule's `fix` on the context record. */
function hintFix(ctx: Ctx, env: Env, rec: RecordData | undefined, alias: string, hint: Hint | null, suggest?: string) {
  if (!hint || !rec || hint.alias !== alias) return null;
  const p = propInfo(env, alias, hint.property);
  return makeFix(ctx.targets(rec), p, p.options, hint.suggest ?? suggest);
}

function compileOne(p: Predicate, alias: string, env: Env, compile: Compile): Node {
  switch (p.op) {
    case 'known': return knownNode(p, alias, env);
    case 'equals': return equalsNode(p, alias, env);
    case 'oneOf': return oneOfNode(p, alias, env);
    case 'hasAny': return hasAnyNode(p, alias, env);
    case 'compare': return compareNode(p, alias, env);
    case 'dateWithin': return dateWithinNode(p, alias, env);
    case 'matches': return matchesNode(p, alias, env);
    case 'ownerResolves': return ownerResolvesNode(p, alias, env);
    case 'associated': return associatedNode(p, alias, env, compile);
    case 'engagement': return engagementNode(p, alias, env, compile);
    case 'attachment': return attachmentNode(p, alias, env);
    case 'activityWithin': return activityWithinNode(p, alias, env);
    case 'inStage': return inStageNode(p, alias, env);
    case 'stageOrder': return stageOrderNode(p, alias, env);
    case 'noDuplicates': return noDuplicatesNode(p, alias, env);
    case 'checklist': return checklistNode(p, alias, env);
    case 'cadence': return cadenceNode(p, alias, env);
    case 'onePerPair': return onePerPairNode(p, alias, env);
    case 'healthScore': return healthScoreNode(p, alias, env);
    case 'manual': return manualNode(p.label ?? 'Your confirmation');
    case 'all': return allNode(p.of.map((c) => compile(c, alias)), p.label);
    case 'any': return anyNode(p.of.map((c) => compile(c, alias)), p.label, alias, env);
    case 'not': return notNode(compile(p.of, alias), p.label, alias, env);
    case 'iff': return iffNode(compile(p.left, alias), compile(p.right, alias), p.label, alias, env);
    default: return unknownNode((p as { label?: string }).label ?? 'Condition');
  }
}

/** LEAD-1's rep confirmation: shown as an open question, never failing. */
function manualNode(label: string): Node {
  return {
    label,
    test: () => MET,
    items(_ctx, _rec, out) {
      out.push(item(label, UNK, null, 'your confirmation (not checked automatically)'));
      return MET;
    },
  };
}

function allNode(children: Node[], label?: string): Node {
  // Shared when met only if every condition says so; up to three (each under 2^17) fit in one number.
  const sigs = children.length <= 3 && children.every((c) => c.sig) ? children.map((c) => c.sig!) : null;
  return {
    label: label ?? children.map((c) => c.label).join(' and '),
    sig: sigs
      ? (ctx, rec) => {
          let sig = 0;
          for (const f of sigs) {
            const s = f(ctx, rec);
            if (s === null || s < 0 || s >= 1 << 17) return null;
            sig = sig * (1 << 17) + s;
          }
          return Number.isSafeInteger(sig) ? sig : null;
        }
      : undefined,
    test(ctx, rec) {
      let unknown = false;
      for (const c of children) {
        const t = norm(c.test(ctx, rec));
        if (t === FAIL) return FAIL;
        if (t === UNK) unknown = true;
      }
      return unknown ? UNK : MET;
    },
    items(ctx, rec, out, hint) {
      let failed = false;
      let unknown = false;
      for (const c of children) {
        const t = norm(c.items(ctx, rec, out, hint));
        if (t === FAIL) failed = true;
        else if (t === UNK) unknown = true;
      }
      return failed ? FAIL : unknown ? UNK : MET;
    },
  };
}

function anyNode(children: Node[], label: string | undefined, alias: string, env: Env): Node {
  const test = (ctx: Ctx, rec: RecordData | undefined): Tri => {
    let unknown = false;
    for (const c of children) {
      const t = norm(c.test(ctx, rec));
      if (t === MET) return MET;
      if (t === UNK) unknown = true;
    }
    return unknown ? UNK : FAIL;
  };
  const text = label ?? children.map((c) => c.label).join(' or ');
  return {
    label: text,
    test,
    items(ctx, rec, out, hint) {
      const holding: string[] = [];
      let unknown = false;
      for (const c of children) {
        const t = norm(c.test(ctx, rec));
        if (t === MET) holding.push(c.label);
        else if (t === UNK) unknown = true;
      }
      const t: Tri = holding.length > 0 ? MET : unknown ? UNK : FAIL;
      const fix = t === MET ? null : hintFix(ctx, env, rec, alias, hint);
      out.push(item(text, t, holding.length ? holding.join('; ') : null, orList(children.map((c) => c.label)), fix, rec && !isFocus(ctx, rec) ? refOfRecord(rec) : null));
      return t;
    },
  };
}

function notNode(child: Node, label: string | undefined, alias: string, env: Env): Node {
  const test = (ctx: Ctx, rec: RecordData | undefined): Tri => {
    const t = norm(child.test(ctx, rec));
    return t === MET ? FAIL : t === FAIL ? MET : UNK;
  };
  const text = label ?? `Not: ${child.label}`;
  return {
    label: text,
    test,
    items(ctx, rec, out, hint) {
      // What currently holds is what makes a `not` fail: list the inner conditions that hold (LC-8's reasons).
      const inner: FindingItem[] = [];
      const ti = norm(child.items(ctx, rec, inner, null));
      const t: Tri = ti === MET ? FAIL : ti === FAIL ? MET : UNK;
      const holding = inner.filter((i) => i.status === 'met').map((i) => i.current ?? i.label);
      const current = ti === MET ? (holding.length ? holding.join('; ') : child.label) : null;
      const fix = t === MET ? null : hintFix(ctx, env, rec, alias, hint);
      out.push(item(text, t, current, `not: ${child.label}`, fix, rec && !isFocus(ctx, rec) ? refOfRecord(rec) : null));
      return t;
    },
  };
}

function iffNode(left: Node, right: Node, label: string | undefined, alias: string, env: Env): Node {
  const test = (ctx: Ctx, rec: RecordData | undefined): Tri => {
    const l = norm(left.test(ctx, rec));
    const r = norm(right.test(ctx, rec));
    if (l === UNK || r === UNK) return UNK;
    return l === r ? MET : FAIL;
  };
  const text = label ?? `${left.label} exactly when ${right.label}`;
  const yn = (t: Tri) => (t === MET ? 'yes' : t === FAIL ? 'no' : 'unknown');
  return {
    label: text,
    test,
    items(ctx, rec, out, hint) {
      const l = norm(left.test(ctx, rec));
      const r = norm(right.test(ctx, rec));
      const t: Tri = l === UNK || r === UNK ? UNK : l === r ? MET : FAIL;
      // LC-5: the company has an active deal but the contact is not a Customer → offer Customer.
      const own = l === FAIL && r === MET && left.property?.name === hint?.property ? left.suggest : undefined;
      const fix = t === MET ? null : hintFix(ctx, env, rec, alias, hint, own);
      out.push(item(text, t, `${left.label}: ${yn(l)}; ${right.label}: ${yn(r)}`, 'both or neither', fix, rec && !isFocus(ctx, rec) ? refOfRecord(rec) : null));
      return t;
    },
  };
}
