/**
 * A compiled predicate: closures built once per (playbook, portal, object),
 * evaluated per record. Three-valued: a condition is met, failing, or
 * unknown because its data is not in the snapshot (Resolutions: never shown
 * as met). NA marks a whole rule as not applying to this record.
 */
import type { PropertyOption } from './snapshot';
import type { RecordData, RecordRef } from './snapshot';
import type { Fix, FindingItem, ItemStatus } from './result';
import type { Ctx } from './context';
import type { PropInfo } from './resolve';
import { optionOf } from './resolve';
import { dayToIso, isDateOnly } from './dates';
import { clean, isBlank, splitMulti } from './values';

export const FAIL = 0;
export const MET = 1;
export const UNK = 2;
/** The rule does not apply to this record (e.g. CH-1 on a contact that is nobody's Primary Contact). */
export const NA = 3;
export type Tri = 0 | 1 | 2 | 3;

/** The rule's `fix`, resolved: which property (on which object) to offer, and a suggested value. */
export interface Hint {
  alias: string;
  property: string;
  suggest?: string;
}

export interface Node {
  /** How the condition reads in the sidebar. */
  readonly label: string;
  test(ctx: Ctx, rec: RecordData | undefined): Tri;
  /** Like `test`, pushing the items the sidebar shows (an `all` pushes one per condition). */
  items(ctx: Ctx, rec: RecordData | undefined, out: FindingItem[], hint: Hint | null): Tri;
  /** The property a leaf tests on its context record (for fixes inside `associated`). */
  readonly property?: PropInfo;
  /** Options a leaf accepts (narrowed for equals/oneOf). */
  readonly accepts?: readonly PropertyOption[];
  /** A value a leaf itself suggests (equals → that value). */
  readonly suggest?: string;
  /**
   * When the condition is met on the record: a number that, with the rule,
   * determines its items exactly (no fix, no record link), so the met finding
   * can be built once and shared. Null when the result is not met or not so
   * determined. Absent: never shared this way.
   */
  sig?(ctx: Ctx, rec: RecordData | undefined): number | null;
}

export function itemStatus(t: Tri): ItemStatus {
  return t === MET || t === NA ? 'met' : t === FAIL ? 'missing' : 'unknown';
}

export function refOfRecord(rec: RecordData): RecordRef {
  return { objectTypeId: rec.objectTypeId, id: rec.id };
}

export function isFocus(ctx: Ctx, rec: RecordData): boolean {
  const f = ctx.snap.focus;
  return !!f && f.id === rec.id && f.objectTypeId === rec.objectTypeId;
}

export function item(
  label: string,
  t: Tri,
  current: string | null,
  required: string,
  fix?: Fix | null,
  record?: RecordRef | null,
): FindingItem {
  // One shape for every item (absent optional fields are undefined, dropped by JSON).
  return { label, status: itemStatus(t), current, required, fix: fix ?? undefined, record: record ?? undefined };
}

export function makeFix(targets: RecordRef[], p: PropInfo, options: readonly PropertyOption[], suggested?: string): Fix {
  return {
    targets,
    property: p.name,
    label: p.label,
    type: p.type,
    fieldType: p.fieldType,
    multi: p.multi,
    options: options as PropertyOption[],
    suggested,
  };
}

/** The suggestion for a leaf: the rule's fix hint when it names this property, else the leaf's own. */
export function suggestionFor(p: PropInfo, hint: Hint | null, own?: string): string | undefined {
  if (hint && hint.property === p.name && hint.alias === p.alias && hint.suggest !== undefined) return hint.suggest;
  return own;
}

/**
 * A value for display: option labels (not internal values), owner names,
 * dates as YYYY-MM-DD in the portal's calendar. Null when unset.
 */
export function display(ctx: Ctx, p: PropInfo, raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || isBlank(raw)) return null;
  const v = clean(raw);
  if (p.isOwner) return ctx.env.ownerNames.get(v) ?? v;
  if (p.options.length > 0) {
    if (p.multi || v.indexOf(';') >= 0) {
      const parts = splitMulti(v);
      let out = '';
      for (let i = 0; i < parts.length; i++) {
        const o = optionOf(p, parts[i]!);
        out += (i > 0 ? ', ' : '') + (o ? o.label : parts[i]);
      }
      return out;
    }
    const o = optionOf(p, v);
    return o ? o.label : v;
  }
  if (p.isDate || p.isDateTime) {
    if (p.isDate && isDateOnly(v)) return v;
    const d = ctx.day(v, p.isDate);
    return d === null ? v : dayToIso(d);
  }
  if (p.isBool) {
    const l = v.toLowerCase();
    if (l === 'true') return 'Yes';
    if (l === 'false') return 'No';
  }
  return v;
}
