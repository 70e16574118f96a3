/**
 * HubSpot's own property names: the same in every portal, so they are not
 * portal-specific and may live in code. Everything a company chooses (its
 * custom properties, labels, pipelines, stage ids) reaches the engine only
 * through the playbook.
 */
import { OBJECT_TYPE } from './snapshot';

export const HS = {
  owner: 'hubspot_owner_id',
  email: 'email',
  domain: 'domain',
  companyName: 'name',
  /** Companies: HubSpot's account type (Prospect, Customer…). */
  companyType: 'type',
  annualRevenue: 'annualrevenue',
  emailOptOut: 'hs_email_optout',
  createDate: 'createdate',
  dealPipeline: 'pipeline',
  dealStage: 'dealstage',
  pipeline: 'hs_pipeline',
  stage: 'hs_pipeline_stage',
  /** Deals: when the deal entered its current stage (newer portals). */
  enteredCurrentStage: 'hs_v2_date_entered_current_stage',
  /** Deals: `hs_date_entered_{stageId}`. */
  enteredStagePrefix: 'hs_date_entered_',
  timestamp: 'hs_timestamp',
  callDisposition: 'hs_call_disposition',
  callType: 'hs_activity_type',
  callDirection: 'hs_call_direction',
  callBody: 'hs_call_body',
  noteBody: 'hs_note_body',
  taskSubject: 'hs_task_subject',
  taskStatus: 'hs_task_status',
  ticketSubject: 'subject',
} as const;

/** The body property of each engagement type (what `contains` searches). */
export const ENGAGEMENT_BODY: Record<string, readonly string[]> = {
  note: ['hs_note_body'],
  call: ['hs_call_body', 'hs_call_title'],
  email: ['hs_email_text', 'hs_email_html', 'hs_email_subject'],
  meeting: ['hs_meeting_body', 'hs_meeting_title'],
  task: ['hs_task_body', 'hs_task_subject'],
};

/** Deals keep their pipeline in `pipeline`/`dealstage`; every other pipelined object in `hs_pipeline`/`hs_pipeline_stage`. */
export function pipelineProperty(objectTypeId: string): string {
  return objectTypeId === OBJECT_TYPE.deal ? HS.dealPipeline : HS.pipeline;
}

export function stageProperty(objectTypeId: string): string {
  return objectTypeId === OBJECT_TYPE.deal ? HS.dealStage : HS.stage;
}
