import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { apiTierItem, learnModeItem, sidebarUiItem } from '../../../lib/storage/items';
import { readManagedPolicy } from '../../../lib/storage/managed';
import { readSettings, recordInstall, writeSettings } from '../../../lib/storage/settings';
import { AppErrorException } from '../../../lib/messages/errors';

const NOW = Date.parse('2025-03-03T15:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const noPolicy = async () => ({});

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings', () => {
  it('defaults: tier 100, automatic learn mode, sidebar open at 360 px', async () => {
    const s = await readSettings({ managed: noPolicy, now: () => NOW });
    expect(s).toMatchObject({ apiTier: 100, sidebar: { collapsed: false, width: 360 }, allowedPortalIds: null, managed: [] });
    expect(s.learnMode).toMatchObject({ enabled: null, days: 30, active: true });
  });

  it('learn mode is on for the configured days after install, then off unless switched on', async () => {
    await recordInstall(NOW);
    await recordInstall(NOW + 5 * DAY); // only the first install counts
    expect((await learnModeItem.getValue()).installedAt).toBe(new Date(NOW).toISOString());
    expect((await readSettings({ managed: noPolicy, now: () => NOW + 29 * DAY })).learnMode.active).toBe(true);
    expect((await readSettings({ managed: noPolicy, now: () => NOW + 31 * DAY })).learnMode.active).toBe(false);
    await writeSettings({ learnMode: { days: 60 } }, 'page', { managed: noPolicy });
    expect((await readSettings({ managed: noPolicy, now: () => NOW + 31 * DAY })).learnMode.active).toBe(true);
    await writeSettings({ learnMode: { enabled: false } }, 'content', { managed: noPolicy });
    expect((await readSettings({ managed: noPolicy, now: () => NOW })).learnMode.active).toBe(false);
  });

  it('policy values win and cannot be changed', async () => {
    await apiTierItem.setValue(250);
    const managed = async () => ({ apiTier: 190 as const, learnMode: true, allowedPortalIds: [42] });
    const s = await readSettings({ managed, now: () => NOW });
    expect(s.apiTier).toBe(190);
    expect(s.learnMode.active).toBe(true);
    expect(s.allowedPortalIds).toEqual([42]);
    expect(s.managed).toEqual(['apiTier', 'learnMode.enabled', 'allowedPortalIds']);
    const err = await writeSettings({ apiTier: 100 }, 'page', { managed }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppErrorException);
    expect((err as AppErrorException).error.code).toBe('forbidden');
    expect(await apiTierItem.getValue()).toBe(250);
  });

  it('the sidebar may change only its UI state and the learn-mode switch', async () => {
    const s = await writeSettings({ sidebar: { collapsed: true, width: 400 } }, 'content', { managed: noPolicy });
    expect(s.sidebar).toEqual({ collapsed: true, width: 400 });
    expect(await sidebarUiItem.getValue()).toEqual({ collapsed: true, width: 400 });
    const err = await writeSettings({ apiTier: 250 }, 'content', { managed: noPolicy }).catch((e: unknown) => e);
    expect((err as AppErrorException).error.code).toBe('forbidden');
    expect(await apiTierItem.getValue()).toBe(100);
  });
});

describe('managed policy', () => {
  it('reads valid keys and ignores invalid ones one by one', async () => {
    await fakeBrowser.storage.managed.set({ apiTier: 190, learnModeDays: 'ten', allowedPortalIds: [1, 2], unknown: 1 });
    expect(await readManagedPolicy()).toEqual({ apiTier: 190, allowedPortalIds: [1, 2] });
    expect(await readManagedPolicy({ get: async () => ({ apiTier: 120, playbook: '{"x":1}' }) })).toEqual({ playbook: '{"x":1}' });
  });

  it('treats a throwing managed area (Firefox without policy) as no policy', async () => {
    const firefox = {
      get: async () => {
        throw new Error('Managed storage manifest not found');
      },
    };
    expect(await readManagedPolicy(firefox)).toEqual({});
    expect(await readManagedPolicy(undefined)).toEqual({});
  });
});
