import { describe, expect, test, vi } from 'vitest';
import { appError } from '../../../lib/messages/errors';
import { PUSH_TAG } from '../../../lib/messages/protocol';
import type { PushHandler } from '../../../lib/messages/client';
import { DRAFT_DEBOUNCE_MS, OptionsController, bindActions } from '../../../lib/options/controller';
import { GOOD_TOKEN, NOW, defaultJson, fakeBackground, info, noToken, settings, status } from './fixtures';

/** A manual timer: tests decide when the debounced check runs. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  return {
    schedule: (fn: () => void, ms: number) => {
      const entry = { fn, ms, cancelled: false };
      pending.push(entry);
      return () => { entry.cancelled = true; };
    },
    flush: () => {
      for (const entry of pending.splice(0)) if (!entry.cancelled) entry.fn();
    },
    live: () => pending.filter((p) => !p.cancelled),
  };
}

async function started(init: Parameters<typeof fakeBackground>[0] = {}) {
  const bg = fakeBackground(init);
  const timers = manualTimers();
  let push: PushHandler | null = null;
  const download = vi.fn();
  const controller = new OptionsController({
    client: bg.client,
    now: () => NOW,
    schedule: timers.schedule,
    download,
    subscribe: (handler) => {
      push = handler;
      return () => { push = null; };
    },
  });
  await controller.start();
  return { bg, controller, timers, download, push: () => push, s: () => controller.getState() };
}

describe('options controller', () => {
  test('loads settings, status and the playbook', async () => {
    const { s, bg } = await started();
    expect(s().phase).toBe('ready');
    expect(s().status?.token).toBe('none');
    expect(s().settings?.apiTier).toBe(100);
    expect(s().playbook?.source).toBe('default');
    expect(bg.sent.map((m) => m.type).sort()).toEqual(['playbook.get', 'settings.get', 'status.get']);
  });

  test('a dead background is a failed load with the error, and reload tries again', async () => {
    const bg = fakeBackground();
    const controller = new OptionsController({ client: { send: async () => ({ ok: false, error: appError('unavailable', 'no answer') }) } });
    await controller.start();
    expect(controller.getState().phase).toBe('failed');
    expect(controller.getState().loadError?.code).toBe('unavailable');
    const retry = new OptionsController({ client: bg.client });
    await retry.reload();
    expect(retry.getState().phase).toBe('ready');
  });

  test('a wrong token is refused with its error, nothing saved; the right one shows the portal', async () => {
    const { controller, s, bg } = await started();
    expect(await controller.saveToken('pat-na1-wrong-token')).toBe(false);
    expect(s().token.error?.code).toBe('invalid-token');
    expect(s().status?.token).toBe('none');
    expect(await controller.saveToken(`  ${GOOD_TOKEN}\n`)).toBe(true);
    expect(bg.sent.filter((m) => m.type === 'token.set').at(-1)).toEqual({ type: 'token.set', token: GOOD_TOKEN });
    expect(s().status?.portalId).toBe(4471200);
    expect(s().token.error).toBeNull();
    expect(s().token.notice).toContain('4471200');
  });

  test('an obviously broken paste is caught before sending', async () => {
    const { controller, s, bg } = await started();
    expect(await controller.saveToken('pat na1')).toBe(false);
    expect(s().token.error?.code).toBe('validation');
    expect(s().token.error?.message).toContain('no spaces');
    expect(bg.sent.some((m) => m.type === 'token.set')).toBe(false);
  });

  test('verify again reloads the status when HubSpot refuses the stored token', async () => {
    const { controller, s, bg } = await started({ status: status() });
    bg.failNext('token.verify', appError('expired-token', 'expired'));
    bg.state.status = status({ token: 'expired' });
    await controller.verifyToken();
    expect(s().token.error?.code).toBe('expired-token');
    expect(s().status?.token).toBe('expired');
  });

  test('remove token clears the status and any lint report', async () => {
    const { controller, s } = await started({ status: status() });
    await controller.lint();
    expect(s().lint.report).not.toBeNull();
    await controller.removeToken();
    expect(s().status?.token).toBe('none');
    expect(s().lint.report).toBeNull();
  });

  test('status pushes update the page; dispose stops listening', async () => {
    const { controller, s, push } = await started();
    push()!({ tag: PUSH_TAG, event: 'status.changed', status: status({ token: 'rate-limited', retryAt: '2025-03-10T12:00:10.000Z' }) });
    expect(s().status?.token).toBe('rate-limited');
    controller.dispose();
    expect(push()).toBeNull();
  });

  test('API tier and learn mode go through settings.set', async () => {
    const { controller, s, bg } = await started();
    await controller.setApiTier(190);
    expect(bg.sent.at(-1)).toEqual({ type: 'settings.set', patch: { apiTier: 190 } });
    expect(s().settings?.apiTier).toBe(190);
    await controller.setLearnMode('off');
    expect(bg.sent.at(-1)).toEqual({ type: 'settings.set', patch: { learnMode: { enabled: false } } });
    await controller.setLearnMode('auto');
    expect(bg.sent.at(-1)).toEqual({ type: 'settings.set', patch: { learnMode: { enabled: null } } });
    await controller.setLearnDays(14);
    expect(s().settings?.learnMode.days).toBe(14);
    const count = bg.sent.length;
    await controller.setLearnDays(400);
    expect(s().learnMode.error?.message).toContain('0 to 365');
    expect(bg.sent.length).toBe(count);
  });

  test('a setting the policy fixes is refused by the background and the error shown', async () => {
    const { controller, s } = await started({ settings: settings({ managed: ['apiTier'] }) });
    await controller.setApiTier(250);
    expect(s().apiTier.error?.code).toBe('forbidden');
    expect(s().settings?.apiTier).toBe(100);
  });

  test('an invalid import lists each error by path and keeps the active playbook', async () => {
    const { controller, s, bg } = await started();
    const broken = JSON.parse(defaultJson) as { name?: string; rules: Array<{ kind: string }> };
    delete broken.name;
    broken.rules[0]!.kind = 'gat';
    expect(await controller.importPlaybook('broken.json', JSON.stringify(broken))).toBe(false);
    const rejected = s().playbookOp.rejected!;
    expect(rejected.fileName).toBe('broken.json');
    expect(rejected.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['name', 'rules[0].kind']));
    expect(s().playbook?.source).toBe('default');
    expect(bg.state.info.source).toBe('default');
  });

  test('a valid import becomes active; export downloads it; reset goes back to the default', async () => {
    const { controller, s, download } = await started();
    const edited = defaultJson.replace(/"version": "[^"]+"/, '"version": "2.0.0"');
    expect(await controller.importPlaybook('mine.json', edited)).toBe(true);
    expect(s().playbook?.source).toBe('imported');
    expect(s().playbookOp.notice).toContain('version 2.0.0');
    await controller.exportPlaybook();
    expect(download).toHaveBeenCalledWith('health-prime-default-2.0.0.playbook.json', expect.stringContaining('"version": "2.0.0"'));
    controller.askReset();
    expect(s().playbookOp.confirmingReset).toBe(true);
    controller.cancelReset();
    expect(s().playbookOp.confirmingReset).toBe(false);
    await controller.resetPlaybook();
    expect(s().playbook?.source).toBe('default');
  });

  test('empty and oversized files are refused without a round trip', async () => {
    const { controller, s, bg } = await started();
    await controller.importPlaybook('empty.json', ' ');
    expect(s().playbookOp.rejected?.errors[0]?.message).toBe('The file is empty.');
    await controller.importPlaybook('huge.json', 'x'.repeat(5_000_001));
    expect(s().playbookOp.error?.message).toContain('too large');
    expect(bg.sent.some((m) => m.type === 'playbook.import')).toBe(false);
  });

  test('editing validates once typing pauses; Save sends only a valid draft', async () => {
    const { controller, s, timers, bg } = await started();
    await controller.openEditor();
    expect(s().editor.open).toBe(true);
    expect(s().editor.check?.ok).toBe(true);
    controller.editDraft(defaultJson.replace('"kind": "gate"', '"kind": "gat"'));
    controller.editDraft(defaultJson.replace('"kind": "gate"', '"kind": "gatx"'));
    expect(s().editor.pending).toBe(true);
    expect(timers.live()).toHaveLength(1);
    expect(timers.live()[0]!.ms).toBe(DRAFT_DEBOUNCE_MS);
    timers.flush();
    const check = s().editor.check!;
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.errors[0]!.message).toContain('"gatx"');
    expect(await controller.saveDraft()).toBe(false);
    expect(bg.sent.some((m) => m.type === 'playbook.import')).toBe(false);

    controller.editDraft(defaultJson.replace(/"version": "[^"]+"/, '"version": "3.0.0"'));
    expect(await controller.saveDraft()).toBe(true);
    expect(s().editor.open).toBe(false);
    expect(s().playbook?.playbook.version).toBe('3.0.0');
  });

  test('closing the editor drops the draft and its pending check', async () => {
    const { controller, s, timers } = await started();
    await controller.openEditor();
    controller.editDraft('{');
    controller.closeEditor();
    expect(timers.live()).toHaveLength(0);
    expect(s().editor).toMatchObject({ open: false, text: '', dirty: false });
  });

  test('lint without a token says so without asking the background', async () => {
    const { controller, s, bg } = await started({ status: noToken() });
    await controller.lint();
    expect(s().lint.error?.code).toBe('no-token');
    expect(bg.sent.some((m) => m.type === 'playbook.lint')).toBe(false);
  });

  test('lint reports the active playbook or the draft, grouped by severity', async () => {
    const { controller, s, bg } = await started({ status: status() });
    await controller.lint();
    expect(s().lint.report?.clean).toBe(true);
    expect(s().lint.subject).toBe('active');
    expect(s().lint.notice).toBe('No problems found.');

    bg.lintIssues = [{ severity: 'error', path: 'pipelines[0].stages[4]', message: 'no stage labelled "Closed - Won"', fix: 'Use "Closed – Won".' }];
    await controller.openEditor();
    controller.editDraft(defaultJson.replaceAll('"Closed – Won"', '"Closed - Won"'));
    await controller.lint('draft');
    expect(bg.sent.at(-1)).toMatchObject({ type: 'playbook.lint', json: expect.stringContaining('"Closed - Won"') });
    expect(s().lint.subject).toBe('draft');
    expect(s().lint.report?.groups[0]?.problems[0]?.fix).toBe('Use "Closed – Won".');
    expect(s().lint.notice).toBe('Found 1 error and 0 warnings.');
  });

  test('bound actions keep their controller', async () => {
    const { controller, s } = await started();
    const actions = bindActions(controller);
    actions.askReset();
    expect(s().playbookOp.confirmingReset).toBe(true);
  });

  test('a managed playbook cannot be replaced (the background refuses, the page shows it)', async () => {
    const { controller, s } = await started({ info: info(undefined, { source: 'managed' }), settings: settings({ managed: ['playbook'] }) });
    await controller.importPlaybook('x.json', defaultJson);
    expect(s().playbookOp.error?.code).toBe('forbidden');
    expect(s().playbook?.source).toBe('managed');
  });
});
