import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../lib/playbook/default';
import { validatePlaybook, type PlaybookError } from '../../../lib/playbook/validate';
import type { Playbook } from '../../../lib/playbook/types';

/* eslint-disable @typescript-eslint/no-explicit-any -- mutations deliberately break the type */
type Loose = any;

const clone = (): Loose => JSON.parse(JSON.stringify(defaultPlaybook));
const indexOf = (pb: Loose, id: string): number => pb.rules.findIndex((r: Loose) => r.id === id);

function errorsAfter(mutate: (pb: Loose) => void): PlaybookError[] {
  const pb = clone();
  mutate(pb);
  const result = validatePlaybook(pb);
  if (result.ok) throw new Error('expected the mutated playbook to be rejected');
  return result.errors;
}

function expectError(errors: PlaybookError[], path: string, fragment: string): void {
  expect(errors).toContainEqual({ path, message: expect.stringContaining(fragment) });
}

const minimal: Playbook = {
  schemaVersion: 1,
  id: 'tiny',
  name: 'Tiny',
  company: 'Tiny Co',
  version: '1',
  sources: [{ file: 'sop.md', title: 'SOP' }],
  objects: { deal: { objectTypeId: '0-3', label: 'Deal', nameProperties: ['dealname'] } },
  properties: [{ object: 'deal', name: 'budget', label: 'Budget', type: 'number' }],
  pipelines: [{ object: 'deal', label: 'Sales', governed: true, stages: ['Open', 'Won', 'Lost'], wonStage: 'Won', lostStage: 'Lost' }],
  associations: { primary: [], labels: [] },
  activityProperties: {},
  parameters: { minBudget: 1000 },
  checklists: {},
  rules: [{
    id: 'TINY-1', kind: 'gate', title: 'Budget', why: 'Budget first.', severity: 'required',
    source: { file: 'sop.md', quote: 'Know the budget.' }, scope: { object: 'deal' },
    stage: 'Open', transition: 'leave',
    test: { op: 'compare', property: 'budget', cmp: 'gte', value: { param: 'minBudget' } },
  }],
};

describe('validatePlaybook accepts valid playbooks', () => {
  it('a minimal hand-written playbook', () => {
    expect(validatePlaybook(minimal)).toEqual({ ok: true, playbook: minimal });
  });

  it('the default playbook after a JSON round trip (as stored by the options page)', () => {
    const result = validatePlaybook(JSON.parse(JSON.stringify(defaultPlaybook)));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('validatePlaybook: shape errors', () => {
  it('a non-object root is reported at $', () => {
    const result = validatePlaybook(42);
    expect(result).toEqual({ ok: false, errors: [{ path: '$', message: 'expected an object; got 42' }] });
  });

  it('an unknown rule kind names the kinds and the value found', () => {
    const i = indexOf(clone(), 'SALES-SQL-2');
    const errors = errorsAfter((pb) => { pb.rules[i].kind = 'gat'; });
    expectError(errors, `rules[${i}].kind`, 'expected one of gate, check, form, guide, view; got "gat"');
    expectError(errors, `rules[${i}].kind`, 'did you mean "gate"?');
  });

  it('an unknown predicate op, deep inside a rule', () => {
    const i = indexOf(clone(), 'ACC-7');
    const errors = errorsAfter((pb) => { pb.rules[i].test.of[1].op = 'asociated'; });
    expectError(errors, `rules[${i}].test.of[1].op`, 'got "asociated"; did you mean "associated"?');
  });

  it('a missing required field says it is missing', () => {
    const i = indexOf(clone(), 'LC-1');
    const errors = errorsAfter((pb) => { delete pb.rules[i].title; });
    expectError(errors, `rules[${i}].title`, 'expected a string; got nothing (the field is missing)');
  });

  it('a misspelt field is rejected, not ignored, with a suggestion', () => {
    const i = indexOf(clone(), 'SALES-ENG-3');
    const errors = errorsAfter((pb) => {
      pb.rules[i].test.propery = pb.rules[i].test.property;
      delete pb.rules[i].test.property;
    });
    expectError(errors, `rules[${i}].test.propery`, 'unexpected field "propery"');
    expectError(errors, `rules[${i}].test.propery`, 'did you mean "property"?');
    expectError(errors, `rules[${i}].test.property`, 'got nothing');
  });

  it('a number-or-parameter field given a string lists both alternatives', () => {
    const i = indexOf(clone(), 'LC-4');
    const errors = errorsAfter((pb) => { pb.rules[i].test.days = 'thirty'; });
    expectError(errors, `rules[${i}].test.days`, 'expected a number or { "param": name }; got "thirty"');
  });

  it('schemaVersion must be 1', () => {
    const errors = errorsAfter((pb) => { pb.schemaVersion = 2; });
    expectError(errors, 'schemaVersion', 'expected 1; got 2');
  });
});

describe('validatePlaybook: reference errors', () => {
  it('duplicate rule ids', () => {
    const pb = clone();
    const first = indexOf(pb, 'REC-2');
    const second = indexOf(pb, 'REC-3');
    const errors = errorsAfter((p) => { p.rules[second].id = 'REC-2'; });
    expectError(errors, `rules[${second}].id`, `duplicate rule id "REC-2" (first at rules[${first}])`);
  });

  it('rule ids must have the catalog form', () => {
    const i = indexOf(clone(), 'REC-1');
    const errors = errorsAfter((pb) => { pb.rules[i].id = 'rec_1'; });
    expectError(errors, `rules[${i}].id`, 'expected an id like "SALES-SQL-2"');
  });

  it('an unknown object alias in scope.object', () => {
    const i = indexOf(clone(), 'REC-2');
    const errors = errorsAfter((pb) => { pb.rules[i].scope.object = 'compnay'; });
    expectError(errors, `rules[${i}].scope.object`, 'unknown object "compnay"');
    expectError(errors, `rules[${i}].scope.object`, 'did you mean "company"?');
  });

  it('CH-1: nameFrom names another object of the playbook', () => {
    expectError(errorsAfter((pb) => { pb.objects.clientHub.nameFrom = 'contcat'; }), 'objects.clientHub.nameFrom', 'unknown object "contcat"');
    expectError(errorsAfter((pb) => { pb.objects.clientHub.nameFrom = 'clientHub'; }), 'objects.clientHub.nameFrom', 'cannot be named after itself');
  });

  it('an unknown object alias inside associated, in checklists, cadence and the call log', () => {
    const pb = clone();
    const i = indexOf(pb, 'SALES-ENG-2');
    const errors = errorsAfter((p) => {
      p.rules[i].test.object = 'person';
      p.checklists.sop[3].object = 'dealz';
      p.cadence.object = 'hub';
      p.callLog.appliesTo = ['clientHubs'];
    });
    expectError(errors, `rules[${i}].test.object`, 'unknown object "person"');
    expectError(errors, 'checklists.sop[3].object', 'unknown object "dealz"');
    expectError(errors, 'cadence.object', 'unknown object "hub"');
    expectError(errors, 'callLog.appliesTo[0]', 'unknown object "clientHubs"');
    expectError(errors, 'callLog.appliesTo[0]', 'did you mean "clientHub"?');
  });

  it('an object with neither objectTypeId nor name', () => {
    const errors = errorsAfter((pb) => { delete pb.objects.clientHub.name; });
    expectError(errors, 'objects.clientHub', 'expected objectTypeId');
    expectError(errors, 'objects.clientHub', 'got neither');
  });

  it('a parameter that does not exist, or of the wrong kind', () => {
    const pb = clone();
    const lc4 = indexOf(pb, 'LC-4');
    const lc8 = indexOf(pb, 'LC-8');
    const errors = errorsAfter((p) => {
      p.rules[lc4].test.days = { param: 'staleSQLDays' };
      p.parameters.recyclableLostReasons = 2;
    });
    expectError(errors, `rules[${lc4}].test.days.param`, 'parameter "staleSQLDays" is not defined in parameters');
    expectError(errors, `rules[${lc4}].test.days.param`, 'did you mean "staleSqlDays"?');
    expectError(errors, `rules[${lc8}].test.of.of[3].where.of[1].values.param`, 'parameter "recyclableLostReasons" is a number; expected a list here');
  });

  it('a stage label not in the object\'s pipelines (rule.stage, inStage, sinceStage, cadence)', () => {
    const pb = clone();
    const eng = indexOf(pb, 'SALES-ENG-4');
    const won = indexOf(pb, 'SALES-WON-7');
    const errors = errorsAfter((p) => {
      p.rules[eng].stage = 'Engaged ';
      p.rules[eng].test.sinceStage = 'Engagement';
      p.rules[won].scope.when = { op: 'inStage', stages: ['Closed - Won'] };
      p.cadence.stages.calls[1] = 'Call Two';
    });
    expectError(errors, `rules[${eng}].stage`, 'unknown stage "Engaged "');
    expectError(errors, `rules[${eng}].test.sinceStage`, 'unknown stage "Engagement"');
    expectError(errors, `rules[${won}].scope.when.stages[0]`, 'unknown stage "Closed - Won"');
    expectError(errors, `rules[${won}].scope.when.stages[0]`, 'did you mean "Closed – Won"?');
    expectError(errors, 'cadence.stages.calls[1]', 'unknown stage "Call Two"');
  });

  it('a rule without listed pipelines may only name stages of the governed pipelines', () => {
    const i = indexOf(clone(), 'SALES-SQL-2');
    const errors = errorsAfter((pb) => { pb.rules[i].stage = 'Closed Won'; });
    expectError(errors, `rules[${i}].stage`, 'unknown stage "Closed Won": expected one of the stages of pipelines New Business, Expansion, Upsell');
  });

  it('wonStage / lostStage must be stages of their pipeline', () => {
    const errors = errorsAfter((pb) => { pb.pipelines[1].lostStage = 'Closed Lost'; });
    expectError(errors, 'pipelines[1].lostStage', 'expected one of the pipeline\'s stages');
    expectError(errors, 'pipelines[1].lostStage', 'got "Closed Lost"');
  });

  it('an unknown checklist in a checklist predicate and in sopNote', () => {
    const i = indexOf(clone(), 'SOP-1');
    const errors = errorsAfter((pb) => {
      pb.rules[i].test.list = 'snop';
      pb.sopNote.checklist = 'S&OP';
    });
    expectError(errors, `rules[${i}].test.list`, 'unknown checklist "snop"');
    expectError(errors, 'sopNote.checklist', 'unknown checklist "S&OP"');
  });

  it('an invalid regular expression in matches.pattern', () => {
    const i = indexOf(clone(), 'SALES-WON-9');
    const errors = errorsAfter((pb) => { pb.rules[i].test.where.pattern = '^(Implementation'; });
    expectError(errors, `rules[${i}].test.where.pattern`, 'expected a valid regular expression; got "^(Implementation"');
  });

  it('health weights that do not sum to 1', () => {
    const errors = errorsAfter((pb) => { pb.health.weights.support = 0.4; });
    expectError(errors, 'health.weights', 'expected engagement + velocity + support to sum to 1; got 1.1');
  });

  it('health weights within 0.001 of 1 are accepted', () => {
    const pb = clone();
    pb.health.weights = { engagement: 0.3334, velocity: 0.3333, support: 0.3333 };
    expect(validatePlaybook(pb).ok).toBe(true);
  });

  it('a transition without a stage', () => {
    const i = indexOf(clone(), 'SALES-LOST-1');
    const errors = errorsAfter((pb) => { delete pb.rules[i].stage; });
    expectError(errors, `rules[${i}].transition`, 'transition "enter" needs a stage; got no stage');
  });

  it('a property a predicate names that is not declared for its object (also inside associated)', () => {
    const pb = clone();
    const pro = indexOf(pb, 'SALES-PRO-3');
    const poc = indexOf(pb, 'SALES-POC-1');
    const errors = errorsAfter((p) => {
      p.rules[pro].test.property = 'rate_rnage';
      p.rules[poc].test.where.property = 'dealstage';
    });
    expectError(errors, `rules[${pro}].test.property`, 'property "rate_rnage" is not declared for object "deal": add it to properties with its SOP label; did you mean "rate_range"?');
    expectError(errors, `rules[${poc}].test.where.property`, 'property "dealstage" is not declared for object "company"');
  });

  it('alsoOn objects must declare the property too (REC-3 on companies)', () => {
    const errors = errorsAfter((pb) => {
      pb.properties = pb.properties.filter((p: Loose) => !(p.object === 'company' && p.name === 'hubspot_owner_id'));
    });
    const i = indexOf(clone(), 'REC-3');
    expectError(errors, `rules[${i}].test.property`, 'property "hubspot_owner_id" is not declared for object "company"');
  });

  it('a checklist item, fix or cadence property that is not declared', () => {
    const lc1 = indexOf(clone(), 'LC-1');
    const errors = errorsAfter((pb) => {
      pb.checklists.sop[0].property = 'deal_owner';
      pb.rules[lc1].fix.property = 'lifecycle_stage';
      pb.cadence.ratioProperty = 'contact_ratio_v2';
    });
    expectError(errors, 'checklists.sop[0].property', 'property "deal_owner" is not declared for object "deal"');
    expectError(errors, `rules[${lc1}].fix.property`, 'property "lifecycle_stage" is not declared for object "contact"');
    expectError(errors, 'cadence.ratioProperty', 'property "contact_ratio_v2" is not declared for object "clientHub"');
  });

  it('an association label that is not declared', () => {
    const i = indexOf(clone(), 'ACC-7');
    const errors = errorsAfter((pb) => { pb.rules[i].test.of[2].labels = ['Decision-Maker']; });
    expectError(errors, `rules[${i}].test.of[2].labels[0]`, 'association label "Decision-Maker" between deal and contact is not declared');
    expectError(errors, `rules[${i}].test.of[2].labels[0]`, 'did you mean "Decision Maker"?');
  });

  it('a source file not listed in sources', () => {
    const i = indexOf(clone(), 'CH-4');
    const errors = errorsAfter((pb) => { pb.rules[i].source.file = '002_cc84a39e7010797d.txt'; });
    expectError(errors, `rules[${i}].source.file`, 'expected one of the files in sources');
    expectError(errors, `rules[${i}].source.file`, 'did you mean "002_cc84a39e7010797c.txt"?');
  });

  it('lifecycle values and cadence ratios must refer to declared ones', () => {
    const errors = errorsAfter((pb) => {
      pb.lifecycle.defaultValue = 'Target';
      pb.lifecycle.transitions[0].to = 'mql';
      pb.cadence.defaultRatio = '1_months';
    });
    expectError(errors, 'lifecycle.defaultValue', 'expected one of the lifecycle stage values');
    expectError(errors, 'lifecycle.defaultValue', 'did you mean "target"?');
    expectError(errors, 'lifecycle.transitions[0].to', 'got "mql"');
    expectError(errors, 'cadence.defaultRatio', 'expected one of the keys of cadence.ratios');
  });

  it('a scope pipeline the object does not have', () => {
    const i = indexOf(clone(), 'SALES-WON-9');
    const errors = errorsAfter((pb) => { pb.rules[i].scope.pipelines = ['New business']; });
    expectError(errors, `rules[${i}].scope.pipelines[0]`, 'expected one of the pipelines of deal');
    expectError(errors, `rules[${i}].scope.pipelines[0]`, 'did you mean "New Business"?');
  });

  it('reports every problem at once, in document order', () => {
    const errors = errorsAfter((pb) => {
      pb.health.weights.support = 0.5;
      pb.rules[0].id = 'bad id';
    });
    expect(errors.map((e) => e.path)).toEqual(['health.weights', 'rules[0].id']);
  });
});
