/**
 * A small builder for seed records: it fills HubSpot's always-present
 * properties (hs_object_id, create/modified dates), checks every
 * association type it writes has a label definition and an inverse, and collects what each record is expected to show
 * (./expectations.ts, sandbox/README.md).
 */
import type { SeedAssociation, SeedData, SeedObject } from './types';
import type { Clock } from './clock';
import { associationLabels, inverseTypeId } from './metadata';
import { ENGAGEMENT_ASSOC, TYPE } from './ids';

export interface Expectation {
  objectTypeId: string;
  id: string;
  name: string;
  /** Evaluable rules the record meets. */
  met: string[];
  /** Evaluable rules the record fails (violation, warning, or a gate item still missing for the next stage). */
  failing: string[];
  /** Rules with no failing state (guide, view, forms without a test) shown in this record's context. */
  shown?: string[];
  /** Rules that must not appear on this record at all (e.g. SALES-* on an ungoverned pipeline). */
  absent?: string[];
  /** Why the record is in the seed, for the README table. */
  note?: string;
}

type Category = SeedAssociation['types'][number]['category'];

const categoryOf: ReadonlyMap<string, Category> = new Map(
  associationLabels.map((l) => [`${l.fromType}>${l.toType}>${l.typeId}`, l.category]),
);

function typeEntry(fromType: string, toType: string, typeId: number): SeedAssociation['types'][number] {
  const category = categoryOf.get(`${fromType}>${toType}>${typeId}`);
  if (!category) throw new Error(`Seed: no association label ${fromType}→${toType} #${typeId}`);
  return { category, typeId };
}

const CREATED_PROP: Record<string, [created: string, modified: string]> = {
  [TYPE.contact]: ['createdate', 'lastmodifieddate'],
  [TYPE.company]: ['createdate', 'hs_lastmodifieddate'],
  [TYPE.deal]: ['createdate', 'hs_lastmodifieddate'],
  [TYPE.ticket]: ['createdate', 'hs_lastmodifieddate'],
};

export type EngagementKind = 'note' | 'call' | 'email' | 'meeting' | 'task';

export interface RecordOptions {
  /** Days before now the record was created. */
  created: number;
  /** Days before now it was last modified; default: `created`, capped at 1 day ago. */
  modified?: number;
  history?: SeedObject['history'];
}

export class PortalBuilder {
  readonly objects: Record<string, SeedObject[]> = {};
  readonly associations: SeedAssociation[] = [];
  readonly files: SeedData['files'] = [];
  readonly expectations: Expectation[] = [];
  private readonly index = new Map<string, SeedObject>();
  private readonly counters = new Map<string, number>();

  constructor(readonly clock: Clock) {}

  /** A record with an explicit id. Values that are `undefined` are left unset. */
  add(type: string, id: string, properties: Record<string, string | undefined>, opts: RecordOptions): string {
    const key = `${type}/${id}`;
    if (this.index.has(key)) throw new Error(`Seed: duplicate record ${key}`);
    const createdAt = this.clock.daysAgo(opts.created);
    const updatedAt = this.clock.daysAgo(Math.min(opts.modified ?? opts.created, Math.max(opts.created, 1)));
    const [createdName, modifiedName] = CREATED_PROP[type] ?? ['hs_createdate', 'hs_lastmodifieddate'];
    const props: Record<string, string> = { hs_object_id: id, [createdName]: createdAt, [modifiedName]: updatedAt };
    for (const [name, value] of Object.entries(properties)) if (value !== undefined) props[name] = value;
    const record: SeedObject = { id, properties: props, createdAt, updatedAt, ...(opts.history ? { history: opts.history } : {}) };
    (this.objects[type] ??= []).push(record);
    this.index.set(key, record);
    return id;
  }

  get(type: string, id: string): SeedObject {
    const record = this.index.get(`${type}/${id}`);
    if (!record) throw new Error(`Seed: no record ${type}/${id}`);
    return record;
  }

  /** The next id of a type, from a HubSpot-like base (engagements, files). */
  nextId(type: string, base: number): string {
    const n = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, n);
    return String(base + n);
  }

  /**
   * Associate two records with the given type ids (from `from`'s side). Stored
   * once, as HubSpot does: the API answers the other side through the inverse
   * ids (deal→contact 3 reads as contact→deal 4), which must be defined.
   */
  link(fromType: string, fromId: string, toType: string, toId: string, typeIds: number[]): void {
    for (const typeId of typeIds) {
      if (inverseTypeId.get(`${fromType}>${toType}>${typeId}`) === undefined) {
        throw new Error(`Seed: no inverse for ${fromType}→${toType} #${typeId}`);
      }
    }
    this.associations.push({ fromType, fromId, toType, toId, types: typeIds.map((t) => typeEntry(fromType, toType, t)) });
  }

  /**
   * An engagement dated `daysAgo` before now (`hs_timestamp`), associated with
   * every target through HubSpot's engagement association types.
   */
  engagement(kind: EngagementKind, daysAgo: number, properties: Record<string, string | undefined>, targets: Array<[type: string, id: string]>): string {
    const type = TYPE[kind];
    const id = this.nextId(type, ENGAGEMENT_ID_BASE[kind]);
    this.add(type, id, { hs_timestamp: this.clock.daysAgo(daysAgo), ...properties }, { created: Math.max(daysAgo, 0) });
    for (const [toType, toId] of targets) {
      const typeId = ENGAGEMENT_ASSOC[type]?.[toType]?.[0];
      if (typeId === undefined) throw new Error(`Seed: no ${kind}→${toType} association type`);
      this.link(type, id, toType, toId, [typeId]);
    }
    return id;
  }

  file(name: string, extension: string, daysAgo: number, size = 182_044): string {
    const id = this.nextId('file', 190_000_000_000);
    const type = extension === 'pdf' ? 'DOCUMENT' : extension === 'xlsx' ? 'DOCUMENT' : extension === 'png' ? 'IMG' : 'OTHER';
    this.files.push({
      id,
      name,
      extension,
      type,
      size,
      url: `https://f.hubspotusercontent-na1.net/hubfs/4471200/${encodeURIComponent(name)}.${extension}`,
      createdAt: this.clock.daysAgo(daysAgo),
    });
    return id;
  }

  expect(e: Expectation): void {
    this.expectations.push(e);
  }
}

const ENGAGEMENT_ID_BASE: Record<EngagementKind, number> = {
  note: 56_100_000_000,
  call: 56_200_000_000,
  email: 56_300_000_000,
  meeting: 56_400_000_000,
  task: 56_500_000_000,
};
