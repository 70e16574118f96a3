/**
 * Where scans live between pages: an IndexedDB database of their own
 * (`sop-sidebar-scan`), apart from the view cache, so evicting or clearing
 * cached views never touches a scan and a scan's thousands of rows never
 * count against the cache's budget.
 *
 *   scans  ScanRecord by scanId (state, cursors, counts)
 *   rows   result rows by [scanId, seq] (seq = insertion order)
 *   dupes  records kept for the end-of-scan duplicate check, by [scanId, recordKey]
 *   meta   `current` (the running or paused scan) and `last` (the last finished one)
 *
 * A page's rows and the scan's new state are written in one transaction: a
 * worker stopped mid-write leaves the previous page's state, never rows
 * without the cursor that produced them.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DuplicateEntry } from './scan-duplicates';
import type { ScanRow } from './scan-rows';
import type { ScanRecord } from './scan-state';

export const SCAN_DB_NAME = 'sop-sidebar-scan';
export const SCAN_DB_VERSION = 1;

interface StoredRow {
  scanId: string;
  seq: number;
  row: ScanRow;
}

interface ScanDbSchema extends DBSchema {
  scans: { key: string; value: ScanRecord };
  rows: { key: [string, number]; value: StoredRow };
  dupes: { key: [string, string]; value: DuplicateEntry };
  meta: { key: string; value: string };
}

type ScanDb = IDBPDatabase<ScanDbSchema>;

export class ScanStore {
  private dbPromise: Promise<ScanDb> | null = null;

  constructor(private readonly name = SCAN_DB_NAME) {}

  private db(): Promise<ScanDb> {
    const release = () => {
      // A newer version (extension update) wants the database: close ours, reopen on next use.
      const open = this.dbPromise;
      this.dbPromise = null;
      void open?.then((db) => db.close());
    };
    this.dbPromise ??= openDB<ScanDbSchema>(this.name, SCAN_DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          db.createObjectStore('scans', { keyPath: 'scanId' });
          db.createObjectStore('rows', { keyPath: ['scanId', 'seq'] });
          db.createObjectStore('dupes', { keyPath: ['scanId', 'key'] });
          db.createObjectStore('meta');
        }
      },
      blocking: release,
    });
    return this.dbPromise;
  }

  async close(): Promise<void> {
    if (!this.dbPromise) return;
    const db = await this.dbPromise;
    db.close();
    this.dbPromise = null;
  }

  async get(scanId: string): Promise<ScanRecord | null> {
    return (await (await this.db()).get('scans', scanId)) ?? null;
  }

  async put(record: ScanRecord): Promise<void> {
    await (await this.db()).put('scans', record);
  }

  async pointer(name: 'current' | 'last'): Promise<string | null> {
    return (await (await this.db()).get('meta', name)) ?? null;
  }

  async setPointer(name: 'current' | 'last', scanId: string | null): Promise<void> {
    const db = await this.db();
    if (scanId === null) await db.delete('meta', name);
    else await db.put('meta', scanId, name);
  }

  /**
   * Saves a page: its rows (numbered after `record.rows - rows.length`), its
   * duplicate-check entries and the new state, atomically. Refused (false)
   * when the stored scan is no longer running (cancelled meanwhile).
   */
  async commitPage(record: ScanRecord, rows: readonly ScanRow[], dupes: readonly DuplicateEntry[]): Promise<boolean> {
    const db = await this.db();
    const tx = db.transaction(['scans', 'rows', 'dupes'], 'readwrite');
    const stored = await tx.objectStore('scans').get(record.scanId);
    if (!stored || stored.state !== 'running') {
      tx.abort();
      await tx.done.catch(() => undefined);
      return false;
    }
    const first = record.rows - rows.length;
    const rowStore = tx.objectStore('rows');
    rows.forEach((row, i) => void rowStore.put({ scanId: record.scanId, seq: first + i, row }));
    const dupeStore = tx.objectStore('dupes');
    for (const d of dupes) void dupeStore.put(d);
    void tx.objectStore('scans').put(record);
    await tx.done;
    return true;
  }

  async rows(scanId: string, offset: number, limit: number): Promise<ScanRow[]> {
    const db = await this.db();
    const range = IDBKeyRange.bound([scanId, offset], [scanId, offset + limit - 1]);
    return (await db.getAll('rows', range)).map((r) => r.row);
  }

  async dupes(scanId: string): Promise<DuplicateEntry[]> {
    const db = await this.db();
    return db.getAll('dupes', IDBKeyRange.bound([scanId, ''], [scanId, '\uffff']));
  }

  /** Deletes a scan with its rows and duplicate entries. */
  async delete(scanId: string): Promise<void> {
    const db = await this.db();
    const tx = db.transaction(['scans', 'rows', 'dupes'], 'readwrite');
    void tx.objectStore('rows').delete(IDBKeyRange.bound([scanId, 0], [scanId, Number.MAX_SAFE_INTEGER]));
    void tx.objectStore('dupes').delete(IDBKeyRange.bound([scanId, ''], [scanId, '\uffff']));
    void tx.objectStore('scans').delete(scanId);
    await tx.done;
  }

  /** Drops duplicate entries once the check is done (rows stay). */
  async clearDupes(scanId: string): Promise<void> {
    const db = await this.db();
    await db.delete('dupes', IDBKeyRange.bound([scanId, ''], [scanId, '\uffff']));
  }

  async scanIds(): Promise<string[]> {
    return (await this.db()).getAllKeys('scans');
  }
}
