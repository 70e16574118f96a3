/**
 * The one seam between the sandbox's live state and the pages: every request
 * reads through it, so a PATCH made by the extension shows on the next load.
 */
import type { Owner, PropertyDef } from '../../lib/rules/snapshot';
import type { SeedObject, SeedPipeline } from '../seed/types';
import type { PageData, PageSchema } from './data';
import type { SandboxState } from '../state';

export interface StateLike {
  account: { portalId: number };
  getObject(typeId: string, id: string): SeedObject | undefined;
  listObjects(typeId: string): SeedObject[];
  associationsOf(fromTypeId: string, id: string, toTypeId: string): Array<{ toObjectId: string | number; associationTypes: Array<{ label: string | null }> }>;
  pipelines(typeId: string): SeedPipeline[];
  properties(typeId: string): PropertyDef[];
  schemas(): PageSchema[];
  owners(): Owner[];
  callDispositions?(): Array<{ id: string; label: string }>;
}

export function fromState(state: StateLike): PageData {
  return {
    portalId: state.account.portalId,
    get: (typeId, id) => state.getObject(typeId, id),
    list: (typeId) => state.listObjects(typeId),
    associated: (fromTypeId, id, toTypeId) =>
      state.associationsOf(fromTypeId, id, toTypeId).map((a) => ({
        id: String(a.toObjectId),
        labels: a.associationTypes.map((t) => t.label).filter((l): l is string => Boolean(l)),
      })),
    pipelines: (typeId) => state.pipelines(typeId),
    properties: (typeId) => state.properties(typeId),
    schemas: () => state.schemas(),
    owners: () => state.owners(),
    dispositions: () => state.callDispositions?.() ?? [],
  };
}

// The sandbox's live state must fit this seam (checked at compile time).
type Fits<T extends StateLike> = T;
export type SandboxStateFitsPages = Fits<SandboxState>;
