/**
 * Association type ids for the engagements the extension creates (calls and
 * notes) and which records a note goes on.
 *
 * HubSpot-defined ids for the standard objects are fixed (HUBSPOT-API.md);
 * for custom objects the portal is asked once
 * (`/crm/v4/associations/{from}/{to}/labels`, the unlabelled HUBSPOT_DEFINED
 * type) and the answer is remembered for the worker's life.
 */
import type { HubSpotClient } from '../hubspot/client';
import { AppErrorException, appError } from '../messages/errors';
import { resolveObjects } from '../playbook/resolve';
import type { Playbook } from '../playbook/types';
import { OBJECT_TYPE, recordKey, type RecordRef, type Snapshot } from '../rules/snapshot';
import type { WriteAssociation } from './db';

const STANDARD: Record<string, Record<string, number>> = {
  [OBJECT_TYPE.call]: { [OBJECT_TYPE.contact]: 194, [OBJECT_TYPE.company]: 182, [OBJECT_TYPE.deal]: 206, [OBJECT_TYPE.ticket]: 220 },
  [OBJECT_TYPE.note]: { [OBJECT_TYPE.contact]: 202, [OBJECT_TYPE.company]: 190, [OBJECT_TYPE.deal]: 214, [OBJECT_TYPE.ticket]: 228 },
};

export class AssociationTypes {
  private readonly learnt = new Map<string, Promise<{ category: WriteAssociation['category']; typeId: number }>>();

  /** The association from an engagement (`0-48` call, `0-46` note) to `to`. */
  async forEngagement(client: HubSpotClient, fromType: string, to: RecordRef): Promise<WriteAssociation> {
    const fixed = STANDARD[fromType]?.[to.objectTypeId];
    if (fixed !== undefined) return { to, category: 'HUBSPOT_DEFINED', typeId: fixed };
    const key = `${fromType}>${to.objectTypeId}`;
    let known = this.learnt.get(key);
    if (!known) {
      known = client.associationLabels(fromType, to.objectTypeId).then((types) => {
        const pick = types.find((t) => t.category === 'HUBSPOT_DEFINED' && !t.label) ?? types.find((t) => t.category === 'HUBSPOT_DEFINED') ?? types[0];
        if (!pick) {
          throw new AppErrorException(appError('validation', `HubSpot defines no association from ${fromType} to ${to.objectTypeId}.`));
        }
        return { category: pick.category, typeId: pick.typeId };
      });
      known.catch(() => this.learnt.delete(key));
      this.learnt.set(key, known);
    }
    return { to, ...(await known) };
  }
}

/**
 * The records behind playbook object aliases, seen from the focus record:
 * the focus itself when the alias is its object, else the associated record
 * of that object in the snapshot — the primary one (playbook
 * `associations.primary`) when marked, else the first.
 */
export function recordsForAliases(snapshot: Snapshot, playbook: Playbook, aliases: string[]): RecordRef[] {
  const ids = resolveObjects(playbook, snapshot.portal);
  const focusKey = recordKey(snapshot.focus);
  const focusAlias = Object.keys(ids).find((a) => ids[a] === snapshot.focus.objectTypeId) ?? null;
  const out: RecordRef[] = [];
  for (const alias of aliases) {
    const typeId = ids[alias];
    if (!typeId) continue;
    if (typeId === snapshot.focus.objectTypeId) {
      out.push(snapshot.focus);
      continue;
    }
    const edges = snapshot.associations.filter((e) => e.from === focusKey && e.to.startsWith(`${typeId}/`));
    const primaryIds = playbook.associations.primary.filter((p) => p.from === focusAlias && p.to === alias).map((p) => p.typeId);
    const primary = edges.find((e) => e.types.some((t) => primaryIds.includes(t.typeId))) ?? edges[0];
    if (!primary) continue;
    const slash = primary.to.lastIndexOf('/');
    out.push({ objectTypeId: primary.to.slice(0, slash), id: primary.to.slice(slash + 1) });
  }
  return out;
}
