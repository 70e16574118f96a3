/**
 * Which HubSpot record a page URL shows. Pure: the content script calls it on
 * every navigation; anything that is not a record page (lists, settings,
 * reports, another host) yields null and the sidebar stays away.
 */
import { OBJECT_TYPE, type RecordRef } from '../rules/snapshot';

export interface RecordTarget {
  portalId: number;
  ref: RecordRef;
}

/** The hosts the manifest matches; the parser refuses any other host. */
export const HUBSPOT_APP_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com'] as const;

/** Legacy `/contacts/{portalId}/{deal|contact|company|ticket}/{id}` URLs → standard object type ids. */
const LEGACY_TYPES: Record<string, string> = {
  contact: OBJECT_TYPE.contact,
  company: OBJECT_TYPE.company,
  deal: OBJECT_TYPE.deal,
  ticket: OBJECT_TYPE.ticket,
};

const DIGITS = /^[1-9]\d{0,19}$/;
const OBJECT_TYPE_ID = /^\d{1,3}-\d{1,12}$/;

export function parseRecordUrl(input: string | URL): RecordTarget | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || !(HUBSPOT_APP_HOSTS as readonly string[]).includes(url.hostname)) return null;
  const parts = url.pathname.split('/').filter((p) => p !== '');
  if (parts[0] !== 'contacts' || !parts[1] || !DIGITS.test(parts[1])) return null;
  const portalId = Number(parts[1]);
  if (!Number.isSafeInteger(portalId)) return null;

  let objectTypeId: string | undefined;
  let id: string | undefined;
  if (parts[2] === 'record') {
    objectTypeId = parts[3];
    id = parts[4];
    if (!objectTypeId || !OBJECT_TYPE_ID.test(objectTypeId)) return null;
  } else if (parts[2] && parts[2] in LEGACY_TYPES) {
    objectTypeId = LEGACY_TYPES[parts[2]];
    id = parts[3];
  }
  // Trailing segments (tabs, view ids) stay on the same record.
  if (!objectTypeId || !id || !DIGITS.test(id)) return null;
  return { portalId, ref: { objectTypeId, id } };
}

/** Stable identity of a target: a switch to another record changes it. */
export function targetKey(target: RecordTarget | null): string | null {
  return target ? `${target.portalId}:${target.ref.objectTypeId}/${target.ref.id}` : null;
}
