/**
 * The HubSpot client SOP Sidebar uses: typed methods over the generated API
 * modules (./codegen), sending through one transport (./transport) with the
 * injected fetch. Errors are typed (./errors); results are plain data
 * (./types). Paging is followed to the end where a method promises "all".
 */
import type { AssociationType, FileMeta, ObjectSchemaMeta, Owner, PipelineMeta, PropertyDef } from '../rules/snapshot';
import { createCodegenApis, type CodegenApis } from './codegen';
import { HubSpotError, HubSpotServerError } from './errors';
import {
  toAssociationTarget,
  toAssociationType,
  toFileMeta,
  toObject,
  toOwner,
  toPipeline,
  toPropertyDef,
  toSchema,
} from './normalize';
import { Transport, type FetchLike, type RequestLogEntry, type ResponseInfo } from './transport';
import type {
  AccountDetails,
  AssociationSpecInput,
  AssociationTarget,
  BatchReadResult,
  CreateObjectInput,
  HubSpotObject,
  SearchPage,
  SearchRequest,
} from './types';

export interface HubSpotClientOptions {
  /** Private-app token (or OAuth access token). Stays in the background. */
  token: string;
  baseUrl?: string;
  /** The background's rate-limited fetch; globalThis.fetch in tests. */
  fetch: FetchLike;
  signal?: AbortSignal;
  /** Per request; default 30 s. A timeout is an Offline error (reason `timeout`). */
  timeoutMs?: number;
  /** Every HTTP answer with its rate-limit headers, for the limiter. */
  onResponse?: (info: ResponseInfo) => void;
  /** The portal's IANA zone, so a daily-limit error knows when it resets. */
  timeZone?: string | null;
  now?: () => number;
}

export interface GetObjectOptions {
  properties?: string[];
  propertiesWithHistory?: string[];
  /** v3 inline association names (`contacts`, `notes`…). */
  associations?: string[];
  archived?: boolean;
}

export interface HubSpotClient {
  /** HTTP requests sent by this client (not its forks), failed ones included. */
  readonly requests: number;
  /** Every request this client sent, in order (method, path, status, overlap). */
  readonly requestLog: readonly RequestLogEntry[];
  /** Same settings, its own request counter and log (e.g. to count one snapshot's requests). */
  fork(): HubSpotClient;

  getObject(objectType: string, id: string, options?: GetObjectOptions): Promise<HubSpotObject>;
  /** Batch read in chunks of 100 (50 with history); ids HubSpot does not find are listed in `missing`. */
  batchRead(objectType: string, ids: string[], options: { properties: string[]; propertiesWithHistory?: string[] }): Promise<BatchReadResult>;
  /** One page of a search. */
  search(objectType: string, request: SearchRequest): Promise<SearchPage>;
  updateObject(objectType: string, id: string, properties: Record<string, string>): Promise<HubSpotObject>;
  /** Creates a record (calls, notes…) with its associations; HubSpot answers 201. */
  createObject(objectType: string, input: CreateObjectInput): Promise<HubSpotObject>;

  /** Every association of one record to a type (v4, all pages). */
  associations(fromType: string, fromId: string, toType: string): Promise<AssociationTarget[]>;
  /** v4 batch read (chunks of 1,000), every page of every input followed. */
  batchAssociations(fromType: string, toType: string, ids: string[]): Promise<Map<string, AssociationTarget[]>>;
  createAssociation(fromType: string, fromId: string, toType: string, toId: string, types: AssociationSpecInput[]): Promise<void>;
  /** Association type definitions between two object types (`/crm/v4/associations/{from}/{to}/labels`). */
  associationLabels(fromType: string, toType: string): Promise<AssociationType[]>;

  pipelines(objectType: string): Promise<PipelineMeta[]>;
  properties(objectType: string): Promise<PropertyDef[]>;
  /** All owners, every page. */
  owners(): Promise<Owner[]>;
  /** Call outcomes (`/calling/v1/dispositions`). */
  dispositions(): Promise<Array<{ id: string; label: string }>>;
  accountDetails(): Promise<AccountDetails>;
  fileMetadata(fileId: string): Promise<FileMeta>;
  /** Custom object schemas (`/crm/v3/schemas`). */
  schemas(): Promise<ObjectSchemaMeta[]>;
}

const DEFAULT_BASE_URL = 'https://api.hubapi.com';
const DEFAULT_TIMEOUT_MS = 30_000;
const BATCH_READ_LIMIT = 100;
/** HubSpot: "The maximum number of inputs supported in a batch request for property histories is 50." */
const BATCH_READ_HISTORY_LIMIT = 50;
const ASSOCIATION_BATCH_LIMIT = 1_000;
const ASSOCIATION_PAGE = 500;
const OWNERS_PAGE = 500;

export function createHubSpotClient(options: HubSpotClientOptions): HubSpotClient {
  if (!options.token || typeof options.token !== 'string') {
    throw new TypeError('createHubSpotClient: a HubSpot token is required.');
  }
  if (typeof options.fetch !== 'function') {
    throw new TypeError('createHubSpotClient: a fetch function is required.');
  }
  const transport = new Transport({
    token: options.token,
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now: options.now ?? (() => Date.now()),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onResponse ? { onResponse: options.onResponse } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  return new Client(options, transport, createCodegenApis(transport));
}

/** Anything thrown by the generated code that is not already ours (unexpected 2xx, unparsable body). */
async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HubSpotError) throw error;
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new HubSpotServerError({ message: `Unexpected HubSpot answer to ${what}: ${detail}`, cause: error });
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const unique = (ids: string[]): string[] => [...new Set(ids.map(String))];

type Loose = Record<string, unknown>;

class Client implements HubSpotClient {
  constructor(
    private readonly options: HubSpotClientOptions,
    private readonly transport: Transport,
    private readonly api: CodegenApis,
  ) {}

  get requests(): number {
    return this.transport.requests;
  }

  get requestLog(): readonly RequestLogEntry[] {
    return this.transport.log;
  }

  fork(): HubSpotClient {
    return createHubSpotClient(this.options);
  }

  getObject(objectType: string, id: string, o: GetObjectOptions = {}): Promise<HubSpotObject> {
    return guard(`GET ${objectType}/${id}`, async () => {
      const raw = await this.api.objects.basic.getById(
        objectType, id,
        o.properties, o.propertiesWithHistory?.length ? o.propertiesWithHistory : undefined,
        o.associations?.length ? o.associations : undefined, o.archived,
      );
      return toObject(raw);
    });
  }

  async batchRead(objectType: string, ids: string[], o: { properties: string[]; propertiesWithHistory?: string[] }): Promise<BatchReadResult> {
    const all = unique(ids);
    const size = o.propertiesWithHistory?.length ? BATCH_READ_HISTORY_LIMIT : BATCH_READ_LIMIT;
    const parts = await Promise.all(chunks(all, size).map((part) =>
      guard(`batch read ${objectType}`, async () => {
        const raw = (await this.api.objects.batch.read(objectType, {
          inputs: part.map((id) => ({ id })),
          properties: o.properties,
          propertiesWithHistory: o.propertiesWithHistory ?? [],
        })) as unknown as Loose;
        return raw;
      })));
    const results: HubSpotObject[] = [];
    for (const raw of parts) {
      for (const r of (Array.isArray(raw.results) ? raw.results : []) as unknown[]) results.push(toObject(r));
    }
    const found = new Set(results.map((r) => r.id));
    return { results, missing: all.filter((id) => !found.has(id)) };
  }

  async search(objectType: string, request: SearchRequest): Promise<SearchPage> {
    validateSearch(request);
    return guard(`search ${objectType}`, async () => {
      const raw = (await this.api.objects.search.doSearch(objectType, request as never)) as unknown as Loose;
      const results = ((Array.isArray(raw.results) ? raw.results : []) as unknown[]).map(toObject);
      const next = ((raw.paging as Loose | undefined)?.next as Loose | undefined)?.after;
      return { total: Number(raw.total ?? results.length), results, after: typeof next === 'string' && next !== '' ? next : null };
    });
  }

  updateObject(objectType: string, id: string, properties: Record<string, string>): Promise<HubSpotObject> {
    return guard(`PATCH ${objectType}/${id}`, async () =>
      toObject(await this.api.objects.basic.update(objectType, id, { properties })));
  }

  createObject(objectType: string, input: CreateObjectInput): Promise<HubSpotObject> {
    return guard(`create ${objectType}`, async () =>
      toObject(await this.api.objects.basic.create(objectType, {
        properties: input.properties,
        associations: (input.associations ?? []) as never,
      })));
  }

  async associations(fromType: string, fromId: string, toType: string): Promise<AssociationTarget[]> {
    return this.associationPages(fromType, fromId, toType, undefined);
  }

  private async associationPages(fromType: string, fromId: string, toType: string, after: string | undefined): Promise<AssociationTarget[]> {
    const out: AssociationTarget[] = [];
    let cursor = after;
    do {
      const raw = (await guard(`associations ${fromType}/${fromId} → ${toType}`, () =>
        this.api.associations.basic.getPage(fromType, fromId, toType, cursor, ASSOCIATION_PAGE))) as unknown as Loose;
      for (const r of (Array.isArray(raw.results) ? raw.results : []) as unknown[]) {
        const t = toAssociationTarget(r);
        if (t) out.push(t);
      }
      const next = ((raw.paging as Loose | undefined)?.next as Loose | undefined)?.after;
      cursor = typeof next === 'string' && next !== '' ? next : undefined;
    } while (cursor);
    return out;
  }

  async batchAssociations(fromType: string, toType: string, ids: string[]): Promise<Map<string, AssociationTarget[]>> {
    const all = unique(ids);
    const result = new Map<string, AssociationTarget[]>(all.map((id) => [id, []]));
    const follow: Array<Promise<void>> = [];
    await Promise.all(chunks(all, ASSOCIATION_BATCH_LIMIT).map(async (part) => {
      const raw = (await guard(`batch associations ${fromType} → ${toType}`, () =>
        this.api.associations.batch.getPage(fromType, toType, { inputs: part.map((id) => ({ id })) }))) as unknown as Loose;
      for (const r of (Array.isArray(raw.results) ? raw.results : []) as Loose[]) {
        const from = String(((r._from ?? r.from) as Loose | undefined)?.id ?? '');
        if (!result.has(from)) continue;
        const list = result.get(from)!;
        for (const t of (Array.isArray(r.to) ? r.to : []) as unknown[]) {
          const target = toAssociationTarget(t);
          if (target) list.push(target);
        }
        const next = ((r.paging as Loose | undefined)?.next as Loose | undefined)?.after;
        if (typeof next === 'string' && next !== '') {
          // More than one page for this record: the rest comes from the single-record endpoint.
          follow.push(this.associationPages(fromType, from, toType, next).then((rest) => { list.push(...rest); }));
        }
      }
    }));
    await Promise.all(follow);
    for (const [id, list] of result) result.set(id, mergeTargets(list));
    return result;
  }

  createAssociation(fromType: string, fromId: string, toType: string, toId: string, types: AssociationSpecInput[]): Promise<void> {
    return guard(`associate ${fromType}/${fromId} → ${toType}/${toId}`, async () => {
      await this.api.associations.basic.create(fromType, fromId, toType, toId, types as never);
    });
  }

  associationLabels(fromType: string, toType: string): Promise<AssociationType[]> {
    return guard(`association labels ${fromType} → ${toType}`, async () => {
      const raw = ((await this.transport.json<unknown>('GET', `/crm/v4/associations/${seg(fromType)}/${seg(toType)}/labels`)) ?? {}) as Loose;
      return ((Array.isArray(raw.results) ? raw.results : []) as unknown[])
        .map(toAssociationType)
        .filter((t): t is AssociationType => t !== null);
    });
  }

  pipelines(objectType: string): Promise<PipelineMeta[]> {
    return guard(`pipelines ${objectType}`, async () => {
      const raw = ((await this.transport.json<unknown>('GET', `/crm/v3/pipelines/${seg(objectType)}`)) ?? {}) as Loose;
      const list = ((Array.isArray(raw.results) ? raw.results : []) as unknown[]).map(toPipeline);
      return list.sort((a, b) => a.displayOrder - b.displayOrder);
    });
  }

  properties(objectType: string): Promise<PropertyDef[]> {
    return guard(`properties ${objectType}`, async () => {
      const raw = ((await this.transport.json<unknown>('GET', `/crm/v3/properties/${seg(objectType)}`)) ?? {}) as Loose;
      return ((Array.isArray(raw.results) ? raw.results : []) as unknown[]).map(toPropertyDef);
    });
  }

  async owners(): Promise<Owner[]> {
    const out: Owner[] = [];
    let after: string | undefined;
    do {
      const raw = ((await this.transport.json<unknown>('GET', '/crm/v3/owners', { limit: OWNERS_PAGE, after })) ?? {}) as Loose;
      out.push(...((Array.isArray(raw.results) ? raw.results : []) as unknown[]).map(toOwner));
      const next = ((raw.paging as Loose | undefined)?.next as Loose | undefined)?.after;
      after = typeof next === 'string' && next !== '' ? next : undefined;
    } while (after);
    return out;
  }

  async dispositions(): Promise<Array<{ id: string; label: string }>> {
    const raw = await this.transport.json<unknown>('GET', '/calling/v1/dispositions');
    const list = Array.isArray(raw) ? raw : Array.isArray((raw as Loose | null)?.results) ? ((raw as Loose).results as unknown[]) : [];
    return (list as Loose[])
      .filter((d) => d && (typeof d.id === 'string' || typeof d.id === 'number'))
      .map((d) => ({ id: String(d.id), label: typeof d.label === 'string' ? d.label : String(d.id) }));
  }

  async accountDetails(): Promise<AccountDetails> {
    const raw = ((await this.transport.json<unknown>('GET', '/account-info/v3/details')) ?? {}) as Loose;
    const portalId = Number(raw.portalId);
    if (!Number.isFinite(portalId)) {
      throw new HubSpotServerError({ message: 'HubSpot account details carry no portalId', request: { method: 'GET', path: '/account-info/v3/details' } });
    }
    const details: AccountDetails = { portalId, timeZone: typeof raw.timeZone === 'string' ? raw.timeZone : 'UTC' };
    for (const key of ['companyCurrency', 'dataHostingLocation', 'uiDomain'] as const) {
      if (typeof raw[key] === 'string') details[key] = raw[key] as string;
    }
    return details;
  }

  fileMetadata(fileId: string): Promise<FileMeta> {
    return this.transport.json<unknown>('GET', `/files/v3/files/${seg(fileId)}`).then(toFileMeta);
  }

  async schemas(): Promise<ObjectSchemaMeta[]> {
    const raw = ((await this.transport.json<unknown>('GET', '/crm/v3/schemas')) ?? {}) as Loose;
    return ((Array.isArray(raw.results) ? raw.results : []) as unknown[]).map(toSchema).filter((s) => s.objectTypeId !== '');
  }
}

/** A path segment from a caller's value (object type names, ids). */
function seg(value: string): string {
  return encodeURIComponent(value);
}

/** One entry per associated record, its types merged (v4 may list a record once per page). */
function mergeTargets(list: AssociationTarget[]): AssociationTarget[] {
  const byId = new Map<string, AssociationTarget>();
  for (const t of list) {
    const seen = byId.get(t.toObjectId);
    if (!seen) {
      byId.set(t.toObjectId, { toObjectId: t.toObjectId, types: [...t.types] });
      continue;
    }
    for (const type of t.types) {
      if (!seen.types.some((s) => s.typeId === type.typeId && s.category === type.category)) seen.types.push(type);
    }
  }
  return [...byId.values()];
}

const SEARCH_MAX_LIMIT = 200;
const SEARCH_MAX_GROUPS = 5;
const SEARCH_MAX_FILTERS_PER_GROUP = 6;
const SEARCH_MAX_FILTERS = 18;

/** HubSpot's search limits (HUBSPOT-API.md), checked before sending so the caller gets a precise error. */
function validateSearch(request: SearchRequest): void {
  if (request.limit !== undefined && (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > SEARCH_MAX_LIMIT)) {
    throw new RangeError(`HubSpot search limit must be 1–${SEARCH_MAX_LIMIT}, got ${request.limit}.`);
  }
  const groups = request.filterGroups ?? [];
  if (groups.length > SEARCH_MAX_GROUPS) {
    throw new RangeError(`HubSpot search allows at most ${SEARCH_MAX_GROUPS} filter groups, got ${groups.length}.`);
  }
  let total = 0;
  for (const [i, g] of groups.entries()) {
    if (g.filters.length > SEARCH_MAX_FILTERS_PER_GROUP) {
      throw new RangeError(`HubSpot search allows at most ${SEARCH_MAX_FILTERS_PER_GROUP} filters in a group; group ${i + 1} has ${g.filters.length}.`);
    }
    total += g.filters.length;
  }
  if (total > SEARCH_MAX_FILTERS) {
    throw new RangeError(`HubSpot search allows at most ${SEARCH_MAX_FILTERS} filters in all, got ${total}.`);
  }
}
