/**
 * The sandbox's seed format: a whole portal as plain data. The server loads it
 * into memory on start (state resets on every start); the seed for the
 * reference portal (../shared/REFERENCE-PORTAL.md) lives in ./reference-portal.ts,
 * large generated portals come from ../generate.ts.
 */
import type { Owner, PropertyDef } from '../../lib/rules/snapshot';

export interface SeedPipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived?: boolean;
  /** metadata values are strings, as HubSpot sends them. */
  stages: Array<{ id: string; label: string; displayOrder: number; metadata: Record<string, string> }>;
}

export interface SeedObject {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived?: boolean;
  /** propertiesWithHistory, newest first (HubSpot's order). */
  history?: Record<string, Array<{ value: string; timestamp: string; sourceType: string }>>;
}

export interface SeedAssociation {
  /** Object type ids (`0-3`) or names as the v4 API accepts them; stored by type id. */
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  types: Array<{ category: 'HUBSPOT_DEFINED' | 'USER_DEFINED'; typeId: number }>;
}

export interface SeedToken {
  token: string;
  /** Granted scopes; writes need the matching `.write` scope (e.g. crm.objects.deals.write). */
  scopes: string[];
  /** Expired tokens answer 401 EXPIRED_AUTHENTICATION. */
  expired?: boolean;
}

export interface SeedData {
  account: {
    portalId: number;
    timeZone: string;
    companyCurrency: string;
    dataHostingLocation: string;
    uiDomain: string;
  };
  tokens: SeedToken[];
  owners: Array<Owner & { email: string; firstName: string; lastName: string; userId: number; teams: unknown[] }>;
  /** By objectTypeId (0-3 deals, 0-5 tickets, 2-… custom objects). */
  pipelines: Record<string, SeedPipeline[]>;
  /** By objectTypeId, including engagements (0-46 notes, 0-48 calls, 0-49 emails, 0-47 meetings). */
  properties: Record<string, PropertyDef[]>;
  schemas: Array<{ objectTypeId: string; name: string; labels: { singular: string; plural: string }; primaryDisplayProperty: string }>;
  /** Association label definitions: USER_DEFINED ones carry a label; HUBSPOT_DEFINED label null. */
  associationLabels: Array<{ fromType: string; toType: string; category: 'HUBSPOT_DEFINED' | 'USER_DEFINED'; typeId: number; label: string | null }>;
  callDispositions: Array<{ id: string; label: string }>;
  /** Records by objectTypeId. */
  objects: Record<string, SeedObject[]>;
  associations: SeedAssociation[];
  files: Array<{ id: string; name: string; extension: string; type: string; size: number; url: string; createdAt: string }>;
}
