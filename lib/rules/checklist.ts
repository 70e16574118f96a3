/**
 * SOP-1: a named checklist of properties on the record and its primary
 * associated records (the deal and its company for the S&OP). Each row is
 * an item with its value (option labels) and an in-place fix.
 */
import type { Predicate } from '../playbook/types';
import type { RecordData, RecordRef } from './snapshot';
import type { ChecklistRow, FindingItem } from './result';
import type { Ctx } from './context';
import type { Env, PropInfo } from './resolve';
import { memo, objectTypeOf, propInfo } from './resolve';
import { knownNode } from './leaf-property';
import { FAIL, MET, UNK, display, isFocus, item, makeFix, refOfRecord, type Node, type Tri } from './node';

type P = Extract<Predicate, { op: 'checklist' }>;

interface Row {
  object: string;
  objectLabel: string;
  label: string;
  p: PropInfo;
  known: Node;
  typeId: string | null;
  same: boolean;
}

export interface RowValue {
  row: Row;
  t: Tri;
  rec: RecordData | undefined;
  value: string | null;
}

function compileRows(env: Env, list: string, alias: string): Row[] {
  return memo(env, `checklist:${list}:${alias}`, () =>
    (env.playbook.checklists?.[list] ?? []).map((ci) => ({
      object: ci.object,
      objectLabel: env.objects.get(ci.object)?.label ?? ci.object,
      label: ci.label,
      p: propInfo(env, ci.object, ci.property),
      known: knownNode({ op: 'known', property: ci.property }, ci.object, env),
      typeId: objectTypeOf(env, ci.object),
      same: ci.object === alias,
    })),
  );
}

/** Each checklist row's value and state, read on the record or its primary associated record. */
export function checklistValues(ctx: Ctx, rec: RecordData | undefined, alias: string, list: string): RowValue[] {
  const rows = compileRows(ctx.env, list, alias);
  const out: RowValue[] = [];
  const others = new Map<string, { loaded: boolean; rec: RecordData | undefined }>();
  for (const row of rows) {
    let target: RecordData | undefined = rec;
    let t: Tri;
    if (!rec) t = UNK;
    else if (row.same) t = row.known.test(ctx, rec);
    else {
      let o = others.get(row.object);
      if (!o) {
        if (!row.typeId) o = { loaded: false, rec: undefined };
        else {
          const prim = ctx.primaryKey(rec.objectTypeId + '/' + rec.id, alias, row.object, row.typeId);
          o = { loaded: prim.loaded, rec: prim.key ? ctx.record(prim.key) : undefined };
          if (prim.loaded && prim.key && !o.rec) o.loaded = false;
        }
        others.set(row.object, o);
      }
      target = o.rec;
      t = !o.loaded ? UNK : !o.rec ? FAIL : row.known.test(ctx, o.rec);
    }
    const raw = target ? target.properties[row.p.name] : undefined;
    out.push({ row, t, rec: target, value: display(ctx, row.p, typeof raw === 'string' ? raw : null) });
  }
  return out;
}

export function checklistRows(ctx: Ctx, rec: RecordData | undefined, alias: string, list: string): ChecklistRow[] {
  return checklistValues(ctx, rec, alias, list).map((v) => {
    const row: ChecklistRow = {
      object: v.row.object,
      objectLabel: v.row.objectLabel,
      property: v.row.p.name,
      label: v.row.label,
      value: v.value,
      known: v.t === MET,
    };
    if (v.rec) row.record = refOfRecord(v.rec);
    return row;
  });
}

export function checklistNode(p: P, alias: string, _env: Env): Node {
  const label = p.label ?? 'Every checklist item is filled in';
  const combine = (vals: RowValue[]): Tri => {
    let unknown = false;
    for (const v of vals) {
      if (v.t === FAIL) return FAIL;
      if (v.t === UNK) unknown = true;
    }
    return unknown ? UNK : MET;
  };
  return {
    label,
    test: (ctx, rec) => combine(checklistValues(ctx, rec, alias, p.list)),
    items(ctx, rec, out: FindingItem[]) {
      const vals = checklistValues(ctx, rec, alias, p.list);
      for (const v of vals) {
        const targets: RecordRef[] = v.rec ? [refOfRecord(v.rec)] : [];
        const fix = v.t === MET || targets.length === 0 ? null : makeFix(targets, v.row.p, v.row.p.options);
        const required = v.rec || v.t === UNK ? 'a value' : `a ${v.row.objectLabel.toLowerCase()} to hold it`;
        out.push(item(`${v.row.objectLabel}: ${v.row.label}`, v.t, v.value, required, fix, v.rec && !isFocus(ctx, v.rec) ? refOfRecord(v.rec) : null));
      }
      return combine(vals);
    },
  };
}

