/**
 * The default playbook: the reference company's SOPs (../shared/SOP-RULES.md,
 * 68 rules) against the reference portal (../shared/REFERENCE-PORTAL.md).
 * A company with other labels or property names copies and edits this data;
 * docs/playbook.md walks through it.
 */
import type { Playbook } from '../types';
import { accountRules, health } from './account-rules';
import { cadence, callLog } from './client-hub';
import { clientHubRules } from './client-hub-rules';
import { lifecycle } from './lifecycle';
import { lifecycleRules } from './lifecycle-rules';
import { activityProperties, associations, objects } from './objects';
import { parameters } from './parameters';
import { pipelines } from './pipelines';
import { properties } from './properties';
import { recordRules } from './record-rules';
import { salesRules } from './sales-rules';
import { sopChecklist, sopNote, sopRules } from './sop-rules';
import { sources } from './sources';

export const defaultPlaybook: Playbook = {
  schemaVersion: 1,
  id: 'health-prime-default',
  name: 'Health Prime sales and client SOPs',
  company: 'Health Prime',
  version: '1.0.0',
  sources,
  objects,
  properties,
  pipelines,
  associations,
  activityProperties,
  parameters,
  checklists: { sop: sopChecklist },
  lifecycle,
  callLog,
  cadence,
  health,
  sopNote,
  rules: [...salesRules, ...sopRules, ...lifecycleRules, ...clientHubRules, ...recordRules, ...accountRules],
};
