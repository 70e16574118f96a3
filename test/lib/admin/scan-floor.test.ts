import { describe, expect, test } from 'vitest';
import { pageFloor, searchFloor } from '../../../lib/admin/scan-floor';
import { floorOf } from '../../../lib/admin/scan-state';
import type { Engagement } from '../../../lib/rules/snapshot';

const note = (id: string): Engagement => ({ type: 'note', id, timestamp: '2025-01-01T00:00:00Z', properties: {}, attachmentIds: [] });

describe('request floor', () => {
  test('search pages: ⌈records / 200⌉, and one query to learn an object is empty', () => {
    expect(searchFloor(0)).toBe(1);
    expect(searchFloor(200)).toBe(1);
    expect(searchFloor(201)).toBe(2);
    expect(searchFloor(50_000)).toBe(250);
  });

  test('a page: history ⌈n/50⌉, lists ⌈n/1000⌉ per type pair, reads ⌈n/100⌉ per type, engagements per type, one per file', () => {
    const focusKeys = new Set(Array.from({ length: 200 }, (_, i) => `0-3/${i + 1}`));
    const lists = [
      ...[...focusKeys].map((k) => `${k}>0-1`),
      ...[...focusKeys].map((k) => `${k}>0-2`),
      ...[...focusKeys].slice(0, 120).map((k) => `${k}>0-46`),
    ];
    const contacts = Array.from({ length: 250 }, (_, i) => `0-1/${i + 1}`);
    const companies = Array.from({ length: 101 }, (_, i) => `0-2/${i + 1}`);
    const floor = pageFloor({
      focusType: '0-3',
      focusKeys,
      historyRecords: 183,
      loadedLists: lists,
      records: [...focusKeys, ...contacts, ...companies],
      missing: ['0-1/999'],
      historyTypes: new Set(),
      engagements: { '0-3/1': [note('1'), note('2')], '0-3/2': [note('2'), note('3')] },
      fileRequests: 2,
    });
    // history 4 + lists 3 + contacts ⌈251/100⌉ 3 + companies 2 + notes 1 + files 2
    expect(floor).toBe(4 + 3 + 3 + 2 + 1 + 2);
  });

  test('records read with history count in batches of 50', () => {
    const floor = pageFloor({
      focusType: '0-2', focusKeys: new Set(['0-2/1']), historyRecords: 0, loadedLists: ['0-2/1>0-3'],
      records: ['0-2/1', ...Array.from({ length: 60 }, (_, i) => `0-3/${i}`)], missing: [], historyTypes: new Set(['0-3']), engagements: {}, fileRequests: 0,
    });
    expect(floor).toBe(1 + 2);
  });

  test('the scan floor adds the search pages of every object to the pages’ parts', () => {
    const partitions = [
      { alias: 'deal', cursor: { lastId: '9', done: true }, processed: 12_000, total: 12_000 },
      { alias: 'contact', cursor: { lastId: null, done: true }, processed: 0, total: 0 },
    ];
    expect(floorOf({ partitions, floorExtra: 1_140 })).toBe(60 + 1 + 1_140);
  });
});
