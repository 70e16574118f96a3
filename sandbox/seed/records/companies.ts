/**
 * Companies: complete and incomplete profiles, every account type plus an
 * invalid one, SLA tiers and a missing one, full/partial/unresolvable account
 * teams, a parent → 2 children → grandchild hierarchy (ACC-3), duplicates by
 * domain and by name (ACC-9), healthy and at-risk accounts (ACC-6, ACC-10),
 * and an HTML-looking name that must be escaped wherever it is shown.
 */
import type { PortalBuilder } from '../builder';
import { ASSOC, TYPE, UNKNOWN_OWNER } from '../ids';
import { addCompany } from './common';

export const CO = {
  brightwater: '27100000001',
  summit: '27100000002',
  summitPeds: '27100000003',
  summitOrtho: '27100000004',
  summitEast: '27100000005',
  lakeside: '27100000006',
  lakesideGroup: '27100000007',
  acmeInc: '27100000008',
  acmeLlc: '27100000009',
  bold: '27100000010',
  riverbend: '27100000011',
  pinecrest: '27100000012',
  harbor: '27100000013',
  granite: '27100000014',
  medbill: '27100000015',
  clearpath: '27100000016',
  oakridge: '27100000017',
  cedar: '27100000018',
  northgate: '27100000019',
  meadowbrook: '27100000020',
  willow: '27100000021',
  blueHarbor: '27100000022',
  silverline: '27100000023',
  evergreen: '27100000024',
  clearview: '27100000025',
  redwood: '27100000026',
  mapleGrove: '27100000027',
  hillside: '27100000028',
  crescent: '27100000029',
  sunrise: '27100000030',
  northwind: '27100000031',
  tidewater: '27100000032',
} as const;

/** Company names, for deal names, calculators and tickets. */
export const CO_NAME: Record<keyof typeof CO, string> = {
  brightwater: 'Brightwater Family Medicine',
  summit: 'Summit Health Partners',
  summitPeds: 'Summit Health – Pediatrics',
  summitOrtho: 'Summit Health – Orthopedics',
  summitEast: 'Summit Pediatrics – Eastside Clinic',
  lakeside: 'Lakeside Orthopedics',
  lakesideGroup: 'Lakeside Orthopaedic Group',
  acmeInc: 'Acme Inc.',
  acmeLlc: 'ACME, LLC',
  bold: '<b>Bold & Co</b>',
  riverbend: 'Riverbend Dental Group',
  pinecrest: 'Pinecrest Pediatrics',
  harbor: 'Harbor Point Urgent Care',
  granite: 'Granite Peak Orthopedics',
  medbill: 'MedBill Solutions',
  clearpath: 'Clearpath Billing Alliance',
  oakridge: 'Oakridge Internal Medicine',
  cedar: 'Cedar Valley Cardiology',
  northgate: 'Northgate Women\'s Health',
  meadowbrook: 'Meadowbrook Behavioral Health',
  willow: 'Willow Creek Family Practice',
  blueHarbor: 'Blue Harbor Dermatology',
  silverline: 'Silverline Physical Therapy',
  evergreen: 'Evergreen Oncology Associates',
  clearview: 'Clearview Eye Center',
  redwood: 'Redwood Surgical Associates',
  mapleGrove: 'Maple Grove Pediatrics',
  hillside: 'Hillside Gastroenterology',
  crescent: 'Crescent City Podiatry',
  sunrise: 'Sunrise Sleep Center',
  northwind: 'Northwind Chiropractic',
  tidewater: 'Tidewater Pain Management',
};

/** E-mail domains of each company's people (the company's domain, or its usual one when unset). */
export const CO_DOMAIN: Record<keyof typeof CO, string> = {
  brightwater: 'brightwaterfm.com', summit: 'summithealthpartners.com', summitPeds: 'summithealthpartners.com',
  summitOrtho: 'summithealthpartners.com', summitEast: 'summithealthpartners.com', lakeside: 'lakesideortho.com',
  lakesideGroup: 'lakesideortho.com', acmeInc: 'acmemedicalgroup.com', acmeLlc: 'acme-billing.net', bold: 'boldandco.com',
  riverbend: 'riverbenddental.com', pinecrest: 'pinecrestpeds.com', harbor: 'harborpointuc.com', granite: 'granitepeakortho.com',
  medbill: 'medbillsolutions.com', clearpath: 'clearpathbilling.com', oakridge: 'oakridgeim.com', cedar: 'cedarvalleycardio.com',
  northgate: 'northgatewh.com', meadowbrook: 'meadowbrookbh.org', willow: 'willowcreekfp.com', blueHarbor: 'blueharborderm.com',
  silverline: 'silverlinept.com', evergreen: 'evergreenoncology.com', clearview: 'clearvieweye.com', redwood: 'redwoodsurgical.com',
  mapleGrove: 'maplegrovepeds.com', hillside: 'hillsidegi.com', crescent: 'crescentpodiatry.com', sunrise: 'sunrisesleep.com',
  northwind: 'northwindchiro.com', tidewater: 'tidewaterpain.com',
};

/** Companies whose profile, team and activity are complete and recent: every company rule met. */
const HEALTHY: Array<[key: keyof typeof CO, domain: string, city: string, state: string, type: string, tier: string, note: string]> = [
  ['brightwater', 'brightwaterfm.com', 'Portland', 'ME', 'CUSTOMER', 'gold', 'Customer with a fully documented New Business win; open implementation ticket.'],
  ['medbill', 'medbillsolutions.com', 'Tampa', 'FL', 'COMPETITOR', 'bronze', 'Competitor account.'],
  ['clearpath', 'clearpathbilling.com', 'Columbus', 'OH', 'PARTNER', 'silver', 'Partner account.'],
  ['cedar', 'cedarvalleycardio.com', 'Boise', 'ID', 'CUSTOMER', 'gold', 'Customer whose New Business win lacks its after-won paperwork.'],
  ['northgate', 'northgatewh.com', 'Albany', 'NY', 'CUSTOMER', 'silver', 'Customer won without the closing gates.'],
  ['meadowbrook', 'meadowbrookbh.org', 'Richmond', 'VA', 'PROSPECT', 'bronze', 'Prospect with a qualified deal.'],
  ['willow', 'willowcreekfp.com', 'Asheville', 'NC', 'PROSPECT', 'silver', 'Prospect with an incomplete SQL deal.'],
  ['blueHarbor', 'blueharborderm.com', 'Annapolis', 'MD', 'PROSPECT', 'silver', 'Prospect in Engaged.'],
  ['silverline', 'silverlinept.com', 'Scranton', 'PA', 'PROSPECT', 'bronze', 'Prospect in Engaged, gates open.'],
  ['evergreen', 'evergreenoncology.com', 'Spokane', 'WA', 'PROSPECT', 'gold', 'Prospect in Proposal.'],
  ['clearview', 'clearvieweye.com', 'Dayton', 'OH', 'PROSPECT', 'silver', 'Prospect in Proposal, gates open.'],
  ['redwood', 'redwoodsurgical.com', 'Eureka', 'CA', 'PROSPECT', 'gold', 'Prospect in Partner of Choice.'],
  ['hillside', 'hillsidegi.com', 'Lexington', 'KY', 'PROSPECT', 'silver', 'Prospect whose deal skipped a stage.'],
  ['crescent', 'crescentpodiatry.com', 'New Orleans', 'LA', 'PROSPECT', 'bronze', 'Prospect whose deal was created past SQL.'],
  ['sunrise', 'sunrisesleep.com', 'Tucson', 'AZ', 'PROSPECT', 'silver', 'Prospect whose deal moved back to Engaged.'],
  ['northwind', 'northwindchiro.com', 'Duluth', 'MN', 'PROSPECT', 'bronze', 'Prospect whose deal was lost without a reason.'],
  ['tidewater', 'tidewaterpain.com', 'Norfolk', 'VA', 'CUSTOMER', 'silver', 'Customer through an Upsell win.'],
];

export function addCompanies(b: PortalBuilder): void {
  for (const [key, domain, city, state, type, tier, note] of HEALTHY) {
    addCompany(b, { id: CO[key], name: CO_NAME[key], domain, city, state, activity: 2, props: { type, sla_tier: tier } }, [], note);
  }

  // ACC-3: Summit Health Partners → two children → one grandchild.
  addCompany(b, {
    id: CO.summit, name: CO_NAME.summit, domain: 'summithealthpartners.com', city: 'Hartford', state: 'CT', activity: 1,
    props: { type: 'CUSTOMER', sla_tier: 'gold', annualrevenue: '96000000', numberofemployees: '820', industry: 'HOSPITAL_HEALTH_CARE', business_unit: 'hospital_services' },
  }, [], 'Hierarchy root (parent of two subsidiaries, grandparent of a clinic); Expansion win.', ['ACC-3']);
  addCompany(b, {
    id: CO.summitPeds, name: CO_NAME.summitPeds, domain: 'peds.summithealthpartners.com', city: 'Hartford', state: 'CT', activity: 3,
    props: { type: 'CUSTOMER', sla_tier: 'silver', annualrevenue: '21000000', hs_parent_company_id: CO.summit, provider_specialty: 'Pediatrics' },
  }, [], 'Child of Summit Health Partners, parent of the Eastside Clinic; one open ticket for the roll-up.', ['ACC-3']);
  addCompany(b, {
    id: CO.summitOrtho, name: CO_NAME.summitOrtho, domain: 'ortho.summithealthpartners.com', city: 'New Haven', state: 'CT', activity: 4,
    props: { type: 'PROSPECT', sla_tier: 'bronze', annualrevenue: '14000000', hs_parent_company_id: CO.summit, provider_specialty: 'Orthopedics' },
  }, [], 'Child of Summit Health Partners with an open Upsell deal (roll-up: open deals).', ['ACC-3']);
  addCompany(b, {
    id: CO.summitEast, name: CO_NAME.summitEast, domain: 'eastside.summithealthpartners.com', city: 'Hartford', state: 'CT', activity: 5,
    props: {
      type: 'CUSTOMER', hs_parent_company_id: CO.summitPeds,
      // Incomplete on purpose: no phone, no street address, no revenue (ACC-1); no SLA tier (ACC-5); AE only (ACC-4).
      phone: undefined, address: undefined, annualrevenue: undefined, sla_tier: undefined,
      solution_engineer: undefined, customer_success_manager: undefined,
    },
  }, ['ACC-1', 'ACC-4', 'ACC-5'], 'Grandchild in the hierarchy with a partial profile, no SLA tier and a partial account team.', ['ACC-3']);
  b.link(TYPE.company, CO.summit, TYPE.company, CO.summitPeds, [ASSOC.parentToChild]);
  b.link(TYPE.company, CO.summit, TYPE.company, CO.summitOrtho, [ASSOC.parentToChild]);
  // Written from the child's side, as HubSpot stores either.
  b.link(TYPE.company, CO.summitEast, TYPE.company, CO.summitPeds, [ASSOC.childToParent]);

  // ACC-9: same domain once `www.` is dropped.
  addCompany(b, { id: CO.lakeside, name: CO_NAME.lakeside, domain: 'www.lakesideortho.com', city: 'Madison', state: 'WI', activity: 6 },
    ['ACC-9'], 'Duplicate of Lakeside Orthopaedic Group by domain (www.lakesideortho.com vs lakesideortho.com).');
  addCompany(b, { id: CO.lakesideGroup, name: CO_NAME.lakesideGroup, domain: 'lakesideortho.com', city: 'Madison', state: 'WI', activity: 3 },
    ['ACC-9'], 'Duplicate of Lakeside Orthopedics by domain.');
  // ACC-9: same name after lower-casing, dropping punctuation and the inc/llc suffixes.
  addCompany(b, { id: CO.acmeInc, name: CO_NAME.acmeInc, domain: 'acmemedicalgroup.com', city: 'Trenton', state: 'NJ', activity: 2 },
    ['ACC-9'], 'Duplicate of "ACME, LLC" by name.');
  addCompany(b, { id: CO.acmeLlc, name: CO_NAME.acmeLlc, domain: 'acme-billing.net', city: 'Newark', state: 'NJ', activity: 2, props: { type: 'PARTNER' } },
    ['ACC-9'], 'Duplicate of "Acme Inc." by name.');

  // Escaping: the name is text, never markup.
  addCompany(b, {
    id: CO.bold, name: CO_NAME.bold, domain: 'boldandco.com', city: 'Providence', state: 'RI', activity: 2,
    props: { type: 'PARTNER', support_global_note: '<script>alert("note")</script> & "quotes"' },
  }, [], 'HTML-looking name and note: must render as text (escaping); its only deal is in the ungoverned Sales Pipeline.');

  // ACC-6 at risk and ACC-10: no activity for 100 days (company and contacts), an Upsell deal 130 days in
  // Proposal, three open tickets all opened in the last 30 days (a surge): 0.4·0 + 0.3·0 + 0.3·5 = 1.5.
  addCompany(b, {
    id: CO.riverbend, name: CO_NAME.riverbend, domain: 'riverbenddental.com', city: 'Des Moines', state: 'IA', activity: 100,
    props: { type: 'CUSTOMER', sla_tier: 'gold', business_unit: 'dental', provider_specialty: 'Dentistry', industry: 'HEALTH_WELLNESS_AND_FITNESS' },
  }, ['ACC-6', 'ACC-10'], 'At-risk customer: 100 days without activity, a deal stuck 130 days in Proposal, a surge of open tickets.');

  // ACC-10 without ACC-6: 120 days quiet, but no open deals or tickets: 0.4·0 + 0.3·100 + 0.3·100 = 60.
  addCompany(b, { id: CO.oakridge, name: CO_NAME.oakridge, domain: 'oakridgeim.com', city: 'Knoxville', state: 'TN', activity: 120 },
    ['ACC-10'], 'Quiet for 120 days (ACC-10) yet not at risk (health 60); its only deal was lost for timing.');

  // ACC-2 with a value outside the options; ACC-4 with no Customer Success Manager.
  addCompany(b, {
    id: CO.pinecrest, name: CO_NAME.pinecrest, domain: 'pinecrestpeds.com', city: 'Burlington', state: 'VT', activity: 3,
    props: { type: 'RESELLER', sla_tier: 'bronze', customer_success_manager: undefined },
  }, ['ACC-2', 'ACC-4'], 'Account type "RESELLER" is not one of the four; no Customer Success Manager.');

  // REC-2 / ACC-1 (no domain), REC-3 (no owner), ACC-2 (no type), ACC-4 (no team), ACC-5 (no tier).
  addCompany(b, {
    id: CO.harbor, name: CO_NAME.harbor, domain: undefined, city: 'Gloucester', state: 'MA', activity: 8,
    props: {
      hubspot_owner_id: undefined, type: undefined, sla_tier: undefined,
      account_executive: undefined, solution_engineer: undefined, customer_success_manager: undefined,
    },
  }, ['REC-2', 'REC-3', 'ACC-1', 'ACC-2', 'ACC-4', 'ACC-5'], 'No domain, owner, type, SLA tier or account team; its deal is in the ungoverned Sales Pipeline.');

  // REC-3 and ACC-4 with an owner id that does not resolve.
  addCompany(b, {
    id: CO.granite, name: CO_NAME.granite, domain: 'granitepeakortho.com', city: 'Concord', state: 'NH', activity: 2,
    props: { hubspot_owner_id: UNKNOWN_OWNER, account_executive: UNKNOWN_OWNER, sla_tier: 'gold' },
  }, ['REC-3', 'ACC-4'], `Owner and Account Executive are owner id ${UNKNOWN_OWNER}, which does not resolve.`);

  // A company missing only S&OP / Partner-of-Choice fields (Business Unit), otherwise complete.
  addCompany(b, {
    id: CO.mapleGrove, name: CO_NAME.mapleGrove, domain: 'maplegrovepeds.com', city: 'Ann Arbor', state: 'MI', activity: 2,
    props: { business_unit: undefined, division: undefined },
  }, [], 'No Business Unit or Division: its Partner-of-Choice deal fails SALES-POC-1 and SOP-1.');

}
