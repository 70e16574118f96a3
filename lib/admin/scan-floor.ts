/**
 * Request accounting: the fewest HTTP requests HubSpot's API allows for the
 * data a scan needed (HUBSPOT-API.md limits), to compare with what it sent.
 *
 *   floor = Σ over objects  ⌈records / 200⌉                       (search pages)
 *         + Σ over pages    Σ over object types ⌈history reads / 50⌉ (`propertiesWithHistory` batch reads)
 *                         + Σ over association types ⌈records whose list was needed / 1,000⌉ (v4 batch reads)
 *                         + Σ over object types ⌈associated records read / 100⌉
 *                           (⌈… / 50⌉ for types read with history)
 *                         + Σ over engagement types ⌈engagements read / 100⌉
 *                         + attachments whose metadata was read (one GET each: the Files API has no batch read)
 *
 * "Needed" is what the selected rules read for those records (the same needs
 * the sidebar loads), so the floor moves with the data, not with how the
 * loader grouped its requests. What can push the real count above it:
 * a type read in two waves (a record known only after another answer), a
 * record with more than 500 associations of one type (v4 pages), retries.
 * Portal metadata (pipelines, properties, owners) is shared with the sidebar
 * and not counted.
 */
import type { Engagement, RecordKey } from '../rules/snapshot';
import { SEARCH_PAGE } from './scan-partition';

/** HubSpot's batch sizes (HUBSPOT-API.md; property histories: "at most 50" per batch read). */
export const BATCH_READ_LIMIT = 100;
export const HISTORY_BATCH_LIMIT = 50;
export const ASSOCIATION_BATCH_LIMIT = 1_000;

export interface PageFloorInput {
  focusType: string;
  focusKeys: ReadonlySet<RecordKey>;
  /** Focus records read again for their property history. */
  historyRecords: number;
  /** `${fromKey}>${toObjectTypeId}` of every association list loaded. */
  loadedLists: Iterable<string>;
  /** Every record the graph holds (focus records included). */
  records: Iterable<RecordKey>;
  /** Records asked for that HubSpot no longer has. */
  missing: Iterable<RecordKey>;
  /** Object types whose records were read with history. */
  historyTypes: ReadonlySet<string>;
  engagements: Readonly<Record<RecordKey, readonly Engagement[]>>;
  fileRequests: number;
}

const ceil = (n: number, size: number) => (n <= 0 ? 0 : Math.ceil(n / size));
const typeOfKey = (key: string) => key.slice(0, key.indexOf('/'));

/** The page's requests beyond its search. Engagement records count under their types, not as associated records. */
export function pageFloor(input: PageFloorInput): number {
  let floor = ceil(input.historyRecords, HISTORY_BATCH_LIMIT);

  const lists = new Map<string, number>();
  for (const entry of input.loadedLists) {
    const arrow = entry.lastIndexOf('>');
    const pair = `${typeOfKey(entry.slice(0, arrow))}>${entry.slice(arrow + 1)}`;
    lists.set(pair, (lists.get(pair) ?? 0) + 1);
  }
  for (const n of lists.values()) floor += ceil(n, ASSOCIATION_BATCH_LIMIT);

  const engagementIds = new Map<string, Set<string>>();
  for (const list of Object.values(input.engagements)) {
    for (const e of list) {
      let set = engagementIds.get(e.type);
      if (!set) engagementIds.set(e.type, (set = new Set()));
      set.add(e.id);
    }
  }
  const reads = new Map<string, number>();
  for (const key of [...input.records, ...input.missing]) {
    if (input.focusKeys.has(key)) continue;
    const t = typeOfKey(key);
    reads.set(t, (reads.get(t) ?? 0) + 1);
  }
  // Engagements are not graph records: they count by their own ids.
  for (const ids of engagementIds.values()) {
    floor += ceil(ids.size, BATCH_READ_LIMIT);
  }
  for (const [t, n] of reads) floor += ceil(n, input.historyTypes.has(t) ? HISTORY_BATCH_LIMIT : BATCH_READ_LIMIT);
  return floor + input.fileRequests;
}

/** Search pages an object of `records` records strictly needs. */
export function searchFloor(records: number): number {
  return Math.max(1, ceil(records, SEARCH_PAGE));
}
