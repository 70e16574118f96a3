/**
 * SOP-1: a named checklist of properties on the record and its primary
 * associated records (the deal and its company for the S&OP). Each row is
 * an item with its value (option labels) and an in-place fix. Rows are read
 * once per evaluation and shared by the finding, the deal's `sop` rows and
 * the note writer.
 */
import type { Predicate } from '../playbook/types';
import type { RecordData, RecordRef } from './snapshot';
import type { ChecklistRow, FindingItem } from './result';
import type { Ctx } from './context';
import type { Env, PropInfo } from './resolve';
import { memoBy, newMap, objectTypeOf, propInfo } from './resolve';
import { knownNode } from './leaf-property';
import { FAIL, MET, UNK, display, item, makeFix, refOfRecord, type Node, type Tri } from './node';

type P = Extract<Predicate, { op: 'checklist' }>;

interface Row {
  object: string;
  objectLabel: string;
  label: string;
  itemLabel: string;
  p: PropInfo;
  known: Node;
  typeId: string | null;
  same: boolean;
  /** Met items are the same for the same value: shared, frozen. */
  metItems: Map<string, FindingItem>;
  /**
   * Rows that carry no `record` (on the record itself, or filled in): the same
   * value gives the same row (shared, frozen). `record` says where to fix a
   * row of another record that is not filled in.
   */
  ownRows: Map<string | null | undefined, { row: ChecklistRow; t: Tri }>;
}

export interface ChecklistEval {
  rows: ChecklistRow[];
  tris: Tri[];
  /** The primary associated record rows of other objects are read on (one other object per checklist in practice). */
  others: Map<string, RecordData | undefined> | null;
  t: Tri;
}

function compileRows(env: Env, list: string, alias: string): Row[] {
  const byList = memoBy<Map<string, Row[]>>(env, 'checklist', alias, newMap);
  let rows = byList.get(list);
  if (!rows) {
    rows = (env.playbook.checklists?.[list] ?? []).map((ci) => {
      const objectLabel = env.objects.get(ci.object)?.label ?? ci.object;
      return {
        object: ci.object,
        objectLabel,
        label: ci.label,
        itemLabel: `${objectLabel}: ${ci.label}`,
        p: propInfo(env, ci.object, ci.property),
        known: knownNode({ op: 'known', property: ci.property }, ci.object, env),
        typeId: objectTypeOf(env, ci.object),
        same: ci.object === alias,
        metItems: new Map(),
        ownRows: new Map(),
      };
    });
    byList.set(list, rows);
  }
  return rows;
}

/** The checklist on a record: each row's value and state (cached per evaluation and list). */
export function evalChecklist(ctx: Ctx, rec: RecordData | undefined, alias: string, list: string): ChecklistEval {
  // One list per evaluation in practice: keep the last one without a map.
  const cache = rec ? ctx.cache(rec) : null;
  const prev = cache?.checklist as { list: string; value: ChecklistEval } | undefined;
  if (prev && prev.list === list) return prev.value;
  const defs = compileRows(ctx.env, list, alias);
  const rows = new Array<ChecklistRow>(defs.length);
  const tris = new Array<Tri>(defs.length);
  let at = 0;
  let others: Map<string, RecordData | undefined> | null = null;
  let other: string | null = null;
  let otherLoaded = false;
  let otherRec: RecordData | undefined;
  let otherRef: RecordRef | undefined;
  let unknown = false;
  let failed = false;
  for (const row of defs) {
    if (rec && row.same) {
      const raw = rec.properties[row.p.name];
      const key = typeof raw === 'string' ? raw : raw === null ? null : undefined;
      let hit = row.ownRows.get(key);
      if (!hit) {
        const t = row.known.test(ctx, rec);
        hit = {
          row: Object.freeze({
            object: row.object,
            objectLabel: row.objectLabel,
            property: row.p.name,
            label: row.label,
            value: display(ctx, row.p, typeof raw === 'string' ? raw : null),
            known: t === MET,
            record: undefined,
          }),
          t,
        };
        // Only values that read the same in every evaluation are kept (not dates relative to today).
        if (row.ownRows.size < 256 && !row.p.isDateTime) row.ownRows.set(key, hit);
      }
      if (hit.t === FAIL) failed = true;
      else if (hit.t === UNK) unknown = true;
      rows[at] = hit.row;
      tris[at++] = hit.t;
      continue;
    }
    let target: RecordData | undefined = rec;
    let ref: RecordRef | undefined;
    let t: Tri;
    if (!rec) t = UNK;
    else {
      if (other !== row.object) {
        other = row.object;
        otherRec = undefined;
        otherRef = undefined;
        otherLoaded = false;
        if (row.typeId) {
          const prim = ctx.primaryKey(ctx.key(rec), alias, row.object, row.typeId);
          otherLoaded = prim.loaded;
          if (prim.key) {
            otherRec = ctx.record(prim.key);
            if (!otherRec) otherLoaded = false;
            else otherRef = refOfRecord(otherRec);
          }
        }
        (others ??= new Map()).set(row.object, otherRec);
      }
      target = otherRec;
      ref = otherRef;
      t = !otherLoaded ? UNK : !otherRec ? FAIL : row.known.test(ctx, otherRec);
    }
    if (t === FAIL) failed = true;
    else if (t === UNK) unknown = true;
    const raw = target ? target.properties[row.p.name] : undefined;
    // A filled-in row needs no link: it reads the same for any record, so it is shared.
    let r: ChecklistRow | undefined = t === MET && typeof raw === 'string' ? row.ownRows.get(raw)?.row : undefined;
    if (!r) {
      r = {
        object: row.object,
        objectLabel: row.objectLabel,
        property: row.p.name,
        label: row.label,
        value: display(ctx, row.p, typeof raw === 'string' ? raw : null),
        known: t === MET,
        record: t === MET ? undefined : ref,
      };
      if (t === MET && typeof raw === 'string' && row.ownRows.size < 256 && !row.p.isDateTime) row.ownRows.set(raw, { row: Object.freeze(r), t });
    }
    rows[at] = r;
    tris[at++] = t;
  }
  const out: ChecklistEval = { rows, tris, others, t: failed ? FAIL : unknown ? UNK : MET };
  if (cache) cache.checklist = { list, value: out };
  return out;
}

export function checklistRows(ctx: Ctx, rec: RecordData | undefined, alias: string, list: string): ChecklistRow[] {
  return evalChecklist(ctx, rec, alias, list).rows;
}

export function checklistNode(p: P, alias: string, _env: Env): Node {
  const label = p.label ?? 'Every checklist item is filled in';
  return {
    label,
    test: (ctx, rec) => evalChecklist(ctx, rec, alias, p.list).t,
    items(ctx, rec, out: FindingItem[]) {
      const c = evalChecklist(ctx, rec, alias, p.list);
      const defs = compileRows(ctx.env, p.list, alias);
      for (let i = 0; i < defs.length; i++) {
        const row = defs[i]!;
        const t = c.tris[i]!;
        const r = c.rows[i]!;
        if (t === MET && r.value !== null) {
          let it = row.metItems.get(r.value);
          if (!it) {
            it = Object.freeze(item(row.itemLabel, MET, r.value, 'a value'));
            if (row.metItems.size < 256) row.metItems.set(r.value, it);
          }
          out.push(it);
          continue;
        }
        const target = row.same ? rec : c.others?.get(row.object);
        const fix = t === MET || !target ? null : makeFix(r.record ? [r.record] : ctx.targets(target), row.p, row.p.options);
        const required = target || t === UNK ? 'a value' : `a ${row.objectLabel.toLowerCase()} to hold it`;
        out.push(item(row.itemLabel, t, r.value, required, fix, t !== MET && r.record && !row.same ? r.record : null));
      }
      return c.t;
    },
  };
}
