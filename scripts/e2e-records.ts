/**
 * Sample records of the served portal for the demo and the e2e screenshots:
 * a deal in Proposal (the one with the fewest filled properties, so the demo
 * shows gates still open), a contact (of that deal when it has one), a company
 * and a Client Hub record (one in a call stage when there is one). Chosen from
 * the live sandbox state by label, so any seed shaped like the reference portal works.
 */
import type { SandboxState } from '../sandbox/index';

export interface SampleRecord {
  name: string;
  objectTypeId: string;
  id: string;
}

/** How many properties carry a value: the demo prefers records with work left to do. */
function filled(o: { properties: Record<string, string> }): number {
  return Object.values(o.properties).filter((v) => v !== '' && v !== null && v !== undefined).length;
}

function first(state: SandboxState, typeId: string, match: (o: { id: string; properties: Record<string, string> }) => boolean = () => true) {
  const all = state.listObjects(typeId);
  return all.find(match) ?? all[0];
}

export function sampleRecords(state: SandboxState): SampleRecord[] {
  const out: SampleRecord[] = [];
  const proposalStages = new Set(
    state.pipelines('0-3').flatMap((p) => p.stages.filter((s) => s.label.trim().toLowerCase() === 'proposal').map((s) => s.id)),
  );
  const deal =
    state
      .listObjects('0-3')
      .filter((o) => proposalStages.has(o.properties.dealstage ?? ''))
      .sort((a, b) => filled(a) - filled(b))[0] ?? first(state, '0-3');
  if (deal) out.push({ name: proposalStages.has(deal.properties.dealstage ?? '') ? 'deal-proposal' : 'deal', objectTypeId: '0-3', id: deal.id });
  const dealContact = deal ? state.associationsOf('0-3', deal.id, '0-1')[0]?.toObjectId : undefined;
  const contact = dealContact ? { id: dealContact } : first(state, '0-1');
  if (contact) out.push({ name: 'contact', objectTypeId: '0-1', id: contact.id });
  const dealCompany = deal ? state.associationsOf('0-3', deal.id, '0-2')[0]?.toObjectId : undefined;
  const company = dealCompany ? { id: dealCompany } : first(state, '0-2');
  if (company) out.push({ name: 'company', objectTypeId: '0-2', id: company.id });
  const clientHubType = state.resolveType('client_hub');
  const callStages = new Set(
    clientHubType
      ? state.pipelines(clientHubType).flatMap((p) => p.stages.filter((s) => /^call \d/i.test(s.label.trim())).map((s) => s.id))
      : [],
  );
  const hub = clientHubType ? first(state, clientHubType, (o) => callStages.has(o.properties.hs_pipeline_stage ?? '')) : undefined;
  if (clientHubType && hub) out.push({ name: 'client-hub', objectTypeId: clientHubType, id: hub.id });
  return out;
}
