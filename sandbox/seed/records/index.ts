/**
 * Every record of the reference portal, grouped by what it demonstrates.
 * Order matters only for readability: ids are explicit.
 */
import type { PortalBuilder } from '../builder';
import { addStarterRecords } from './starter';

export function addRecords(b: PortalBuilder): void {
  addStarterRecords(b);
}
