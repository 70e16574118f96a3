/**
 * What each record of the reference portal shows, rule by rule: the rules it
 * meets and the rules it fails (violation, warning, or a gate item still
 * missing for its next stage), as SOP-RULES.md and its Resolutions read on the
 * seeded data. The admin compliance scan is checked against this list, and
 * sandbox/README.md renders it as a table.
 *
 * `shown` lists rules with no failing state (guides, the hierarchy view, forms
 * without a test) that appear in the record's context; `absent` lists rules
 * that must not appear on the record at all. Records with no rule claims
 * (engagements, tickets) are not listed.
 *
 * Built from the same code as the seed, so ids and names cannot drift; the
 * claims themselves are written next to each record in ./records/.
 */
import type { Expectation } from './builder';
import { buildReferencePortal } from './reference-portal';

export type { Expectation } from './builder';

export const expectations: Expectation[] = buildReferencePortal().expectations;
