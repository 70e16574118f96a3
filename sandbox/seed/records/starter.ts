import type { PortalBuilder } from '../builder';
import { ASSOC, OWNER, PIPELINE, TYPE, salesStageId } from '../ids';

/** Temporary starter set (replaced by the full portal). */
export function addStarterRecords(b: PortalBuilder): void {
  const company = b.add(TYPE.company, '27100000001', {
    name: 'Brightwater Family Medicine', domain: 'brightwaterfm.com', hubspot_owner_id: OWNER.ae, type: 'CUSTOMER',
  }, { created: 300 });
  const contact = b.add(TYPE.contact, '35100000001', {
    firstname: 'Elena', lastname: 'Brightwater', email: 'elena@brightwaterfm.com', lifecyclestage: 'customer', hubspot_owner_id: OWNER.ae,
  }, { created: 280 });
  const deal = b.add(TYPE.deal, '92100000001', {
    dealname: 'Brightwater Family Medicine – RCM', pipeline: PIPELINE.newBusiness, dealstage: salesStageId('newBusiness', 'sql'),
    hubspot_owner_id: OWNER.ae, amount: '120000',
  }, { created: 10 });
  b.link(TYPE.contact, contact, TYPE.company, company, [ASSOC.contactToCompany, ASSOC.contactToCompanyPrimary]);
  b.link(TYPE.deal, deal, TYPE.company, company, [ASSOC.dealToCompany, ASSOC.dealToCompanyPrimary]);
  b.link(TYPE.deal, deal, TYPE.contact, contact, [ASSOC.dealToContact, ASSOC.champion]);
  b.engagement('note', 2, { hs_note_body: '<p>Kick-off call booked.</p>', hubspot_owner_id: OWNER.ae }, [[TYPE.deal, deal]]);
}
