/**
 * Pipelines by label, stages by label in SOP order. The three sales pipelines
 * are governed (SALES-*, SOP-*, ACC-7); HubSpot's default Sales Pipeline is
 * listed so deals in it are recognised and left alone.
 */
import type { PlaybookPipeline } from '../types';

export const SQL = 'Sales Qualified Lead (SQL)';
export const ENGAGED = 'Engaged';
export const PROPOSAL = 'Proposal';
export const PARTNER_OF_CHOICE = 'Partner of Choice';
// En dash, exactly as the portal labels the closed stages.
export const CLOSED_WON = 'Closed – Won';
export const CLOSED_LOST = 'Closed – Lost';
export const SALES_STAGES = [SQL, ENGAGED, PROPOSAL, PARTNER_OF_CHOICE, CLOSED_WON, CLOSED_LOST];
export const GOVERNED_PIPELINES = ['New Business', 'Expansion', 'Upsell'];

export const CLIENT_HUB_PIPELINE = 'Client Hub';
export const CALL_PREPARATION = 'Call Preparation';
export const CALL_STAGES = ['Call 1', 'Call 2', 'Call 3'];
export const SUMMARY_CONNECTED = 'Summary of Call';
export const SUMMARY_NOT_CONNECTED = 'Summary – Not Connected';
export const COMPLETED = 'Completed';

const salesPipeline = (label: string): PlaybookPipeline => ({
  object: 'deal',
  label,
  governed: true,
  stages: [...SALES_STAGES],
  wonStage: CLOSED_WON,
  lostStage: CLOSED_LOST,
});

export const pipelines: PlaybookPipeline[] = [
  ...GOVERNED_PIPELINES.map(salesPipeline),
  {
    object: 'deal',
    label: 'Sales Pipeline',
    governed: false,
    stages: [
      'Appointment Scheduled',
      'Qualified To Buy',
      'Presentation Scheduled',
      'Decision Maker Bought-In',
      'Contract Sent',
      'Closed Won',
      'Closed Lost',
    ],
    wonStage: 'Closed Won',
    lostStage: 'Closed Lost',
  },
  {
    object: 'clientHub',
    label: CLIENT_HUB_PIPELINE,
    governed: true,
    stages: [CALL_PREPARATION, ...CALL_STAGES, SUMMARY_CONNECTED, SUMMARY_NOT_CONNECTED, COMPLETED],
  },
  { object: 'ticket', label: 'Implementation', governed: false, stages: ['New', 'In Progress', 'Done'] },
];
