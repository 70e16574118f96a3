/**
 * What the HubSpot client returns: HubSpot's data in the project's own plain
 * shapes (ISO strings, no class instances), so results can be cached and sent
 * over extension messages as they are. Metadata shapes are the snapshot's
 * (lib/rules/snapshot.ts).
 */
import type { AssociationType, PropertyHistoryEntry } from '../rules/snapshot';

export interface HubSpotObject {
  id: string;
  properties: Record<string, string | null>;
  /** propertiesWithHistory for the properties asked for, newest first. */
  history?: Record<string, PropertyHistoryEntry[]>;
  createdAt?: string;
  updatedAt?: string;
  archived?: boolean;
  /**
   * v3 inline associations (`?associations=notes,calls`), by the name HubSpot
   * keys them with. `complete` is false when HubSpot paged the list.
   */
  associations?: Record<string, InlineAssociations>;
}

export interface InlineAssociations {
  ids: string[];
  complete: boolean;
}

export interface BatchReadResult {
  results: HubSpotObject[];
  /** Ids HubSpot reported as not found (207 OBJECT_NOT_FOUND). */
  missing: string[];
}

export type SearchOperator =
  | 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE' | 'BETWEEN' | 'IN' | 'NOT_IN'
  | 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY' | 'CONTAINS_TOKEN' | 'NOT_CONTAINS_TOKEN';

export interface SearchFilter {
  propertyName: string;
  operator: SearchOperator;
  value?: string;
  values?: string[];
  highValue?: string;
}

export interface SearchSort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

/** POST /crm/v3/objects/{type}/search body (HUBSPOT-API.md). */
export interface SearchRequest {
  filterGroups?: Array<{ filters: SearchFilter[] }>;
  sorts?: Array<SearchSort | string>;
  properties?: string[];
  /** ≤ 200. */
  limit?: number;
  after?: string;
  query?: string;
}

export interface SearchPage {
  total: number;
  results: HubSpotObject[];
  /** Cursor of the next page; null on the last page. */
  after: string | null;
}

/** One associated record, as the v4 API reports it. */
export interface AssociationTarget {
  toObjectId: string;
  types: AssociationType[];
}

export interface AssociationSpecInput {
  associationCategory: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
  associationTypeId: number;
}

export interface CreateObjectInput {
  properties: Record<string, string>;
  associations?: Array<{ to: { id: string }; types: AssociationSpecInput[] }>;
}

export interface AccountDetails {
  portalId: number;
  timeZone: string;
  companyCurrency?: string;
  dataHostingLocation?: string;
  uiDomain?: string;
}
