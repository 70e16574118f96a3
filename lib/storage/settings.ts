/**
 * Effective settings = storage.local items overridden by enterprise policy.
 * `settings.get` / `settings.set` messages go through here; the sidebar may
 * change only its own UI state and the learn-mode switch, pages the rest
 * (never a value the policy fixes).
 */
import { AppErrorException, appError } from '../messages/errors';
import type { Settings, SettingsPatch } from '../messages/schemas';
import { apiTierItem, learnModeItem, sidebarUiItem } from './items';
import { readManagedPolicy, type ManagedPolicy } from './managed';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SettingsDeps {
  managed?: () => Promise<ManagedPolicy>;
  now?: () => number;
}

/** Which settings keys the policy fixes (dotted paths, as the options page shows them). */
export function managedKeys(policy: ManagedPolicy): string[] {
  const keys: string[] = [];
  if (policy.apiTier !== undefined) keys.push('apiTier');
  if (policy.learnMode !== undefined) keys.push('learnMode.enabled');
  if (policy.learnModeDays !== undefined) keys.push('learnMode.days');
  if (policy.playbook !== undefined) keys.push('playbook');
  if (policy.allowedPortalIds !== undefined) keys.push('allowedPortalIds');
  return keys;
}

export async function readSettings(deps: SettingsDeps = {}): Promise<Settings> {
  const policy = await (deps.managed ?? readManagedPolicy)();
  const now = (deps.now ?? Date.now)();
  const [tier, learn, ui] = await Promise.all([apiTierItem.getValue(), learnModeItem.getValue(), sidebarUiItem.getValue()]);
  const enabled = policy.learnMode ?? learn.enabled;
  const days = policy.learnModeDays ?? learn.days;
  const installedAt = learn.installedAt ?? new Date(now).toISOString();
  const withinDays = now < Date.parse(installedAt) + days * DAY_MS;
  return {
    apiTier: policy.apiTier ?? tier,
    learnMode: { enabled, installedAt, days, active: enabled ?? withinDays },
    sidebar: { collapsed: ui.collapsed, width: ui.width },
    allowedPortalIds: policy.allowedPortalIds ?? null,
    managed: managedKeys(policy),
  };
}

/** Keys a content script (the sidebar) may change. */
const CONTENT_KEYS = new Set(['sidebar.collapsed', 'sidebar.width', 'learnMode.enabled']);

function patchKeys(patch: SettingsPatch): string[] {
  const keys: string[] = [];
  if (patch.apiTier !== undefined) keys.push('apiTier');
  for (const [group, value] of [['learnMode', patch.learnMode], ['sidebar', patch.sidebar]] as const) {
    for (const [k, v] of Object.entries(value ?? {})) if (v !== undefined) keys.push(`${group}.${k}`);
  }
  return keys;
}

export async function writeSettings(patch: SettingsPatch, from: 'page' | 'content', deps: SettingsDeps = {}): Promise<Settings> {
  const policy = await (deps.managed ?? readManagedPolicy)();
  const keys = patchKeys(patch);
  const locked = managedKeys(policy);
  const managed = keys.filter((k) => locked.includes(k));
  if (managed.length > 0) {
    throw new AppErrorException(appError('forbidden', `Set by your company's policy: ${managed.join(', ')}.`, {
      details: managed.map((path) => ({ path, message: 'managed by policy' })),
    }));
  }
  if (from === 'content') {
    const denied = keys.filter((k) => !CONTENT_KEYS.has(k));
    if (denied.length > 0) {
      throw new AppErrorException(appError('forbidden', `Only the options page can change ${denied.join(', ')}.`));
    }
  }
  if (patch.apiTier !== undefined) await apiTierItem.setValue(patch.apiTier);
  if (patch.learnMode) {
    const current = await learnModeItem.getValue();
    await learnModeItem.setValue({
      ...current,
      ...(patch.learnMode.enabled !== undefined ? { enabled: patch.learnMode.enabled } : {}),
      ...(patch.learnMode.days !== undefined ? { days: patch.learnMode.days } : {}),
    });
  }
  if (patch.sidebar) {
    const current = await sidebarUiItem.getValue();
    await sidebarUiItem.setValue({
      collapsed: patch.sidebar.collapsed ?? current.collapsed,
      width: patch.sidebar.width ?? current.width,
    });
  }
  return readSettings(deps);
}

/** On install: remember when, so automatic learn mode runs for the first N days. */
export async function recordInstall(now = Date.now()): Promise<void> {
  const current = await learnModeItem.getValue();
  if (!current.installedAt) await learnModeItem.setValue({ ...current, installedAt: new Date(now).toISOString() });
}
