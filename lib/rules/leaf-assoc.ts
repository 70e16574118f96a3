/**
 * Conditions that look beyond the record's own properties: associated
 * records (SALES-ENG-2, SALES-POC-1, ACC-7, REC-4, LC-5, LC-8, SALES-WON-9),
 * engagements (SALES-ENG-4, SALES-PRO-8), attachments (SALES-WON-7/8), latest
 * activity (LC-4, LEAD-1, ACC-10) and the record's stage (inStage).
 * An association list absent from `loadedAssociations`, or engagements not
 * loaded for the record, make the condition unknown.
 */
import type { Predicate } from '../playbook/types';
import type { AssociationEdge, Engagement, RecordData, RecordRef } from './snapshot';
import type { FindingItem } from './result';
import type { Ctx } from './context';
import type { Env } from './resolve';
import type { Compile } from './predicates';
import { engagementTime, refOf } from './context';
import { numberParam, objectTypeOf, stageByLabel, aliasOf } from './resolve';
import { FAIL, MET, NA, UNK, item, isFocus, makeFix, refOfRecord, suggestionFor, type Hint, type Node, type Tri } from './node';
import { dayToIso } from './dates';
import { latestEntry, stageHistory } from './history';
import { ENGAGEMENT_BODY } from './hubspot';
import { isBlank, normLabel, normLabelCached, orList } from './values';

type P<Op extends Predicate['op']> = Extract<Predicate, { op: Op }>;

const away = (ctx: Ctx, rec: RecordData | undefined) => (rec && !isFocus(ctx, rec) ? refOfRecord(rec) : null);
const plural = (n: number, one: string) => `${n} ${one.toLowerCase()}${n === 1 ? '' : 's'}`;

const NO_KEYS: string[] = [];

interface Count {
  t: Tri;
  total: number;
  matched: number;
  candidates: string[];
}

export function associatedNode(p: P<'associated'>, alias: string, env: Env, compile: Compile): Node {
  const target = p.object;
  const typeId = objectTypeOf(env, target);
  const objLabel = env.objects.get(target)?.label ?? target;
  const where = p.where ? compile(p.where, target) : null;
  const labels = p.labels && p.labels.length ? new Set(p.labels.map(normLabel)) : null;
  const min = p.quantifier === 'any' ? Math.max(p.min ?? 1, 0) : Math.max(p.min ?? 0, 0);
  const max = p.max;
  const labelWords = p.labels && p.labels.length ? ` labelled ${orList(p.labels)}` : '';
  const whereWords = where ? ` where ${where.label}` : '';
  const required =
    p.quantifier === 'none'
      ? `no ${objLabel.toLowerCase()}${labelWords}${whereWords}`
      : p.quantifier === 'all'
        ? `every ${p.primary ? 'primary ' : ''}${objLabel.toLowerCase()}${labelWords}${whereWords}${min > 0 ? ` (at least ${min})` : ''}`
        : `at least ${plural(min, objLabel)}${max !== undefined ? ` and at most ${max}` : ''}${labelWords}${whereWords}`;
  const label = p.label ?? `${p.primary ? 'The primary ' + objLabel.toLowerCase() : 'Associated ' + objLabel.toLowerCase()}${labelWords}${whereWords}`;

  // Whether an association type carries one of the labels, learned per type id (ids are fixed per portal).
  const labelByType = new Map<number, boolean>();
  const labelled = (types: AssociationEdge['types'] | undefined): boolean => {
    if (!types) return false;
    for (const t of types) {
      if (!t) continue;
      let hit = labelByType.get(t.typeId);
      if (hit === undefined) {
        hit = typeof t.label === 'string' && labels!.has(normLabelCached(t.label));
        if (typeof t.label === 'string' && labelByType.size < 256) labelByType.set(t.typeId, hit);
      }
      if (hit) return true;
    }
    return false;
  };
  const currents = new Map<number, string>();
  const currentOf = (matched: number, total: number): string => {
    const k = matched * 4096 + total;
    let c = currents.get(k);
    if (c === undefined) {
      c = where ? `${matched} of ${plural(total, objLabel)}` : plural(total, objLabel);
      if (currents.size < 1024) currents.set(k, c);
    }
    return c;
  };

  const verdict = (total: number, matched: number, unknown: number): Tri => {
    if (p.quantifier === 'none') return matched > 0 ? FAIL : unknown > 0 ? UNK : MET;
    if (p.quantifier === 'all') {
      const misses = total - matched - unknown;
      if (misses > 0 || total < min || (max !== undefined && total > max)) return FAIL;
      return unknown > 0 ? UNK : MET;
    }
    const hi = matched + unknown;
    const upper = max ?? Infinity;
    if (matched >= min && hi <= upper) return MET;
    if (hi < min || matched > upper) return FAIL;
    return UNK;
  };

  /** Counts the associated records (and lists their keys when `collect`, for a fix). */
  const count = (ctx: Ctx, rec: RecordData | undefined, collect: boolean): Count => {
    if (!rec || !typeId) return { t: UNK, total: 0, matched: 0, candidates: NO_KEYS };
    const key = ctx.key(rec);
    if (p.primary) {
      const fromAlias = aliasOf(ctx.env, rec.objectTypeId);
      const prim = ctx.primaryKey(key, fromAlias, target, typeId);
      const candidates = prim.key ? [prim.key] : NO_KEYS;
      if (!prim.loaded) return { t: UNK, total: 0, matched: 0, candidates };
      let matched = candidates.length;
      let unknown = 0;
      if (where && prim.key) {
        const t = where.test(ctx, ctx.record(prim.key));
        matched = t === MET || t === NA ? 1 : 0;
        unknown = t === UNK ? 1 : 0;
      }
      return { t: verdict(candidates.length, matched, unknown), total: candidates.length, matched, candidates };
    }
    const a = ctx.assoc(key, typeId);
    if (!a.loaded) return { t: UNK, total: 0, matched: 0, candidates: collect ? a.edges.map((e) => e.to) : NO_KEYS };
    const edges = a.edges;
    let total = 0;
    let matched = 0;
    let unknown = 0;
    const candidates: string[] | null = collect ? [] : null;
    // ctx.assoc lists each associated record once (types merged).
    for (let i = 0; i < edges.length; i++) {
      const e = edges[i]!;
      if (labels && !labelled(e.types)) continue;
      total++;
      if (candidates) candidates.push(e.to);
      if (where) {
        const t = where.test(ctx, ctx.record(e.to));
        if (t === MET || t === NA) matched++;
        else if (t === UNK) unknown++;
      } else matched++;
    }
    return { t: verdict(total, matched, unknown), total, matched, candidates: candidates ?? NO_KEYS };
  };

  return {
    label,
    test: (ctx, rec) => count(ctx, rec, false).t,
    sig: p.primary
      ? undefined
      : (ctx, rec) => {
          if (!rec || !isFocus(ctx, rec)) return null;
          const c = count(ctx, rec, false);
          return c.t === MET && c.matched < 256 && c.total < 256 ? c.matched * 256 + c.total : null;
        },
    items(ctx, rec, out: FindingItem[], hint: Hint | null): Tri {
      let c = count(ctx, rec, false);
      if (c.t !== MET && where?.property && !p.primary) c = count(ctx, rec, true);
      let current: string | null;
      const one = p.primary && c.candidates.length === 1 ? ctx.record(c.candidates[0]!) : undefined;
      if (p.primary) {
        if (c.candidates.length === 0) current = c.t === UNK ? null : `no ${objLabel.toLowerCase()}`;
        else if (where?.property && one) {
          const v = one.properties[where.property.name];
          current = typeof v === 'string' && !isBlank(v) ? v : null;
          if (current !== null) {
            const o = where.property.byValue.get(current) ?? where.property.byLower.get(current.toLowerCase());
            if (o) current = o.label;
          }
        } else current = c.t === MET ? 'yes' : 'no';
      } else if (c.t === UNK && c.total === 0) current = null;
      else current = currentOf(c.matched, c.total);
      let fix = null;
      if (c.t !== MET && where?.property && c.candidates.length > 0) {
        const targets: RecordRef[] = c.candidates.map(refOf);
        fix = makeFix(targets, where.property, where.accepts ?? where.property.options, suggestionFor(where.property, hint, where.suggest));
      }
      const record = one ? refOfRecord(one) : away(ctx, rec);
      out.push(item(label, c.t, current, required, fix, record));
      return c.t;
    },
  };
}

const TYPE_WORDS: Record<string, string> = { note: 'note', call: 'call', email: 'email', meeting: 'meeting', task: 'task' };

function bodyContains(ctx: Ctx, e: Engagement, needle: string): boolean {
  const props = e.properties ?? {};
  for (const name of ENGAGEMENT_BODY[e.type] ?? []) {
    const v = props[name];
    if (typeof v === 'string' && v.length >= needle.length && ctx.lowerText(v).includes(needle)) return true;
  }
  return false;
}

export function engagementNode(p: P<'engagement'>, alias: string, env: Env, compile: Compile): Node {
  const types = new Set(p.types ?? []);
  const needle = p.contains ? p.contains.toLowerCase() : null;
  const within = p.withinDays !== undefined ? numberParam(env, p.withinDays) : null;
  const where = p.where ? compile(p.where, 'engagement') : null;
  const typeWords = orList([...types].map((t) => TYPE_WORDS[t] ?? t));
  const required =
    `a ${typeWords || 'activity'}${needle ? ` containing "${p.contains}"` : ''}` +
    `${p.sinceStage ? ` logged since entering ${p.sinceStage}` : ''}${within !== null ? ` within the last ${within} days` : ''}`;
  const label = p.label ?? `A ${typeWords} on the record${needle ? ` containing "${p.contains}"` : ''}`;

  const scan = (ctx: Ctx, rec: RecordData | undefined): { t: Tri; count: number; latest: number | null; since: number | null } => {
    if (!rec) return { t: UNK, count: 0, latest: null, since: null };
    const list = ctx.engagements(ctx.key(rec));
    if (!list) return { t: UNK, count: 0, latest: null, since: null };
    let since: number | null = null;
    if (p.sinceStage) {
      // Resolutions (SALES-ENG-4): after the latest entry into the stage; any such engagement without history.
      const pos = ctx.stageOf(rec);
      const stage = pos.pipe ? stageByLabel(pos.pipe, p.sinceStage) : null;
      if (stage) since = latestEntry(stageHistory(ctx, rec), stage.id);
    }
    const minDay = within !== null ? ctx.today - within : null;
    let count = 0;
    let latest: number | null = null;
    let unknown = false;
    for (const e of list) {
      if (!e || !types.has(e.type)) continue;
      const at = engagementTime(e);
      if (since !== null && (at === null || at < since)) continue;
      if (minDay !== null && (at === null || ctx.instantDay(at) < minDay)) continue;
      if (needle && !bodyContains(ctx, e, needle)) continue;
      if (where) {
        const t = where.test(ctx, { objectTypeId: 'engagement', id: e.id, properties: e.properties ?? {} });
        if (t === UNK) unknown = true;
        if (t !== MET && t !== NA) continue;
      }
      count++;
      if (at !== null && (latest === null || at > latest)) latest = at;
    }
    return { t: count > 0 ? MET : unknown ? UNK : FAIL, count, latest, since };
  };

  return {
    label,
    test: (ctx, rec) => scan(ctx, rec).t,
    items(ctx, rec, out) {
      const s = scan(ctx, rec);
      const current =
        s.t === UNK && s.count === 0
          ? null
          : s.count === 0
            ? `none${s.since !== null ? ` since ${dayToIso(ctx.instantDay(s.since))}` : ''}`
            : `${s.count}${s.latest !== null ? `, latest ${dayToIso(ctx.instantDay(s.latest))}` : ''}`;
      out.push(item(label, s.t, current, required, null, away(ctx, rec)));
      return s.t;
    },
  };
}

interface NamePart {
  text?: string;
  alias?: string;
  property?: string;
}

/** `{company.name}_Calculator` → text and `{alias.property}` parts. */
function parseTemplate(t: string): NamePart[] {
  const parts: NamePart[] = [];
  let i = 0;
  while (i < t.length) {
    const open = t.indexOf('{', i);
    const close = open >= 0 ? t.indexOf('}', open) : -1;
    if (open < 0 || close < 0) {
      parts.push({ text: t.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: t.slice(i, open) });
    const ref = t.slice(open + 1, close);
    const dot = ref.indexOf('.');
    if (dot > 0) parts.push({ alias: ref.slice(0, dot).trim(), property: ref.slice(dot + 1).trim() });
    else parts.push({ text: t.slice(open, close + 1) });
    i = close + 1;
  }
  return parts;
}

export function attachmentNode(p: P<'attachment'>, alias: string, _env: Env): Node {
  const ext = p.extension ? p.extension.replace(/^\./, '').toLowerCase() : null;
  const contains = p.nameContains ? p.nameContains.toLowerCase() : null;
  const template = p.nameEquals ? parseTemplate(p.nameEquals) : null;
  const required =
    template
      ? `a file named ${p.nameEquals!.replace(/\{[^.}]+\.([^}]+)\}/g, '<$1>')}`
      : `a ${ext ? ext.toUpperCase() + ' ' : ''}file${contains ? ` whose name contains "${p.nameContains}"` : ''}`;
  const label = p.label ?? `Attached: ${required}`;

  /** The expected name (SALES-WON-8), null when a referenced value is unknown, '' when unset. */
  const expectedName = (ctx: Ctx, rec: RecordData): string | null => {
    let out = '';
    for (const part of template!) {
      if (part.text !== undefined) {
        out += part.text;
        continue;
      }
      let src: RecordData | undefined = rec;
      if (part.alias !== alias) {
        const typeId = objectTypeOf(ctx.env, part.alias!);
        if (!typeId) return null;
        const prim = ctx.primaryKey(ctx.key(rec), alias, part.alias!, typeId);
        if (!prim.loaded) return null;
        if (!prim.key) return '';
        src = ctx.record(prim.key);
      }
      if (!src) return null;
      const v = src.properties[part.property!];
      if (v === undefined) return null;
      if (typeof v !== 'string' || isBlank(v)) return '';
      out += v.trim();
    }
    return out.trim().toLowerCase();
  };

  const scan = (ctx: Ctx, rec: RecordData | undefined): { t: Tri; names: string[] } => {
    if (!rec) return { t: UNK, names: [] };
    const list = ctx.engagements(ctx.key(rec));
    if (!list) return { t: UNK, names: [] };
    const files = ctx.snap.files ?? {};
    let want: string | null = null;
    if (template) {
      want = expectedName(ctx, rec);
      if (want === null) return { t: UNK, names: [] };
    }
    const names: string[] = [];
    let unknown = false;
    let found = false;
    for (const e of list) {
      for (const id of e?.attachmentIds ?? []) {
        const f = files[id];
        if (!f || typeof f.name !== 'string') {
          unknown = true;
          continue;
        }
        const fext = (f.extension ?? '').replace(/^\./, '').toLowerCase();
        let base = f.name.trim();
        if (fext && base.toLowerCase().endsWith('.' + fext)) base = base.slice(0, -(fext.length + 1));
        names.push(fext ? `${base}.${fext}` : base);
        if (ext && fext !== ext) continue;
        if (contains && !base.toLowerCase().includes(contains)) continue;
        if (want !== null && (want === '' || base.trim().toLowerCase() !== want)) continue;
        found = true;
      }
    }
    return { t: found ? MET : unknown ? UNK : FAIL, names };
  };

  return {
    label,
    test: (ctx, rec) => scan(ctx, rec).t,
    items(ctx, rec, out) {
      const s = scan(ctx, rec);
      const current = s.names.length ? s.names.slice(0, 5).join(', ') : s.t === UNK ? null : 'no attachments';
      out.push(item(label, s.t, current, required, null, away(ctx, rec)));
      return s.t;
    },
  };
}

/**
 * Latest activity day (Resolutions): the latest of the playbook's activity
 * properties and the `hs_timestamp` of the record's engagements. Null latest
 * with everything loaded = never any activity.
 */
export function latestActivity(ctx: Ctx, rec: RecordData, alias: string): { latest: number | null; complete: boolean } {
  const c = ctx.cache(rec);
  if (c.activity) return c.activity as { latest: number | null; complete: boolean };
  let latest: number | null = null;
  let complete = true;
  const props = ctx.env.playbook.activityProperties?.[alias] ?? [];
  for (const name of props) {
    const v = rec.properties[name];
    if (v === undefined) {
      complete = false;
      continue;
    }
    if (typeof v !== 'string' || isBlank(v)) continue;
    const d = ctx.day(v);
    if (d !== null && (latest === null || d > latest)) latest = d;
  }
  const list = ctx.engagements(ctx.key(rec));
  if (!list) complete = false;
  else
    for (const e of list) {
      const at = e ? engagementTime(e) : null;
      if (at === null) continue;
      const d = ctx.instantDay(at);
      if (latest === null || d > latest) latest = d;
    }
  const out = { latest, complete };
  c.activity = out;
  return out;
}

export function activityWithinNode(p: P<'activityWithin'>, alias: string, env: Env): Node {
  const days = numberParam(env, p.days);
  const required = `activity within the last ${days ?? '?'} days`;
  const label = p.label ?? `Activity within ${days ?? '?'} days`;
  const test = (ctx: Ctx, rec: RecordData | undefined): Tri => {
    if (!rec || days === null) return UNK;
    const a = latestActivity(ctx, rec, aliasOf(ctx.env, rec.objectTypeId) ?? alias);
    if (a.latest !== null && ctx.today - a.latest <= days) return MET;
    return a.complete ? FAIL : UNK;
  };
  return {
    label,
    test,
    items(ctx, rec, out) {
      const t = test(ctx, rec);
      const a = rec ? latestActivity(ctx, rec, aliasOf(ctx.env, rec.objectTypeId) ?? alias) : null;
      const current = a?.latest != null ? `last activity ${dayToIso(a.latest)}` : a?.complete ? 'no activity logged' : null;
      out.push(item(label, t, current, required, null, away(ctx, rec)));
      return t;
    },
  };
}

export function inStageNode(p: P<'inStage'>, _alias: string, _env: Env): Node {
  const stages = p.stages && p.stages.length ? new Set(p.stages.map(normLabel)) : null;
  const words = [
    stages ? `in ${orList(p.stages!)}` : '',
    p.outcome === 'won' ? 'closed won' : p.outcome === 'lost' ? 'closed lost' : p.outcome === 'open' ? 'open' : '',
    p.governed === true ? 'in a governed pipeline' : p.governed === false ? 'in an ungoverned pipeline' : '',
  ].filter(Boolean).join(', ');
  const label = p.label ?? `Stage: ${words}`;
  const test = (ctx: Ctx, rec: RecordData | undefined): Tri => {
    if (!rec) return UNK;
    const pos = ctx.stageOf(rec);
    if (!pos.pipe || !pos.stage) return pos.unknown ? UNK : FAIL;
    if (p.governed !== undefined && pos.pipe.governed !== p.governed) return FAIL;
    if (stages && !stages.has(pos.stage.norm)) return FAIL;
    if (p.outcome === 'won' && !pos.stage.won) return FAIL;
    if (p.outcome === 'lost' && !pos.stage.lost) return FAIL;
    if (p.outcome === 'open' && pos.stage.isClosed) return FAIL;
    return MET;
  };
  return {
    label,
    test,
    items(ctx, rec, out) {
      const t = test(ctx, rec);
      const pos = rec ? ctx.stageOf(rec) : null;
      out.push(item(label, t, pos?.stage?.label ?? null, words, null, away(ctx, rec)));
      return t;
    },
  };
}

