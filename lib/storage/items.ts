/**
 * The extension's settings as WXT storage items (storage.local). None of them
 * is secret: content scripts may read them (the sidebar reads its UI state
 * directly). The HubSpot token is NOT here (see ./token.ts).
 *
 * Enterprise policy (storage.managed, ./managed.ts) wins over these values;
 * lib/storage/settings.ts combines both.
 */
import { storage } from 'wxt/utils/storage';
import type { FieldError } from '../messages/errors';
import type { ApiTier } from '../messages/schemas';
import { SIDEBAR_WIDTH } from '../messages/fields';
import type { Playbook } from '../playbook/types';

/** Free/Starter: the safe default until the admin says otherwise. */
export const DEFAULT_API_TIER: ApiTier = 100;
/** Learn mode is on by default for this many days after install (new hires' first weeks). */
export const DEFAULT_LEARN_MODE_DAYS = 30;

export const apiTierItem = storage.defineItem<ApiTier>('local:apiTier', { fallback: DEFAULT_API_TIER, version: 1 });

export interface LearnModeSetting {
  /** Explicit on/off; null = automatic (on during the first `days` days after install). */
  enabled: boolean | null;
  /** ISO datetime the extension was installed (set by the background on install). */
  installedAt: string | null;
  days: number;
}

export const learnModeItem = storage.defineItem<LearnModeSetting>('local:learnMode', {
  fallback: { enabled: null, installedAt: null, days: DEFAULT_LEARN_MODE_DAYS },
  version: 1,
});

export interface SidebarUiState {
  collapsed: boolean;
  /** CSS pixels, SIDEBAR_WIDTH.min..max. */
  width: number;
}

export const sidebarUiItem = storage.defineItem<SidebarUiState>('local:sidebarUi', {
  fallback: { collapsed: false, width: SIDEBAR_WIDTH.default },
  version: 1,
});

export interface StoredPlaybookVersion {
  playbook: Playbook;
  importedAt: string;
}

export interface StoredPlaybook {
  /** The imported playbook in use (null: the shipped default). */
  active: StoredPlaybookVersion | null;
  /**
   * The previously active valid import. Used when `active` no longer passes
   * validation (e.g. after an extension update tightened the schema).
   */
  lastValid: StoredPlaybookVersion | null;
  /** The last refused import and why (the active one stayed). */
  lastRejected: { at: string; errors: FieldError[] } | null;
}

export const playbookItem = storage.defineItem<StoredPlaybook>('local:playbook', {
  fallback: { active: null, lastValid: null, lastRejected: null },
  version: 1,
});
