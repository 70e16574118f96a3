/**
 * ACC-9: the search that finds likely duplicates of a record, read the way
 * the engine compares them (lib/rules/duplicates.ts, Resolutions): contacts
 * with the same email; companies with the same domain (with or without
 * `www.`) or a name with the same words once punctuation and the suffixes
 * inc/llc/pllc/pc/ltd/corp are dropped; other objects by their display name.
 * The search only gathers candidates; the engine decides which are duplicates.
 */
import type { RecordData } from '../rules/snapshot';
import { OBJECT_TYPE } from '../rules/snapshot';
import { HS } from '../rules/hubspot';
import { normalizeCompanyName, normalizeDomain } from '../rules/duplicates';
import type { SearchFilter, SearchRequest } from './types';

const LIMIT = 20;
/** Five name words plus "not this record" stay inside HubSpot's six filters per group. */
const MAX_TOKENS = 5;

function nameTokens(value: string | null | undefined): string[] {
  return (normalizeCompanyName(value) ?? '').split(' ').filter((t) => t.length > 1).slice(0, MAX_TOKENS);
}

/** The search for `rec`'s duplicate candidates; null when the record has nothing to compare by. */
export function duplicateSearch(rec: RecordData, nameProperties: string[], properties: string[]): SearchRequest | null {
  const p = rec.properties;
  const notSelf: SearchFilter = { propertyName: 'hs_object_id', operator: 'NEQ', value: rec.id };
  const groups: Array<{ filters: SearchFilter[] }> = [];
  const byName = (property: string, value: string | null | undefined) => {
    const tokens = nameTokens(value);
    if (tokens.length > 0) {
      groups.push({ filters: [...tokens.map((t): SearchFilter => ({ propertyName: property, operator: 'CONTAINS_TOKEN', value: t })), notSelf] });
    }
  };
  if (rec.objectTypeId === OBJECT_TYPE.contact) {
    const email = p[HS.email]?.trim();
    if (email) groups.push({ filters: [{ propertyName: HS.email, operator: 'EQ', value: email }, notSelf] });
  } else if (rec.objectTypeId === OBJECT_TYPE.company) {
    const domain = normalizeDomain(p[HS.domain]);
    if (domain) {
      groups.push({ filters: [{ propertyName: HS.domain, operator: 'EQ', value: domain }, notSelf] });
      groups.push({ filters: [{ propertyName: HS.domain, operator: 'EQ', value: `www.${domain}` }, notSelf] });
    }
    byName(HS.companyName, p[HS.companyName]);
  } else if (nameProperties[0]) {
    byName(nameProperties[0], p[nameProperties[0]]);
  }
  return groups.length > 0 ? { filterGroups: groups, properties, limit: LIMIT } : null;
}
