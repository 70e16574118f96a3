/**
 * The HubSpot client as the scan uses it: the same client, with batch reads
 * that ask for property history split into batches of at most 50 ids.
 * HubSpot refuses more: "The maximum number of inputs supported in a batch
 * request for property histories is 50" (the client batches by 100, the
 * limit for plain batch reads).
 */
import type { HubSpotClient } from '../hubspot/client';
import type { BatchReadResult } from '../hubspot/types';

export const BATCH_READ_LIMIT = 100;
export const HISTORY_BATCH_LIMIT = 50;
export const ASSOCIATION_BATCH_LIMIT = 1_000;

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Reads `ids` with history in batches of ≤ 50, merged as one answer. */
export async function batchReadWithHistory(
  client: HubSpotClient,
  objectType: string,
  ids: readonly string[],
  options: { properties: string[]; propertiesWithHistory: string[] },
): Promise<BatchReadResult> {
  const parts = await Promise.all(chunk([...new Set(ids)], HISTORY_BATCH_LIMIT).map((part) => client.batchRead(objectType, part, options)));
  return { results: parts.flatMap((p) => p.results), missing: parts.flatMap((p) => p.missing) };
}

/** A view of `client` whose history batch reads respect HubSpot's 50-id limit; everything else is the client's. */
export function scanClient(client: HubSpotClient): HubSpotClient {
  return {
    get requests() {
      return client.requests;
    },
    get requestLog() {
      return client.requestLog;
    },
    fork: () => scanClient(client.fork()),
    getObject: (t, id, o) => client.getObject(t, id, o),
    batchRead: (t, ids, o) =>
      o.propertiesWithHistory?.length
        ? batchReadWithHistory(client, t, ids, { properties: o.properties, propertiesWithHistory: o.propertiesWithHistory })
        : client.batchRead(t, ids, o),
    search: (t, r) => client.search(t, r),
    updateObject: (t, id, p) => client.updateObject(t, id, p),
    createObject: (t, i) => client.createObject(t, i),
    associations: (f, id, t) => client.associations(f, id, t),
    batchAssociations: (f, t, ids) => client.batchAssociations(f, t, ids),
    createAssociation: (f, fid, t, tid, types) => client.createAssociation(f, fid, t, tid, types),
    associationLabels: (f, t) => client.associationLabels(f, t),
    pipelines: (t) => client.pipelines(t),
    properties: (t) => client.properties(t),
    owners: () => client.owners(),
    dispositions: () => client.dispositions(),
    accountDetails: () => client.accountDetails(),
    fileMetadata: (id) => client.fileMetadata(id),
    schemas: () => client.schemas(),
  };
}
