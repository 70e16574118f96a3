/**
 * The partition planner: how a scan reads every record of an object past
 * HubSpot's search cap. A search query can page through at most 10,000
 * results; asking for `after` ≥ 10,000 answers 400 (HUBSPOT-API.md). So the
 * scan never pages with `after`: every page is a fresh query sorted by
 * `hs_object_id` ascending with `hs_object_id GT <last id seen>` (plus the
 * pipeline filter), limit 200. Each query starts at offset 0, however many
 * records the object has.
 *
 * The last page is the one HubSpot answers without `paging.next` (or with
 * fewer than `limit` results): no extra empty query is sent to find the end.
 */
import type { SearchFilter, SearchPage, SearchRequest } from '../hubspot/types';
import { pipelineProperty } from '../rules/hubspot';
import type { ScanTarget } from './scan-selection';

/** HubSpot's largest search page. */
export const SEARCH_PAGE = 200;
/** HubSpot's cap on one query's results (offset of `after`). */
export const SEARCH_CAP = 10_000;
export const ID_PROPERTY = 'hs_object_id';

/** Where a partition stands: the last id read (null before the first page). */
export interface PartitionCursor {
  lastId: string | null;
  done: boolean;
}

/** The search for the page after `cursor`: a fresh query, never an `after` offset. */
export function pageRequest(target: Pick<ScanTarget, 'objectTypeId' | 'pipelineIds'>, cursor: PartitionCursor, properties: readonly string[], limit = SEARCH_PAGE): SearchRequest {
  if (cursor.done) throw new Error('pageRequest: the partition is already read to the end.');
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_PAGE) throw new RangeError(`Search page size must be 1–${SEARCH_PAGE}, got ${limit}.`);
  const filters: SearchFilter[] = [];
  if (cursor.lastId !== null) {
    if (!/^\d+$/.test(cursor.lastId)) throw new TypeError(`Not a HubSpot record id: ${cursor.lastId}`);
    filters.push({ propertyName: ID_PROPERTY, operator: 'GT', value: cursor.lastId });
  }
  if (target.pipelineIds) {
    if (target.pipelineIds.length === 0) throw new Error('pageRequest: an empty pipeline list matches nothing.');
    filters.push({ propertyName: pipelineProperty(target.objectTypeId), operator: 'IN', values: [...target.pipelineIds] });
  }
  const props = new Set([ID_PROPERTY, ...properties]);
  const request: SearchRequest = {
    sorts: [{ propertyName: ID_PROPERTY, direction: 'ASCENDING' }],
    properties: [...props],
    limit,
  };
  if (filters.length) request.filterGroups = [{ filters }];
  return request;
}

/** The cursor after reading `page` (asked with `limit`). */
export function advance(cursor: PartitionCursor, page: Pick<SearchPage, 'results' | 'after'>, limit = SEARCH_PAGE): PartitionCursor {
  const last = page.results[page.results.length - 1];
  let lastId = cursor.lastId;
  if (last) {
    // Sorted ascending by id: the last result is the largest id read so far.
    if (lastId !== null && compareIds(last.id, lastId) <= 0) {
      throw new Error(`Search did not move forward (id ${last.id} after ${lastId}): HubSpot ignored the sort or filter.`);
    }
    lastId = last.id;
  }
  const done = page.results.length === 0 || page.after === null || page.results.length < limit;
  return { lastId, done };
}

/** Numeric order of HubSpot ids (strings of digits, up to 20 long). */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
