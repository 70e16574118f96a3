/**
 * The outbox's writes, sent with the HubSpot client (through the limiter).
 *
 * Finding an applied create (lost response): first among the engagements
 * associated with the record the create was associated with — association
 * lists are consistent right after the create — then with search
 * (CONTAINS_TOKEN on the operation id; search lags writes by seconds, which
 * is why the outbox waits before looking). A match is the marker
 * `<!-- sop-sidebar:op=<id> -->` in the body; should HubSpot ever strip HTML
 * comments from bodies, the fallback fingerprint is the exact `hs_timestamp`
 * plus the same body text without the marker.
 */
import type { HubSpotClient } from '../hubspot/client';
import { OBJECT_TYPE } from '../rules/snapshot';
import type { WriteOp } from './db';
import { BODY_PROPERTY, opMarker, type WriteTransport } from './outbox';

const ENGAGEMENT_TYPE = { 'call.create': OBJECT_TYPE.call, 'note.create': OBJECT_TYPE.note } as const;

/** Body text for comparison: tags, comments and whitespace dropped. */
function bodyText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function sameInstant(a: string | null | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const ta = /^\d+$/.test(a) ? Number(a) : Date.parse(a);
  const tb = /^\d+$/.test(b) ? Number(b) : Date.parse(b);
  return Number.isFinite(ta) && ta === tb;
}

export function createWriteTransport(client: HubSpotClient): WriteTransport {
  return {
    async send(op: WriteOp): Promise<string | null> {
      switch (op.kind) {
        case 'property.update':
          return (await client.updateObject(op.target.objectTypeId, op.target.id, op.properties)).id;
        case 'call.create':
        case 'note.create': {
          const created = await client.createObject(ENGAGEMENT_TYPE[op.kind], {
            properties: op.properties,
            associations: op.associations.map((a) => ({
              to: { id: a.to.id },
              types: [{ associationCategory: a.category, associationTypeId: a.typeId }],
            })),
          });
          return created.id;
        }
        case 'association.create':
          await client.createAssociation(
            op.from.objectTypeId,
            op.from.id,
            op.to.objectTypeId,
            op.to.id,
            op.types.map((t) => ({ associationCategory: t.category, associationTypeId: t.typeId })),
          );
          return null;
      }
    },

    async findApplied(op: WriteOp, id: string): Promise<string | null> {
      if (op.kind !== 'call.create' && op.kind !== 'note.create') return null;
      const type = ENGAGEMENT_TYPE[op.kind];
      const bodyProp = BODY_PROPERTY[op.kind];
      const marker = opMarker(id);
      const ours = bodyText(op.properties[bodyProp] ?? '');
      const matches = (props: Record<string, string | null>): boolean => {
        const body = props[bodyProp] ?? '';
        if (body.includes(marker)) return true;
        return sameInstant(props.hs_timestamp, op.properties.hs_timestamp) && bodyText(body) === ours;
      };

      const anchor = op.associations[0];
      if (anchor) {
        const linked = await client.associations(anchor.to.objectTypeId, anchor.to.id, type);
        const ids = linked.map((l) => l.toObjectId);
        if (ids.length > 0) {
          const { results } = await client.batchRead(type, ids, { properties: [bodyProp, 'hs_timestamp'] });
          const hit = results.find((r) => matches(r.properties));
          if (hit) return hit.id;
        }
      }
      const page = await client.search(type, {
        filterGroups: [{ filters: [{ propertyName: bodyProp, operator: 'CONTAINS_TOKEN', value: id }] }],
        properties: [bodyProp, 'hs_timestamp'],
        limit: 10,
      });
      return page.results.find((r) => (r.properties[bodyProp] ?? '').includes(marker))?.id ?? null;
    },
  };
}
