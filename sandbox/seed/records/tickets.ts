/**
 * Support tickets that drive ACC-3's roll-up and ACC-6's support component:
 * Riverbend's surge (three open tickets opened in the last 30 days against one
 * in the 30 before) and an open ticket at a Summit subsidiary. Implementation
 * tickets live with their deals (./deals.ts).
 */
import type { PortalBuilder } from '../builder';
import { ASSOC, OWNER, PIPELINE, TICKET_STAGE, TYPE } from '../ids';
import { CO } from './companies';

type TicketDef = [id: string, company: keyof typeof CO, subject: string, stage: string, created: number, priority: string];

const TICKETS: TicketDef[] = [
  ['44100000003', 'riverbend', 'Claims rejected – missing tooth numbers', TICKET_STAGE.new, 5, 'URGENT'],
  ['44100000004', 'riverbend', 'Patient portal login failures', TICKET_STAGE.inProgress, 12, 'HIGH'],
  ['44100000005', 'riverbend', 'ERA posting delayed two weeks', TICKET_STAGE.inProgress, 20, 'HIGH'],
  ['44100000006', 'riverbend', 'Statement template typo', TICKET_STAGE.done, 45, 'LOW'],
  ['44100000007', 'summitPeds', 'Coding audit request – well-child visits', TICKET_STAGE.new, 15, 'MEDIUM'],
];

export function addTickets(b: PortalBuilder): void {
  for (const [id, company, subject, stage, created, priority] of TICKETS) {
    b.add(TYPE.ticket, id, {
      subject,
      content: `${subject}. Reported by the client's billing office.`,
      hs_pipeline: PIPELINE.implementation,
      hs_pipeline_stage: stage,
      hs_ticket_priority: priority,
      hubspot_owner_id: OWNER.csm,
      closed_date: stage === TICKET_STAGE.done ? b.clock.daysAgo(created - 3) : undefined,
    }, { created });
    b.link(TYPE.ticket, id, TYPE.company, CO[company], [ASSOC.ticketToCompanyPrimary, ASSOC.ticketToCompany]);
  }
}
