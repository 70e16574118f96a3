import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default';
import { lintPlaybook, type AssociationLabelDef, type LintProblem } from '../../../lib/playbook/lint';
import type { Playbook } from '../../../lib/playbook/types';
import { validatePlaybook } from '../../../lib/playbook/validate';
import type { PortalMeta, PropertyDef } from '../../../lib/rules/snapshot';
import { referenceAssociationLabels, referencePortalMeta } from '../../fixtures/playbooks/reference-portal-meta';

const ruleIndex = (id: string) => defaultPlaybook.rules.findIndex((r) => r.id === id);
const propertyIndex = (object: string, name: string) =>
  defaultPlaybook.properties.findIndex((p) => p.object === object && p.name === name);

function lintWith(
  mutatePortal: (portal: PortalMeta) => void = () => {},
  mutateLabels: (labels: AssociationLabelDef[]) => void = () => {},
  playbook: Playbook = defaultPlaybook,
): LintProblem[] {
  const portal = structuredClone(referencePortalMeta);
  const labels = structuredClone(referenceAssociationLabels);
  mutatePortal(portal);
  mutateLabels(labels);
  return lintPlaybook(playbook, portal, labels);
}

function prop(portal: PortalMeta, objectTypeId: string, name: string): PropertyDef {
  const found = portal.properties[objectTypeId]?.find((p) => p.name === name);
  if (!found) throw new Error(`fixture has no ${objectTypeId}.${name}`);
  return found;
}

function expectProblem(problems: LintProblem[], expected: { severity?: 'error' | 'warning'; path: string; message: string; fix: string }): void {
  expect(problems).toContainEqual({
    severity: expected.severity ?? 'error',
    path: expected.path,
    message: expect.stringContaining(expected.message),
    fix: expect.stringContaining(expected.fix),
  });
}

describe('lintPlaybook: the default playbook against the reference portal', () => {
  it('finds nothing to fix', () => {
    expect(lintWith()).toEqual([]);
  });

  it('resolves custom objects by schema name, whatever their ids in this portal', () => {
    const problems = lintWith((portal) => {
      for (const schema of portal.schemas) {
        const old = schema.objectTypeId;
        const id = old.replace('2-9', '2-7');
        schema.objectTypeId = id;
        portal.properties[id] = portal.properties[old] ?? [];
        delete portal.properties[old];
        if (portal.pipelines[old]) {
          portal.pipelines[id] = portal.pipelines[old] ?? [];
          delete portal.pipelines[old];
        }
      }
    }, (labels) => {
      for (const l of labels) l.fromObjectTypeId = l.fromObjectTypeId.replace('2-9', '2-7');
    });
    expect(problems).toEqual([]);
  });
});

describe('lintPlaybook: objects, pipelines and stages', () => {
  it('a custom object missing by name, with the same-labelled schema offered (CH-*)', () => {
    const problems = lintWith((portal) => {
      const schema = portal.schemas.find((s) => s.name === 'client_hub');
      if (schema) schema.name = 'p_client_hub';
    });
    expectProblem(problems, {
      path: 'objects.clientHub',
      message: 'no custom object named "client_hub"',
      fix: 'Set objects.clientHub to { name: "p_client_hub" }',
    });
  });

  it('an object whose property definitions were not loaded', () => {
    const problems = lintWith((portal) => { delete portal.properties['0-2']; });
    expectProblem(problems, { path: 'objects.company', message: 'no property definitions for Company (0-2)', fix: 'scope' });
    // No cascade of "missing property" errors for every company property.
    expect(problems.filter((p) => p.path.startsWith('properties['))).toEqual([]);
  });

  it('a renamed pipeline (SALES-* pipelines are found by label)', () => {
    const problems = lintWith((portal) => {
      const p = portal.pipelines['0-3']?.find((x) => x.label === 'Expansion');
      if (p) p.label = 'Expansions';
    });
    expectProblem(problems, { path: 'pipelines[1].label', message: 'no Deal pipeline labelled "Expansion"', fix: 'Set pipelines[1].label to "Expansions"' });
  });

  it('a pipeline renamed with a suffix is offered by containment', () => {
    const problems = lintWith((portal) => {
      const p = portal.pipelines['0-3']?.find((x) => x.label === 'Upsell');
      if (p) p.label = 'Upsell Pipeline';
    });
    expectProblem(problems, { path: 'pipelines[2].label', message: 'no Deal pipeline labelled "Upsell"', fix: 'Set pipelines[2].label to "Upsell Pipeline"' });
  });

  it('a missing pipeline that is not governed and named by no rule is only a warning', () => {
    const problems = lintWith((portal) => {
      portal.pipelines['0-3'] = (portal.pipelines['0-3'] ?? []).filter((x) => x.label !== 'Sales Pipeline');
    });
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', path: 'pipelines[3].label', message: expect.stringContaining('not governed') })]);
  });

  it('a stage spelt with a hyphen instead of the en dash', () => {
    const problems = lintWith((portal) => {
      const s = portal.pipelines['0-3']?.find((x) => x.label === 'New Business')?.stages.find((x) => x.label === 'Closed – Won');
      if (s) s.label = 'Closed - Won';
    });
    expectProblem(problems, {
      path: 'pipelines[0].stages[4]',
      message: 'pipeline "New Business" has no stage labelled "Closed – Won"',
      fix: 'Use "Closed - Won" (same words, different dash',
    });
    // The portal's "Closed - Won" is offered as the fix, not reported again as an unlisted stage.
    expect(problems.filter((p) => p.path === 'pipelines[0].stages')).toEqual([]);
  });

  it('stages in another order, an extra portal stage, a won stage that is not closed (warnings)', () => {
    const problems = lintWith((portal) => {
      const p = portal.pipelines['0-3']?.find((x) => x.label === 'Upsell');
      if (!p) return;
      const engaged = p.stages.find((s) => s.label === 'Engaged');
      const proposal = p.stages.find((s) => s.label === 'Proposal');
      if (engaged && proposal) [engaged.displayOrder, proposal.displayOrder] = [proposal.displayOrder, engaged.displayOrder];
      p.stages.push({ id: '150300099', label: 'On Hold', displayOrder: 9, isClosed: false, probability: 0.1 });
      const won = p.stages.find((s) => s.label === 'Closed – Won');
      if (won) won.isClosed = false;
    });
    expectProblem(problems, { severity: 'warning', path: 'pipelines[2].stages', message: 'different order than the portal', fix: 'List the stages as the portal orders them' });
    expectProblem(problems, { severity: 'warning', path: 'pipelines[2].stages', message: '"On Hold" is not in the playbook', fix: 'Add "On Hold" to pipelines[2].stages' });
    expectProblem(problems, { severity: 'warning', path: 'pipelines[2].wonStage', message: 'not a closed stage', fix: 'closed' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('lintPlaybook: properties and values', () => {
  it('a property with another internal name: the same-labelled property is offered (SALES-SQL-2)', () => {
    const problems = lintWith((portal) => { prop(portal, '0-3', 'enterprise_deal_status').name = 'x_enterprise_status'; });
    const i = propertyIndex('deal', 'enterprise_deal_status');
    expectProblem(problems, {
      path: `properties[${i}].name`,
      message: 'Deal has no property "enterprise_deal_status" ("Enterprise Deal Status")',
      fix: `Set properties[${i}].name to "x_enterprise_status"`,
    });
  });

  it('a property that is missing altogether: create it or map it', () => {
    const problems = lintWith((portal) => {
      portal.properties['0-3'] = (portal.properties['0-3'] ?? []).filter((p) => p.name !== 'quoted_rcm_rate');
    });
    const i = propertyIndex('deal', 'quoted_rcm_rate');
    expectProblem(problems, { path: `properties[${i}].name`, message: 'no property "quoted_rcm_rate"', fix: 'Create "Quoted RCM Rate" in HubSpot' });
  });

  it('a property of another type (SALES-ENG-3 expects a number)', () => {
    const problems = lintWith((portal) => {
      const p = prop(portal, '0-3', 'annual_practice_collections');
      p.type = 'string';
      p.fieldType = 'text';
    });
    const i = propertyIndex('deal', 'annual_practice_collections');
    expectProblem(problems, { path: `properties[${i}].type`, message: 'expected to be number but the portal\'s property is string', fix: `Set properties[${i}].type to "string"` });
  });

  it('an equals value and a fix suggestion missing from the options, matched by label (SALES-PRO-2)', () => {
    const problems = lintWith((portal) => {
      const option = prop(portal, '0-3', 'deal_approval_status').options.find((o) => o.value === 'approved');
      if (option) option.value = 'APPROVED_BY_VP';
    });
    const i = ruleIndex('SALES-PRO-2');
    expectProblem(problems, { path: `rules[${i}].test.value`, message: '"approved" is not an option of Deal\'s "deal_approval_status"', fix: 'Use the internal value "APPROVED_BY_VP" (labelled "Approved")' });
    expectProblem(problems, { path: `rules[${i}].fix.suggest`, message: '"approved" is not an option', fix: '"APPROVED_BY_VP"' });
  });

  it('enumeration values compare case-insensitively, as the engine does (ACC-2)', () => {
    const problems = lintWith((portal) => {
      for (const o of prop(portal, '0-2', 'type').options) o.value = o.value.toLowerCase();
    });
    expect(problems).toEqual([]);
  });

  it('a oneOf value missing (SALES-PRO-6)', () => {
    const problems = lintWith((portal) => {
      const p = prop(portal, '0-3', 'contract_status');
      p.options = p.options.filter((o) => o.value !== 'proposal_signed');
    });
    expectProblem(problems, { path: `rules[${ruleIndex('SALES-PRO-6')}].test.values[1]`, message: '"proposal_signed" is not an option', fix: 'add the option in HubSpot (Settings → Properties → Contract Status)' });
  });

  it('a recyclable lost reason missing from the options is reported on the parameter (LC-8)', () => {
    const problems = lintWith((portal) => {
      const p = prop(portal, '0-3', 'deal_lost_reason_category');
      p.options = p.options.filter((o) => o.value !== 'no_decision');
    });
    expectProblem(problems, {
      path: 'parameters.recyclableLostReasons[1]',
      message: `"no_decision" is not an option of Deal's "deal_lost_reason_category" (used by rules[${ruleIndex('LC-8')}]`,
      fix: 'add the option',
    });
  });

  it('lifecycle values missing from the portal, and portal values missing from the playbook (LC-1, LC-8)', () => {
    const problems = lintWith((portal) => {
      const p = prop(portal, '0-1', 'lifecyclestage');
      p.options = p.options.filter((o) => o.value !== 'recycled');
      p.options.push({ value: 'evangelist', label: 'Evangelist', displayOrder: 9 });
    });
    expectProblem(problems, { path: 'lifecycle.stages[6].value', message: '"recycled" is not an option', fix: 'add the option' });
    expectProblem(problems, { path: `rules[${ruleIndex('LC-8')}].fix.suggest`, message: '"recycled"', fix: 'add the option' });
    expectProblem(problems, { severity: 'warning', path: 'lifecycle.stages', message: '"Evangelist" (evangelist) is not in the playbook', fix: 'value: "evangelist"' });
  });

  it('a Contact Ratio the portal does not offer (CH-4)', () => {
    const problems = lintWith((portal) => {
      const p = prop(portal, '2-9000101', 'contact_ratio');
      p.options = p.options.filter((o) => o.value !== '6_months');
    });
    expectProblem(problems, { path: 'cadence.ratios["6_months"]', message: '"6_months" is not an option of Client Hub\'s "contact_ratio"', fix: 'add the option' });
  });

  it('an activity property the portal lacks (ACC-10)', () => {
    const problems = lintWith((portal) => {
      portal.properties['0-2'] = (portal.properties['0-2'] ?? []).filter((p) => p.name !== 'notes_last_updated');
    });
    expectProblem(problems, { path: 'activityProperties.company[1]', message: 'Company has no property "notes_last_updated"', fix: 'Remove it from activityProperties.company' });
  });
});

describe('lintPlaybook: associations and the call log', () => {
  it('a buying-committee label spelt differently in the portal (ACC-7)', () => {
    const problems = lintWith(undefined, (labels) => {
      const dm = labels.find((l) => l.label === 'Decision Maker');
      if (dm) dm.label = 'Decision-maker';
    });
    expectProblem(problems, { path: 'associations.labels[2].label', message: 'no association label "Decision Maker" from Deal to Contact', fix: 'Use "Decision-maker"' });
  });

  it('a missing Primary Contact label (CH-1): create it', () => {
    const problems = lintWith(undefined, (labels) => {
      const i = labels.findIndex((l) => l.label === 'Primary Contact');
      labels.splice(i, 1);
    });
    expectProblem(problems, { path: 'associations.labels[4].label', message: 'no association label "Primary Contact" from Product Subscription to Contact', fix: 'Create the label in HubSpot' });
  });

  it('a primary association type id the portal does not have', () => {
    const problems = lintWith(undefined, (labels) => {
      const primary = labels.find((l) => l.typeId === 5);
      if (primary) primary.typeId = 6;
    });
    expectProblem(problems, { path: 'associations.primary[0].typeId', message: 'association typeId 5 does not exist from Deal to Company', fix: 'type ids' });
  });

  it('a check-in outcome or call type the portal spells differently (CH-2)', () => {
    const problems = lintWith((portal) => {
      const connected = portal.callDispositions.find((d) => d.label === 'Connected');
      if (connected) connected.label = 'Connected ';
      const type = prop(portal, '0-48', 'hs_activity_type').options.find((o) => o.value === 'Check In - WhatsApp');
      if (type) type.value = 'Check In – WhatsApp';
    });
    expectProblem(problems, { path: 'callLog.checkIn.outcomes[0]', message: 'no call outcome labelled "Connected"', fix: 'Use "Connected "' });
    expectProblem(problems, { path: 'callLog.checkIn.types[1]', message: '"Check In - WhatsApp" is not a call type', fix: 'Use "Check In – WhatsApp"' });
  });

  it('an engagement predicate naming a property engagements do not have', () => {
    const playbook = structuredClone(defaultPlaybook);
    const rule = playbook.rules[ruleIndex('SALES-ENG-4')];
    if (rule?.kind === 'gate' && rule.test.op === 'engagement') rule.test.where = { op: 'known', property: 'hs_call_bodyy' };
    const problems = lintWith(undefined, undefined, playbook);
    expectProblem(problems, { path: `rules[${ruleIndex('SALES-ENG-4')}].test.where.property`, message: 'notes (0-46) have no property "hs_call_bodyy"', fix: 'hs_note_body' });
  });
});

describe('the worked example of docs/playbook.md', () => {
  /** Coastal Health's portal: the same SOP, other names. */
  function coastalPortal(): { portal: PortalMeta; labels: AssociationLabelDef[] } {
    const portal = structuredClone(referencePortalMeta);
    const labels = structuredClone(referenceAssociationLabels);
    const deals = portal.pipelines['0-3'] ?? [];
    for (const p of deals) {
      if (p.label === 'Expansion') p.label = 'Expansion Pipeline';
      for (const s of p.stages) s.label = s.label.replace('Closed – ', 'Closed ');
    }
    portal.pipelines['0-3'] = deals.filter((p) => p.label !== 'Sales Pipeline');
    prop(portal, '0-3', 'enterprise_deal_status').name = 'x_enterprise';
    const dm = labels.find((l) => l.label === 'Decision Maker');
    if (dm) dm.label = 'Economic Buyer';
    const hub = portal.schemas.find((s) => s.name === 'client_hub');
    if (hub) hub.name = 'p_client_hub';
    return { portal, labels };
  }

  it('the documented edits, all in data, make the default playbook fit (validate + lint clean)', () => {
    const { portal, labels } = coastalPortal();
    expect(lintPlaybook(defaultPlaybook, portal, labels).filter((p) => p.severity === 'error')).toHaveLength(8);

    let json = JSON.stringify(defaultPlaybook);
    json = json.replaceAll('"Closed – Won"', '"Closed Won"').replaceAll('"Closed – Lost"', '"Closed Lost"');
    json = json.replaceAll('"Expansion"', '"Expansion Pipeline"');
    json = json.replaceAll('"enterprise_deal_status"', '"x_enterprise"');
    json = json.replaceAll('"Decision Maker"', '"Economic Buyer"');
    json = json.replaceAll('"client_hub"', '"p_client_hub"');
    const edited = JSON.parse(json) as Playbook;
    edited.pipelines = edited.pipelines.filter((p) => p.label !== 'Sales Pipeline');

    const validated = validatePlaybook(edited);
    expect(validated.ok ? [] : validated.errors).toEqual([]);
    expect(lintPlaybook(edited, portal, labels)).toEqual([]);
  });
});
