/**
 * The rules engine's public API. Pure functions of (snapshot, playbook, now):
 * no clock, no I/O, no globals beyond memo caches keyed by the playbook and
 * portal objects.
 */
export { evaluate } from './evaluate';
export { callLogSpec, validateCallLog, cadenceAfterCall, isCheckIn } from './call-log';
export type { CallLogError, CadenceAfterCall } from './call-log';
export { buildSopNote } from './sop-note';
export type { SopNote } from './sop-note';
export { nextSteps } from './next-steps';
export type { StepContext, Step } from './next-steps';
