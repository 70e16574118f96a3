/**
 * Enterprise policy (storage.managed, schema in public/managed-schema.json).
 * Policy values win over the rep's own settings and are shown read-only.
 *
 * Reading is defensive: Firefox throws when no policy is installed, Chrome
 * answers {} — both mean "no policy". Values of the wrong type are ignored
 * one by one (a bad key never voids the others).
 */
import { browser } from 'wxt/browser';
import * as z from 'zod';
import { apiTierField, once } from '../messages/fields';
import type { ApiTier } from '../messages/schemas';

export interface ManagedPolicy {
  apiTier?: ApiTier;
  learnMode?: boolean;
  learnModeDays?: number;
  /** Playbook JSON text (validated like an import by the playbook service). */
  playbook?: string;
  allowedPortalIds?: number[];
}

const fields = once(() => ({
  apiTier: apiTierField(),
  learnMode: z.boolean(),
  learnModeDays: z.number().int().min(0).max(365),
  playbook: z.string().min(2),
  allowedPortalIds: z.array(z.number().int().positive()),
}));

export type ManagedArea = { get(keys?: null | string | string[]): Promise<Record<string, unknown>> };

export async function readManagedPolicy(area: ManagedArea | undefined = browser.storage?.managed): Promise<ManagedPolicy> {
  let raw: Record<string, unknown>;
  try {
    if (!area) return {};
    raw = (await area.get(null)) ?? {};
  } catch {
    return {};
  }
  const policy: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields())) {
    if (!(key in raw)) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) policy[key] = parsed.data;
  }
  return policy as ManagedPolicy;
}
