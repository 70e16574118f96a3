/**
 * What the background needs from the HubSpot loaders, the rules engine and
 * the playbook linter, as one interface: the service takes it as a
 * dependency (tests pass the real modules; nothing here is a fake).
 */
import type { HubSpotClient } from '../hubspot/client';
import type { AssociationLabelDef, LintProblem } from '../playbook/lint';
import type { Playbook } from '../playbook/types';
import type { CadenceAfterCall, CallLogError } from '../rules/call-log';
import type { CallLogSpec, Evaluation } from '../rules/result';
import type { PortalMeta, RecordRef, Snapshot } from '../rules/snapshot';
import type { SopNote } from '../rules/sop-note';

export interface Engine {
  /** Metadata for the objects the playbook names (so a playbook change refreshes it). */
  loadPortalMeta(client: HubSpotClient, options: { playbook: Playbook }): Promise<PortalMeta>;
  loadSnapshot(
    client: HubSpotClient,
    args: { ref: RecordRef; playbook: Playbook; meta: PortalMeta; now: Date },
  ): Promise<{ snapshot: Snapshot }>;
  evaluate(snapshot: Snapshot, playbook: Playbook, now: Date): Evaluation;
  callLogSpec(snapshot: Snapshot, playbook: Playbook): CallLogSpec | null;
  validateCallLog(input: Record<string, string | null | undefined>, spec: CallLogSpec): CallLogError[];
  cadenceAfterCall(snapshot: Snapshot, playbook: Playbook, call: Record<string, string | null | undefined>, now: Date): CadenceAfterCall;
  buildSopNote(snapshot: Snapshot, playbook: Playbook, evaluation?: Evaluation): SopNote;
  lintPlaybook(playbook: Playbook, portal: PortalMeta, labels: ReadonlyArray<AssociationLabelDef>): LintProblem[];
}
