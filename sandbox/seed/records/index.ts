/**
 * Every record of the reference portal, grouped by what it demonstrates.
 * Ids are explicit (engagement and file ids are numbered in creation order),
 * so sandbox/README.md and ./expectations.ts can name them.
 */
import type { PortalBuilder } from '../builder';
import { addClientHub } from './client-hub';
import { addCompanies } from './companies';
import { addLifecycleContacts } from './contacts';
import { addDeals } from './deals';
import { addTickets } from './tickets';

export function addRecords(b: PortalBuilder): void {
  addCompanies(b);
  addDeals(b);
  addLifecycleContacts(b);
  addClientHub(b);
  addTickets(b);
}
