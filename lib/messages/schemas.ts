/**
 * The data shapes that travel in messages, as zod schemas. Requests are
 * validated strictly in the background; responses are validated by the
 * client. Engine results (Evaluation) and the playbook are checked for their
 * skeleton only: their full types are the contracts in lib/rules/result.ts
 * and lib/playbook/types.ts, and the background produced them itself.
 */
import * as z from 'zod';
import type { Evaluation } from '../rules/result';
import type { Playbook } from '../playbook/types';
import { appErrorSchema, fieldErrorSchema } from './errors';
import {
  API_TIERS,
  SIDEBAR_WIDTH,
  apiTierField,
  portalIdField,
  propertyNameField,
  propertyValueField,
  recordRefField,
  scanStartFields,
  settingsPatchField,
} from './fields';

export { API_TIERS, SIDEBAR_WIDTH };

export const portalIdSchema = portalIdField();
export const recordRefSchema = recordRefField();
export const propertyNameSchema = propertyNameField();
export const propertyValueSchema = propertyValueField();

const findingStatus = z.enum(['met', 'missing', 'violation', 'warning', 'unknown']);

const evaluationShape = z.looseObject({
  record: z.object({ objectTypeId: z.string(), id: z.string() }),
  object: z.string().nullable(),
  name: z.string(),
  result: z.looseObject({ kind: z.enum(['deal', 'contact', 'company', 'cadence', 'other']) }),
  findings: z.array(
    z.looseObject({ ruleId: z.string(), status: findingStatus, title: z.string(), items: z.array(z.looseObject({})) }),
  ),
  guidance: z.array(z.looseObject({ ruleId: z.string() })),
  callLog: z.looseObject({}).nullable(),
  nextSteps: z.array(z.looseObject({ ruleId: z.string(), text: z.string() })),
});
export const evaluationSchema = evaluationShape as unknown as z.ZodType<Evaluation>;

const playbookShape = z.looseObject({
  schemaVersion: z.literal(1),
  id: z.string(),
  name: z.string(),
  version: z.string(),
  rules: z.array(z.looseObject({ id: z.string() })),
});
export const playbookSchema = playbookShape as unknown as z.ZodType<Playbook>;

export const snapshotMetaSchema = z.object({
  /** ISO datetime the data was loaded from HubSpot. */
  loadedAt: z.string(),
  /** Answered from the IndexedDB cache without asking HubSpot first. */
  fromCache: z.boolean(),
  /** Older than the freshness window or invalidated by a write: a refresh is under way (or offline). */
  stale: z.boolean(),
});
export type SnapshotMeta = z.infer<typeof snapshotMetaSchema>;

export const WRITE_KINDS = ['property.update', 'call.create', 'note.create', 'association.create'] as const;
export type WriteKind = (typeof WRITE_KINDS)[number];

/** An outbox entry as pages see it (the stored one has the payload too). */
export const outboxEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(WRITE_KINDS),
  /** In words: "Set Deal Approval Status to Approved". */
  label: z.string(),
  /** pending: waiting to be (re)sent; sending: a request is out; failed: HubSpot refused it for good. */
  status: z.enum(['pending', 'sending', 'failed']),
  portalId: z.number(),
  /** The record the write was made from (the sidebar's record). */
  record: recordRefSchema.nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  error: appErrorSchema.nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const viewPayloadSchema = z.object({
  evaluation: evaluationSchema,
  snapshotMeta: snapshotMetaSchema,
  /** Pending and failed writes of this record (and of records it shows). */
  outbox: z.array(outboxEntrySchema),
});
export type ViewPayload = z.infer<typeof viewPayloadSchema>;

export const writeResultSchema = z.object({
  /** true: HubSpot accepted every write now. false: held in the outbox and retried (see entries). */
  sent: z.boolean(),
  /** The outbox entries the request created (still there when not sent). */
  entries: z.array(outboxEntrySchema),
  /** HubSpot ids of created objects (call/note), when sent. */
  createdIds: z.array(z.string()),
  /**
   * call.log only: what the call does to the record's cadence (CH-2/CH-3),
   * from the engine's cadenceAfterCall. When `moves`, send `cadence.apply`
   * with `updates` to carry it out (the rep confirms first).
   */
  cadence: z
    .object({
      moves: z.boolean(),
      stage: z.string(),
      updates: z.array(z.object({ property: z.string(), value: z.string() })),
      steps: z.array(z.string()),
    })
    .nullable()
    .optional(),
});
export type WriteResult = z.infer<typeof writeResultSchema>;

export const apiTierSchema = apiTierField();
export type ApiTier = z.infer<typeof apiTierSchema>;

export const settingsSchema = z.object({
  apiTier: apiTierSchema,
  learnMode: z.object({
    /** Explicit choice; null = automatic (on for `days` days after install). */
    enabled: z.boolean().nullable(),
    installedAt: z.string(),
    days: z.number().int().min(0).max(365),
    /** The effective state right now. */
    active: z.boolean(),
  }),
  sidebar: z.object({ collapsed: z.boolean(), width: z.number().int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max) }),
  /** Portals the policy allows (null = any). */
  allowedPortalIds: z.array(z.number()).nullable(),
  /** Setting keys fixed by enterprise policy (storage.managed): shown read-only. */
  managed: z.array(z.string()),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = settingsPatchField();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const TOKEN_STATES = [
  'none',
  'ok',
  'invalid',
  'expired',
  'wrong-portal',
  'missing-scopes',
  'rate-limited',
  'daily-limit',
  'offline',
] as const;
export type TokenState = (typeof TOKEN_STATES)[number];

export const statusSchema = z.object({
  token: z.enum(TOKEN_STATES),
  /** The token's portal (null without a verified token). */
  portalId: z.number().nullable(),
  timeZone: z.string().nullable(),
  uiDomain: z.string().nullable(),
  /** The portal's company currency (ISO code) and data hosting location (na1, eu1), from /account-info/v3/details. */
  companyCurrency: z.string().nullable(),
  dataHostingLocation: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** Scopes inferred missing from 403 MISSING_SCOPES answers (no introspection for private-app tokens). */
  missingScopes: z.array(z.string()),
  /** When the rate limit (ten-secondly/secondly) or the daily limit lets requests through again. */
  retryAt: z.string().nullable(),
  outbox: z.object({ pending: z.number().int(), failed: z.number().int() }),
  apiTier: apiTierSchema,
  /** The last error that decided the state, in words. */
  message: z.string().nullable(),
});
export type Status = z.infer<typeof statusSchema>;

export const playbookInfoSchema = z.object({
  playbook: playbookSchema,
  /** default: shipped with the extension; imported: from the options page; managed: enterprise policy. */
  source: z.enum(['default', 'imported', 'managed']),
  importedAt: z.string().nullable(),
  /** The last import that was refused, with its errors (the active playbook stayed). */
  lastRejected: z.object({ at: z.string(), errors: z.array(fieldErrorSchema) }).nullable(),
  /**
   * The enterprise policy (storage.managed) sets a playbook that does not
   * validate: it is ignored (the rep's import or the default stays active)
   * and its errors are shown so the admin can fix the policy.
   */
  managedRejected: z.object({ errors: z.array(fieldErrorSchema) }).nullable(),
});
export type PlaybookInfo = z.infer<typeof playbookInfoSchema>;

export const playbookImportResultSchema = z.object({
  accepted: z.boolean(),
  errors: z.array(fieldErrorSchema),
  active: playbookInfoSchema,
});
export type PlaybookImportResult = z.infer<typeof playbookImportResultSchema>;

export const lintIssueSchema = z.looseObject({
  severity: z.enum(['error', 'warning', 'info']),
  path: z.string(),
  message: z.string(),
});
export const playbookLintResultSchema = z.object({
  portalId: z.number(),
  issues: z.array(lintIssueSchema),
});
export type PlaybookLintResult = z.infer<typeof playbookLintResultSchema>;

export const SCAN_STATES = ['idle', 'running', 'paused', 'done', 'cancelled', 'failed'] as const;
export const scanStatusSchema = z.looseObject({
  scanId: z.string().nullable(),
  state: z.enum(SCAN_STATES),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Records evaluated so far / in all (null until known). */
  processed: z.number().int(),
  total: z.number().int().nullable(),
  /** Result rows (violations and warnings) so far. */
  rows: z.number().int(),
  /** Paused by the rate limit until then; an alarm resumes the scan. */
  resumeAt: z.string().nullable(),
  error: appErrorSchema.nullable(),
});
export type ScanStatus = z.infer<typeof scanStatusSchema>;

export const scanStartSchema = scanStartFields();

export const scanResultsSchema = z.object({
  scanId: z.string(),
  total: z.number().int(),
  /** lib/admin/scan-rows.ts ScanRow objects. */
  rows: z.array(z.looseObject({ ruleId: z.string(), recordId: z.string() })),
});
export type ScanResults = z.infer<typeof scanResultsSchema>;

export { fieldErrorSchema };
