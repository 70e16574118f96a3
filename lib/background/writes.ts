/**
 * The sidebar's writes: fixes (property.update), the guided call log
 * (call.log, CH-2/CH-3), the #S&OP note (sopNote.create, SOP-2) and cadence
 * moves (cadence.apply, CH-4…CH-8). Each is checked against the record's
 * snapshot and the portal's property definitions (a clear error, nothing
 * stored), then goes through the outbox: stored first, sent, retried.
 * When HubSpot has it, the cached views that include the written records are
 * invalidated, reloaded and pushed to the tabs showing them.
 */
import { AppErrorException, appError, type FieldError } from '../messages/errors';
import type { RequestOf } from '../messages/protocol';
import type { WriteResult } from '../messages/schemas';
import { OBJECT_TYPE, recordKey, type PropertyDef, type RecordRef, type Snapshot } from '../rules/snapshot';
import { AssociationTypes, recordsForAliases } from './associations';
import type { OutboxRecord, WriteOp } from './db';
import type { Engine } from './engine';
import type { AttemptResult, Outbox } from './outbox';
import { toWireEntry } from './outbox';
import type { PlaybookService } from './playbooks';
import type { TokenService } from './tokens';
import type { ViewService } from './views';

export interface WriteServiceOptions {
  outbox: Outbox;
  views: ViewService;
  tokens: TokenService;
  playbooks: PlaybookService;
  engine: Engine;
  now: () => number;
}

const sameRef = (a: RecordRef, b: RecordRef) => a.objectTypeId === b.objectTypeId && a.id === b.id;

function invalid(message: string, details: FieldError[] = []): AppErrorException {
  return new AppErrorException(appError('validation', message, details.length ? { details } : {}));
}

/** The records a write from this view may touch: the record and what its snapshot loaded. */
function checkTargets(snapshot: Snapshot, ref: RecordRef, targets: RecordRef[]): void {
  for (const t of targets) {
    if (sameRef(t, ref) || snapshot.records[recordKey(t)]) continue;
    throw invalid(`Record ${recordKey(t)} is not part of this view; reload the record and try again.`);
  }
}

/** The property's definition, refusing unknown, calculated or out-of-list values. */
function checkValue(snapshot: Snapshot, target: RecordRef, property: string, value: string): PropertyDef | null {
  const defs = snapshot.portal.properties[target.objectTypeId];
  if (!defs) return null; // metadata not loaded for this object: HubSpot validates
  const def = defs.find((d) => d.name === property);
  if (!def) throw invalid(`HubSpot has no property "${property}" on ${target.objectTypeId} records.`, [{ path: property, message: 'unknown property' }]);
  if (def.calculated) throw invalid(`${def.label} is calculated by HubSpot and cannot be set.`, [{ path: property, message: 'read-only' }]);
  if (def.type === 'enumeration' && value !== '' && def.options.length > 0) {
    const parts = def.fieldType === 'checkbox' ? value.split(';') : [value];
    const bad = parts.filter((p) => !def.options.some((o) => o.value === p));
    if (bad.length > 0) {
      const allowed = def.options.filter((o) => !o.hidden).map((o) => o.label).join(', ');
      throw invalid(`"${bad.join(';')}" is not an option of ${def.label} (${allowed}).`, [{ path: property, message: 'not an option' }]);
    }
  }
  return def;
}

function describe(def: PropertyDef | null, property: string, value: string): string {
  const label = def?.label ?? property;
  if (value === '') return `Clear ${label}`;
  const shown = def?.options.length ? value.split(';').map((v) => def.options.find((o) => o.value === v)?.label ?? v).join(', ') : value;
  return `Set ${label} to ${shown}`;
}

export class WriteService {
  private readonly associationTypes = new AssociationTypes();

  constructor(private readonly o: WriteServiceOptions) {}

  async propertyUpdate(req: RequestOf<'property.update'>): Promise<WriteResult> {
    const { snapshot } = await this.o.views.current(req.portalId, req.ref);
    const targets = req.targets ?? [req.ref];
    checkTargets(snapshot, req.ref, targets);
    const ops = targets.map((target) => {
      const def = checkValue(snapshot, target, req.property, req.value);
      return { target, label: req.label ?? describe(def, req.property, req.value), properties: { [req.property]: req.value } };
    });
    return this.submitAll(
      req.portalId,
      req.ref,
      ops.map((o) => ({ op: { kind: 'property.update', target: o.target, properties: o.properties }, label: o.label })),
    );
  }

  async cadenceApply(req: RequestOf<'cadence.apply'>): Promise<WriteResult> {
    const { snapshot } = await this.o.views.current(req.portalId, req.ref);
    // One PATCH per record: stage, last check-in and next contact date move together.
    const byTarget = new Map<string, { target: RecordRef; properties: Record<string, string>; labels: string[] }>();
    for (const u of req.updates) {
      const target = u.target ?? req.ref;
      checkTargets(snapshot, req.ref, [target]);
      const def = checkValue(snapshot, target, u.property, u.value);
      const group = byTarget.get(recordKey(target)) ?? { target, properties: {}, labels: [] };
      group.properties[u.property] = u.value;
      group.labels.push(u.label ?? describe(def, u.property, u.value));
      byTarget.set(recordKey(target), group);
    }
    return this.submitAll(
      req.portalId,
      req.ref,
      [...byTarget.values()].map((g) => ({ op: { kind: 'property.update', target: g.target, properties: g.properties }, label: g.labels.join('; ') })),
    );
  }

  async callLog(req: RequestOf<'call.log'>): Promise<WriteResult> {
    const { snapshot } = await this.o.views.current(req.portalId, req.ref);
    const { playbook } = await this.o.playbooks.active();
    const spec = this.o.engine.callLogSpec(snapshot, playbook);
    if (!spec) throw invalid('This record has no guided call log in the playbook.');
    const now = this.o.now();
    const properties: Record<string, string> = { ...req.properties };
    if (!properties.hs_timestamp) properties.hs_timestamp = new Date(now).toISOString();
    // A wall-clock time without a zone (a datetime-local input) would be read as UTC by HubSpot.
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(properties.hs_timestamp)) {
      throw invalid('The call time has no time zone: send an ISO datetime with Z or an offset (new Date(local).toISOString()).', [
        { path: 'hs_timestamp', message: 'time zone missing' },
      ]);
    }
    const errors = this.o.engine.validateCallLog(properties, spec);
    if (errors.length > 0) {
      throw invalid(errors.map((e) => e.message).join(' '), errors.map((e) => ({ path: e.field, message: e.message })));
    }
    const associateWith = req.associateWith ?? spec.associateWith;
    checkTargets(snapshot, req.ref, associateWith);
    const token = await this.o.tokens.require(req.portalId);
    const client = this.o.tokens.client(token, 'interactive');
    const associations = await Promise.all(associateWith.map((to) => this.associationTypes.forEngagement(client, OBJECT_TYPE.call, to)));
    const outcome = spec.outcomes.find((o) => o.id === properties.hs_call_disposition)?.label;
    const cadence = this.o.engine.cadenceAfterCall(snapshot, playbook, properties, new Date(now));
    const result = await this.submitAll(req.portalId, req.ref, [
      { op: { kind: 'call.create', properties, associations }, label: outcome ? `Log call (${outcome})` : 'Log call' },
    ]);
    return {
      ...result,
      cadence: {
        moves: cadence.moves,
        stage: cadence.stage,
        updates: Object.entries(cadence.updates).map(([property, value]) => ({ property, value })),
        steps: cadence.steps,
      },
    };
  }

  async sopNote(req: RequestOf<'sopNote.create'>): Promise<WriteResult> {
    const { snapshot, evaluation } = await this.o.views.current(req.portalId, req.ref);
    const { playbook } = await this.o.playbooks.active();
    if (!playbook.sopNote) throw invalid('The playbook defines no S&OP note.');
    const note = this.o.engine.buildSopNote(snapshot, playbook, evaluation);
    if (note.rows.length === 0) throw invalid('This record has no S&OP checklist.');
    if (note.missing.length > 0 && !req.confirmGaps) {
      throw invalid(
        `${note.missing.length} checklist item(s) are not known yet: ${note.missing.map((r) => r.label).join(', ')}. Fill them in, or confirm to write the note with gaps.`,
        note.missing.map((r) => ({ path: `${r.object}.${r.property}`, message: `${r.label} is not known` })),
      );
    }
    const targets = recordsForAliases(snapshot, playbook, playbook.sopNote.associateWith);
    if (!targets.some((t) => sameRef(t, req.ref))) targets.unshift(req.ref);
    const token = await this.o.tokens.require(req.portalId);
    const client = this.o.tokens.client(token, 'interactive');
    const associations = await Promise.all(targets.map((to) => this.associationTypes.forEngagement(client, OBJECT_TYPE.note, to)));
    const properties = { hs_note_body: note.html, hs_timestamp: new Date(this.o.now()).toISOString() };
    return this.submitAll(req.portalId, req.ref, [{ op: { kind: 'note.create', properties, associations }, label: `Write the ${playbook.sopNote.tag} note` }]);
  }

  /** HubSpot has a write: invalidate the views that include its records, reload and push the ones on screen. */
  async applied(entry: OutboxRecord): Promise<void> {
    const refs = entry.record ? [entry.record, ...entry.affects] : entry.affects;
    await this.o.views.invalidateAndRefresh(entry.portalId, refs);
  }

  private async submitAll(portalId: number, ref: RecordRef, writes: Array<{ op: WriteOp; label: string }>): Promise<WriteResult> {
    await this.o.tokens.require(portalId);
    const results: AttemptResult[] = [];
    // In order: writes to the same record keep their sequence.
    for (const w of writes) results.push(await this.o.outbox.submit({ portalId, op: w.op, label: w.label, record: ref }));
    const failed = results.find((r) => r.entry?.status === 'failed');
    if (failed?.error) throw new AppErrorException({ ...failed.error, outboxId: failed.id });
    return {
      sent: results.every((r) => r.sent),
      entries: results.flatMap((r) => (r.entry ? [toWireEntry(r.entry)] : [])),
      createdIds: results.flatMap((r) => (r.sent && r.objectId && (writes[results.indexOf(r)]?.op.kind ?? '').endsWith('.create') ? [r.objectId] : [])),
    };
  }
}
