/**
 * The reference portal (../shared/REFERENCE-PORTAL.md) as sandbox seed data:
 * its metadata plus records that show every rule of SOP-RULES.md both met and
 * failing. Dates are relative to `now`, so stale records stay stale whenever
 * the suite runs. What each record shows is in ./expectations.ts and the table
 * in sandbox/README.md.
 */
import type { SeedData } from './types';
import { makeClock } from './clock';
import { PortalBuilder, type Expectation } from './builder';
import { buildMetadata } from './metadata';
import { addRecords } from './records';

export interface ReferencePortal {
  seed: SeedData;
  expectations: Expectation[];
}

export function buildReferencePortal(now: Date = new Date()): ReferencePortal {
  const builder = new PortalBuilder(makeClock(now));
  addRecords(builder);
  return {
    seed: { ...buildMetadata(), objects: builder.objects, associations: builder.associations, files: builder.files },
    expectations: builder.expectations,
  };
}

export function buildReferencePortalSeed(now: Date = new Date()): SeedData {
  return buildReferencePortal(now).seed;
}

export const referencePortalSeed: SeedData = buildReferencePortalSeed();
