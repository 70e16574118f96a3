import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { advance, compareIds, pageRequest, SEARCH_CAP, SEARCH_PAGE, type PartitionCursor } from '../../../lib/admin/scan-partition';
import type { HubSpotObject } from '../../../lib/hubspot/types';

const deals = { objectTypeId: '0-3', pipelineIds: null };
const obj = (id: string): HubSpotObject => ({ id, properties: { hs_object_id: id } });

describe('partition planner', () => {
  test('the first page is a plain sorted query: no id filter, no `after`, limit 200', () => {
    const req = pageRequest(deals, { lastId: null, done: false }, ['dealname', 'dealstage']);
    expect(req).toEqual({ sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }], properties: ['hs_object_id', 'dealname', 'dealstage'], limit: 200 });
    expect('after' in req).toBe(false);
  });

  test('later pages filter hs_object_id GT the last id seen, with the pipeline filter in the same group', () => {
    const req = pageRequest({ objectTypeId: '0-3', pipelineIds: ['78110001', '78110002'] }, { lastId: '50000000200', done: false }, []);
    expect(req.filterGroups).toEqual([{ filters: [
      { propertyName: 'hs_object_id', operator: 'GT', value: '50000000200' },
      { propertyName: 'pipeline', operator: 'IN', values: ['78110001', '78110002'] },
    ] }]);
    expect('after' in req).toBe(false);
  });

  test('custom objects and tickets filter on hs_pipeline', () => {
    const req = pageRequest({ objectTypeId: '2-9000101', pipelineIds: ['88120001'] }, { lastId: null, done: false }, []);
    expect(req.filterGroups?.[0]?.filters[0]).toEqual({ propertyName: 'hs_pipeline', operator: 'IN', values: ['88120001'] });
  });

  test('refuses what HubSpot would refuse: a page over 200, a finished partition, an empty pipeline list', () => {
    expect(() => pageRequest(deals, { lastId: null, done: false }, [], 201)).toThrow(/1–200/);
    expect(() => pageRequest(deals, { lastId: '5', done: true }, [])).toThrow(/already read/);
    expect(() => pageRequest({ objectTypeId: '0-3', pipelineIds: [] }, { lastId: null, done: false }, [])).toThrow(/matches nothing/);
  });

  test('advance: the cursor moves to the last id; the page without paging.next is the last one (no extra empty query)', () => {
    const c1 = advance({ lastId: null, done: false }, { results: [obj('7'), obj('9')], after: '2' }, 2);
    expect(c1).toEqual({ lastId: '9', done: false });
    const c2 = advance(c1, { results: [obj('10')], after: null }, 2);
    expect(c2).toEqual({ lastId: '10', done: true });
    expect(advance(c1, { results: [], after: null })).toEqual({ lastId: '9', done: true });
  });

  test('advance refuses a page that did not move forward (a search ignoring its sort would loop forever)', () => {
    expect(() => advance({ lastId: '9', done: false }, { results: [obj('8')], after: '1' })).toThrow(/did not move forward/);
  });

  test('ids compare as numbers, not strings', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('50000000200', '50000000199')).toBeGreaterThan(0);
    expect(compareIds('42', '42')).toBe(0);
  });

  test('property: reading any number of records (far past 10,000) page by page never asks for an offset, and sees each id once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30_000 }), fc.integer({ min: 20, max: SEARCH_PAGE }), (count, limit) => {
        // A model of HubSpot's search: sorted ids, GT filter, `after` only when more results exist.
        const ids = Array.from({ length: count }, (_, i) => String(1_000_000 + i * 3));
        let cursor: PartitionCursor = { lastId: null, done: false };
        let seen = 0;
        let queries = 0;
        while (!cursor.done) {
          const req = pageRequest(deals, cursor, [], limit);
          if ('after' in req) return false;
          const gt = req.filterGroups?.[0]?.filters.find((f) => f.operator === 'GT')?.value;
          let from = 0;
          if (gt !== undefined) {
            let hi = ids.length;
            while (from < hi) {
              const mid = (from + hi) >> 1;
              if (compareIds(ids[mid]!, gt) > 0) hi = mid;
              else from = mid + 1;
            }
          }
          const matching = ids.length - from;
          const results = ids.slice(from, from + limit).map(obj);
          // Every query starts at offset 0, far below the cap.
          if (results.length > SEARCH_CAP) return false;
          cursor = advance(cursor, { results, after: matching > limit ? String(limit) : null }, limit);
          seen += results.length;
          queries++;
        }
        return seen === count && queries === Math.max(1, Math.ceil(count / limit));
      }),
      { numRuns: 60 },
    );
  });
});
