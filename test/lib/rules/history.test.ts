/**
 * Stage history as the engine reads it (SALES-SQL-1, SALES-ENG-4, CH-7), and
 * `latestEntry` as lib/hubspot's engagement probes call it (entry lists).
 */
import { describe, expect, it } from 'vitest';
import { latestEntry } from '../../../lib/rules/history';

describe('latestEntry', () => {
  it('SALES-ENG-4: the latest entry into a stage, from entry lists oldest first', () => {
    const entries = [
      { stageId: 'sql', at: 1 },
      { stageId: 'engaged', at: 2 },
      { stageId: 'engaged', at: 3 },
      { stageId: 'sql', at: 4 },
      { stageId: 'engaged', at: 5 },
    ];
    expect(latestEntry(entries, 'engaged')).toBe(5);
    expect(latestEntry(entries.slice(0, 3), 'engaged')).toBe(2);
    expect(latestEntry(entries, 'proposal')).toBeNull();
    expect(latestEntry(null, 'engaged')).toBeNull();
  });

  it("the same from the engine's parallel arrays", () => {
    expect(latestEntry({ ids: ['sql', 'engaged', 'sql', 'engaged'], at: [1, 2, 3, 4] }, 'engaged')).toBe(4);
  });
});
