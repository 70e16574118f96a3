/**
 * Connects the background service to the browser. Listeners are registered
 * synchronously on the worker's first turn (MV3 delivers the waking event
 * only to listeners present then); they wait for the service, which opens
 * IndexedDB, restores the limiter and resumes the outbox.
 *
 * Messages are answered with `sendResponse` + `return true` (works with the
 * webextension polyfill, Chrome and Firefox alike).
 */
import { browser } from 'wxt/browser';
import { detach, toAppError } from './errors';
import { openAppDb } from './db';
import { defaultEngine } from './default-engine';
import { BackgroundService } from './service';
import type { PushMessage } from '../messages/protocol';
import { recordInstall } from '../storage/settings';
import { createScanRunner } from '../admin/scan-runner';

const SETTING_KEYS = ['apiTier', 'playbook', 'learnMode'];

export function installBackground(api: typeof browser = browser): Promise<BackgroundService> {
  const ready = (async () => {
    const db = await openAppDb();
    const service = new BackgroundService({
      db,
      engine: defaultEngine,
      fetch: (input, init) => fetch(input, init),
      extensionId: api.runtime.id,
      extensionBase: api.runtime.getURL('/'),
      push: {
        toTab: async (tabId, frameId, message: PushMessage) => {
          await api.tabs.sendMessage(tabId, message, frameId !== null ? { frameId } : undefined);
        },
        toPages: async (message: PushMessage) => {
          await api.runtime.sendMessage(message);
        },
      },
      openOptionsPage: () => api.runtime.openOptionsPage(),
      alarms: {
        set: (name, at) => {
          if (at === null) void api.alarms.clear(name);
          else void api.alarms.create(name, { when: at });
        },
      },
    });
    // The compliance scan (lib/admin/scan-runner.ts) answers scan.* messages; registered before
    // start() so a scan under way resumes.
    service.registerScanRunner(createScanRunner);
    await service.start();
    return service;
  })();
  ready.catch((err: unknown) => console.error('[sop-sidebar] background failed to start', err));

  api.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (response: unknown) => void) => {
    ready
      .then((service) => service.router.handle(message, sender))
      .catch((err: unknown) => ({ ok: false, error: toAppError(err) }))
      .then(sendResponse);
    return true;
  });
  api.alarms.onAlarm.addListener((alarm) => {
    detach(ready.then((service) => service.onAlarm(alarm.name)), 'alarm');
  });
  api.runtime.onInstalled.addListener(() => {
    void recordInstall();
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && Object.keys(changes).some((k) => SETTING_KEYS.includes(k)))) {
      detach(ready.then((service) => service.settingsChanged()), 'settings change');
    }
  });
  api.tabs.onRemoved.addListener((tabId) => {
    detach(ready.then((service) => service.pusher.forget(tabId)), 'tab cleanup');
  });
  return ready;
}
