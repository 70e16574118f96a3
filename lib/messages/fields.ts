/**
 * The small field schemas requests are made of, built on first use: the
 * background imports these and should not construct schemas while the
 * service worker starts (zod schema construction is the bulk of its
 * evaluation time). lib/messages/schemas.ts re-exports them as values.
 */
import * as z from 'zod';

/** Memoized builder. */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

export const API_TIERS = [100, 190, 250] as const;
export const SIDEBAR_WIDTH = { min: 280, max: 640, default: 360 } as const;

/** HubSpot portal ids are positive integers. */
export const portalIdField = once(() => z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

export const recordRefField = once(() =>
  z.strictObject({
    /** `0-3`, `2-9000101`… */
    objectTypeId: z.string().regex(/^\d{1,3}-\d{1,12}$/, 'objectTypeId must look like 0-3 or 2-123456'),
    id: z.string().regex(/^[1-9]\d{0,19}$/, 'record id must be a positive integer'),
  }),
);

/** CRM property internal names: letters, digits, underscores (HubSpot's rule). */
export const propertyNameField = once(() => z.string().regex(/^[a-z0-9_]{1,100}$/i, 'not a HubSpot property name'));

/** HubSpot wire values are strings (multi-select joined with `;`). */
export const propertyValueField = once(() => z.string().max(65_536));

export const apiTierField = once(() => z.union([z.literal(100), z.literal(190), z.literal(250)]));

export const settingsPatchField = once(() =>
  z.strictObject({
    apiTier: apiTierField().optional(),
    learnMode: z
      .strictObject({ enabled: z.boolean().nullable().optional(), days: z.number().int().min(0).max(365).optional() })
      .optional(),
    sidebar: z
      .strictObject({
        collapsed: z.boolean().optional(),
        width: z.number().int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max).optional(),
      })
      .optional(),
  }),
);

export const scanStartFields = once(() => ({
  /** Playbook object aliases to scan (empty/absent = every governed object). */
  objects: z.array(z.string().min(1).max(100)).max(50).optional(),
  /** Only these rule ids (absent = all). */
  ruleIds: z.array(z.string().min(1).max(100)).max(500).optional(),
  /** Stop after this many records. */
  limit: z.number().int().positive().max(1_000_000).optional(),
  /** Anything else the scan runner understands; it validates these itself. */
  options: z.record(z.string(), z.unknown()).optional(),
}));
