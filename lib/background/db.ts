/**
 * The background's IndexedDB database, in the extension's own origin (content
 * scripts run in the page's origin and cannot open it; that is why the token
 * lives here too, see lib/storage/token.ts).
 *
 * The schema is versioned and every version has an explicit upgrade step, run
 * in order from the version found on disk (a browser that skipped releases
 * runs every step it missed):
 *   v1  snapshots (one record view: snapshot + evaluation) and portalMeta
 *   v2  LRU bookkeeping (`lru` store) and the `byMember` index on snapshots
 *       (which views include a record, for invalidation after writes);
 *       existing v1 snapshots are migrated (members, size, last access)
 *   v3  the write outbox and a small key/value store (token, limiter state)
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { AppError } from '../messages/errors';
import type { Evaluation } from '../rules/result';
import type { PortalMeta, RecordRef, Snapshot } from '../rules/snapshot';
import type { WriteKind } from '../messages/schemas';

export const DB_NAME = 'sop-sidebar';
export const DB_VERSION = 3;

/** The snapshot without its portal metadata (stored once per portal in `portalMeta`). */
export type StoredSnapshot = Omit<Snapshot, 'portal'>;

export interface SnapshotEntry {
  portalId: number;
  objectTypeId: string;
  id: string;
  snapshot: StoredSnapshot;
  /** The evaluation of `snapshot` under the playbook identified by `playbookKey`. */
  evaluation: Evaluation | null;
  playbookKey: string | null;
  /** Epoch ms the snapshot was loaded from HubSpot. */
  loadedAt: number;
  /** `${portalId}|${recordKey}` of every record in the snapshot (v2). */
  members: string[];
  /** Epoch ms a write to a member invalidated this view (never served as fresh again). */
  invalidatedAt: number | null;
}

export interface LruEntry {
  /** `${portalId}|${objectTypeId}/${id}`. */
  key: string;
  accessedAt: number;
  /** Approximate stored size (UTF-16 code units of the JSON). */
  bytes: number;
}

export interface PortalMetaEntry {
  portalId: number;
  meta: PortalMeta;
  fetchedAt: number;
}

export interface WriteAssociation {
  to: RecordRef;
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
  typeId: number;
}

export type WriteOp =
  | { kind: 'property.update'; target: RecordRef; properties: Record<string, string> }
  | { kind: 'call.create'; properties: Record<string, string>; associations: WriteAssociation[] }
  | { kind: 'note.create'; properties: Record<string, string>; associations: WriteAssociation[] }
  | { kind: 'association.create'; from: RecordRef; to: RecordRef; types: Array<Omit<WriteAssociation, 'to'>> };

export interface OutboxRecord {
  /** Also the idempotency marker of creates (lowercase hex). */
  id: string;
  portalId: number;
  kind: WriteKind;
  op: WriteOp;
  label: string;
  /** The record on screen when the write was made. */
  record: RecordRef | null;
  /** Records whose cached views the write changes. */
  affects: RecordRef[];
  status: 'pending' | 'sending' | 'failed';
  attempts: number;
  createdAt: number;
  nextAttemptAt: number | null;
  error: AppError | null;
  /** A previous attempt may have reached HubSpot (lost response): look before re-creating. */
  outcomeUnknown: boolean;
}

export interface AppDbSchema extends DBSchema {
  snapshots: { key: [number, string, string]; value: SnapshotEntry; indexes: { byMember: string } };
  portalMeta: { key: number; value: PortalMetaEntry };
  lru: { key: string; value: LruEntry; indexes: { byAccess: number } };
  outbox: { key: string; value: OutboxRecord; indexes: { byPortal: number } };
  kv: { key: string; value: unknown };
}

export type AppDb = IDBPDatabase<AppDbSchema>;
type UpgradeTx = IDBPTransaction<AppDbSchema, StoreNames<AppDbSchema>[], 'versionchange'>;

export function memberKey(portalId: number, ref: RecordRef): string {
  return `${portalId}|${ref.objectTypeId}/${ref.id}`;
}

export function approxBytes(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}

/** v1: what the first release stored. Kept verbatim: a v1 database on disk was made by exactly this. */
function upgradeToV1(db: AppDb): void {
  db.createObjectStore('snapshots', { keyPath: ['portalId', 'objectTypeId', 'id'] });
  db.createObjectStore('portalMeta', { keyPath: 'portalId' });
}

/** v2: LRU bookkeeping and the member index; migrates every v1 snapshot. */
async function upgradeToV2(db: AppDb, tx: UpgradeTx): Promise<void> {
  const snapshots = tx.objectStore('snapshots');
  snapshots.createIndex('byMember', 'members', { multiEntry: true });
  const lru = db.createObjectStore('lru', { keyPath: 'key' });
  lru.createIndex('byAccess', 'accessedAt');
  let cursor = await snapshots.openCursor();
  while (cursor) {
    // v1 entries: { portalId, objectTypeId, id, snapshot, evaluation, loadedAt }.
    const old = cursor.value as Partial<SnapshotEntry> & Pick<SnapshotEntry, 'portalId' | 'objectTypeId' | 'id' | 'snapshot'>;
    const members = Object.keys(old.snapshot.records ?? {}).map((k) => `${old.portalId}|${k}`);
    const entry: SnapshotEntry = {
      portalId: old.portalId,
      objectTypeId: old.objectTypeId,
      id: old.id,
      snapshot: old.snapshot,
      evaluation: old.evaluation ?? null,
      playbookKey: old.playbookKey ?? null,
      loadedAt: typeof old.loadedAt === 'number' ? old.loadedAt : Date.parse(old.snapshot.loadedAt) || 0,
      members,
      invalidatedAt: null,
    };
    await cursor.update(entry);
    await lru.put({ key: memberKey(entry.portalId, entry), accessedAt: entry.loadedAt, bytes: approxBytes(entry) });
    cursor = await cursor.continue();
  }
}

function upgradeToV3(db: AppDb): void {
  const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
  outbox.createIndex('byPortal', 'portalId');
  db.createObjectStore('kv');
}

export interface OpenOptions {
  name?: string;
  /** Test hook: open at an older version (upgrade tests). */
  version?: number;
}

export async function openAppDb(options: OpenOptions = {}): Promise<AppDb> {
  const version = options.version ?? DB_VERSION;
  let migration: Promise<void> = Promise.resolve();
  const db = await openDB<AppDbSchema>(options.name ?? DB_NAME, version, {
    upgrade(database, oldVersion, _newVersion, tx) {
      // Steps must be started synchronously inside upgradeneeded; async ones
      // are chained on the same versionchange transaction.
      if (oldVersion < 1) upgradeToV1(database);
      if (oldVersion < 2 && version >= 2) migration = upgradeToV2(database, tx);
      if (oldVersion < 3 && version >= 3) upgradeToV3(database);
    },
    blocking() {
      // A newer version (extension update) wants the database: let it.
      db.close();
    },
  });
  await migration;
  return db;
}
