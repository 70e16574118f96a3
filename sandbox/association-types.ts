/**
 * Association type definitions: HubSpot's built-in (HUBSPOT_DEFINED) pairs
 * with their inverse ids, v4 labels and v3 type names, merged with the
 * portal's own definitions from the seed (`associationLabels`).
 *
 * An association is stored once, in the direction it was written, and read
 * from either side; reading from the `to` side maps every type id through
 * `inverse()`. Inverse ids:
 *   1. HubSpot's own pairs below (deal→contact 3 ⇄ contact→deal 4, …);
 *   2. a seed definition in the opposite direction with the same category and
 *      label (USER_DEFINED) — or the only unlabelled HUBSPOT_DEFINED one;
 *   3. otherwise the same id, with the same label (HubSpot allocates label ids
 *      per pair; one id per label is the sensible stand-in).
 */
export type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';

export interface AssociationTypeRef {
  category: AssociationCategory;
  typeId: number;
}

export interface AssociationLabelDef extends AssociationTypeRef {
  fromType: string;
  toType: string;
  label: string | null;
}

interface BuiltIn {
  from: string;
  to: string;
  id: number;
  inverse: number;
  label?: string;
  inverseLabel?: string;
  /** v3 names: forward / inverse. Default `{from}_to_{to}`. */
  v3?: string;
  v3Inverse?: string;
}

const CONTACT = '0-1', COMPANY = '0-2', DEAL = '0-3', TICKET = '0-5', LINE_ITEM = '0-8';
const ENGAGEMENTS: Array<[string, number[]]> = [
  // type, [→contact, →company, →deal, →ticket] ids; the inverse is id − 1.
  ['0-48', [194, 182, 206, 220]],
  ['0-46', [202, 190, 214, 228]],
  ['0-49', [198, 186, 210, 224]],
  ['0-47', [200, 188, 212, 226]],
  ['0-27', [204, 192, 216, 230]],
];

const BUILT_IN: BuiltIn[] = [
  { from: CONTACT, to: COMPANY, id: 279, inverse: 280, v3: 'contact_to_company_unlabeled', v3Inverse: 'company_to_contact_unlabeled' },
  { from: CONTACT, to: COMPANY, id: 1, inverse: 2, label: 'Primary', inverseLabel: 'Primary' },
  { from: DEAL, to: CONTACT, id: 3, inverse: 4 },
  { from: DEAL, to: COMPANY, id: 341, inverse: 342, v3: 'deal_to_company_unlabeled', v3Inverse: 'company_to_deal_unlabeled' },
  { from: DEAL, to: COMPANY, id: 5, inverse: 6, label: 'Primary', inverseLabel: 'Primary' },
  { from: TICKET, to: CONTACT, id: 16, inverse: 15 },
  { from: TICKET, to: COMPANY, id: 339, inverse: 340, v3: 'ticket_to_company_unlabeled', v3Inverse: 'company_to_ticket_unlabeled' },
  { from: TICKET, to: COMPANY, id: 26, inverse: 25, label: 'Primary', inverseLabel: 'Primary' },
  { from: DEAL, to: TICKET, id: 27, inverse: 28 },
  { from: DEAL, to: LINE_ITEM, id: 19, inverse: 20 },
  // Company hierarchy: 13 = parent → child, 14 = child → parent.
  { from: COMPANY, to: COMPANY, id: 13, inverse: 14, label: 'Child Company', inverseLabel: 'Parent Company', v3: 'parent_to_child_company', v3Inverse: 'child_to_parent_company' },
  ...ENGAGEMENTS.flatMap(([type, ids]) =>
    [CONTACT, COMPANY, DEAL, TICKET].map((to, i) => ({ from: type, to, id: ids[i] as number, inverse: (ids[i] as number) - 1 })),
  ),
];

/** Directional view of the built-in table: one entry per (from, to, id). */
interface Directed {
  from: string;
  to: string;
  typeId: number;
  inverse: number;
  label: string | null;
  v3?: string;
}

const DIRECTED: Directed[] = BUILT_IN.flatMap((b) => [
  { from: b.from, to: b.to, typeId: b.id, inverse: b.inverse, label: b.label ?? null, v3: b.v3 },
  { from: b.to, to: b.from, typeId: b.inverse, inverse: b.id, label: b.inverseLabel ?? null, v3: b.v3Inverse },
]);

function slug(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Association definitions of one portal: built-in plus the seed's, by objectTypeId. */
export class AssociationTypes {
  constructor(private readonly seedDefs: AssociationLabelDef[]) {}

  private builtIn(from: string, to: string, typeId: number): Directed | undefined {
    return DIRECTED.find((d) => d.from === from && d.to === to && d.typeId === typeId);
  }

  private seedDef(from: string, to: string, category: AssociationCategory, typeId: number): AssociationLabelDef | undefined {
    return this.seedDefs.find((d) => d.fromType === from && d.toType === to && d.typeId === typeId && d.category === category);
  }

  /** Every type valid from `from` to `to` (what `GET /crm/v4/associations/{from}/{to}/labels` lists). */
  definitions(from: string, to: string): Array<AssociationTypeRef & { label: string | null }> {
    const out: Array<AssociationTypeRef & { label: string | null }> = [];
    const push = (d: AssociationTypeRef & { label: string | null }) => {
      if (!out.some((o) => o.typeId === d.typeId && o.category === d.category)) out.push(d);
    };
    for (const d of DIRECTED) if (d.from === from && d.to === to) push({ category: 'HUBSPOT_DEFINED', typeId: d.typeId, label: d.label });
    for (const d of this.seedDefs) if (d.fromType === from && d.toType === to) push({ category: d.category, typeId: d.typeId, label: d.label });
    for (const d of this.seedDefs) {
      if (d.fromType === to && d.toType === from && from !== to) {
        push({ category: d.category, typeId: this.inverse(to, from, d), label: d.label });
      }
    }
    return out.sort((a, b) => a.typeId - b.typeId);
  }

  isValid(from: string, to: string, ref: AssociationTypeRef): boolean {
    return this.definitions(from, to).some((d) => d.typeId === ref.typeId && d.category === ref.category);
  }

  /** The type id of the same association read from the other side (`to` → `from`). */
  inverse(from: string, to: string, ref: AssociationTypeRef): number {
    if (ref.category === 'HUBSPOT_DEFINED') {
      const b = this.builtIn(from, to, ref.typeId);
      if (b) return b.inverse;
    }
    const def = this.seedDef(from, to, ref.category, ref.typeId);
    if (def) {
      const back = this.seedDefs.filter((d) => d.fromType === to && d.toType === from && d.category === ref.category);
      const match = def.label !== null ? back.find((d) => d.label === def.label) : back.length === 1 && back[0]?.label === null ? back[0] : undefined;
      if (match) return match.typeId;
    }
    return ref.typeId;
  }

  /** v4 label: the seed's label, HubSpot's (`Primary`, parent/child), or null. */
  label(from: string, to: string, ref: AssociationTypeRef): string | null {
    const def = this.seedDef(from, to, ref.category, ref.typeId);
    if (def) return def.label;
    if (ref.category === 'HUBSPOT_DEFINED') {
      const b = this.builtIn(from, to, ref.typeId);
      if (b) return b.label;
    }
    // A label read from the side it was not defined on (fallback rule 3 of inverse()).
    const back = this.seedDefs.find((d) => d.fromType === to && d.toType === from && d.category === ref.category && this.inverse(to, from, d) === ref.typeId);
    return back?.label ?? null;
  }

  /**
   * v3 association `type` string: `deal_to_contact`, `deal_to_company` (primary)
   * / `deal_to_company_unlabeled`, `parent_to_child_company`; USER_DEFINED
   * labels as their snake-cased label (`decision_maker`).
   */
  v3Name(from: string, to: string, ref: AssociationTypeRef, singular: (typeId: string) => string): string {
    const label = this.label(from, to, ref);
    if (ref.category !== 'HUBSPOT_DEFINED' && label) return slug(label);
    const b = ref.category === 'HUBSPOT_DEFINED' ? this.builtIn(from, to, ref.typeId) : undefined;
    if (b?.v3) return b.v3;
    return `${singular(from)}_to_${singular(to)}`;
  }

  /** The `to` type of a typeId used from `from` (v3 create's `associations` name no target type). */
  targetTypes(from: string, ref: AssociationTypeRef, knownTypes: string[]): string[] {
    return knownTypes.filter((to) => this.isValid(from, to, ref));
  }
}
