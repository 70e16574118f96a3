/** The real loaders, engine and linter behind the background's Engine interface. */
import { loadPortalMeta, loadSnapshot } from '../hubspot/snapshot-loader';
import { lintPlaybook } from '../playbook/lint';
import { cadenceAfterCall, callLogSpec, validateCallLog } from '../rules/call-log';
import { evaluate } from '../rules/evaluate';
import { buildSopNote } from '../rules/sop-note';
import type { Engine } from './engine';

export const defaultEngine: Engine = {
  loadPortalMeta: (client, options) => loadPortalMeta(client, options),
  loadSnapshot: (client, args) => loadSnapshot(client, args),
  evaluate,
  callLogSpec,
  validateCallLog,
  cadenceAfterCall,
  buildSopNote,
  lintPlaybook,
};
