/**
 * The options page in real Chromium, from the built extension, against the
 * sandbox portal (4471200): token errors and the verified portal, playbook
 * import (refused → nothing replaced), live validation while editing, and the
 * lint report against the live portal. The tests run in order on one page,
 * like an admin setting the extension up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR, startE2E, type E2E } from './harness';

const TOKEN = 'sandbox-token';

let e2e: E2E;
let page: Page;

/** Sets a big text at once (typing 80 KB key by key is slow) and fires the input event the page listens to. */
async function setText(selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

const alert = () => page.locator('[role="alert"][data-error-code]');

async function exportJson(): Promise<string> {
  const reply = (await e2e.sendFromExtensionPage({ type: 'playbook.export' })) as { ok: boolean; data: { json: string } };
  expect(reply.ok).toBe(true);
  return reply.data.json;
}

beforeAll(async () => {
  e2e = await startE2E({ token: TOKEN, viewport: { width: 1280, height: 900 } });
  page = await e2e.context.newPage();
  await page.goto(`chrome-extension://${e2e.extensionId}/options.html`);
  await page.locator('[data-testid="playbook-summary"]').waitFor({ timeout: 20_000 });
});

afterAll(async () => {
  await e2e?.close();
});

describe('options page', () => {
  it('starts without a token: every section, the default playbook, the scope guide', async () => {
    await expect.poll(() => page.locator('[data-testid="header-status"]').textContent()).toContain('Not connected');
    for (const name of ['HubSpot token', 'API limit', 'Learn mode', 'Playbook', 'Check against your portal']) {
      expect(await page.getByRole('heading', { level: 2, name }).count()).toBe(1);
    }
    const summary = page.locator('[data-testid="playbook-summary"]');
    expect(await summary.getAttribute('data-source')).toBe('default');
    expect(await summary.locator('[data-fact="Rules"]').textContent()).toContain('68 rules');
    expect(await page.locator('[data-testid="scope-table"] tbody tr').count()).toBeGreaterThan(5);
    // The API tier radio shows the saved tier.
    expect(await page.getByRole('radio', { checked: true }).first().isVisible()).toBe(true);
  });

  it('links to the compliance scan page, which links back', async () => {
    const link = page.getByTestId('admin-link');
    expect(await link.getAttribute('href')).toBe(`chrome-extension://${e2e.extensionId}/admin.html`);
    const admin = await e2e.context.newPage();
    try {
      await admin.goto((await link.getAttribute('href'))!);
      await admin.getByRole('heading', { level: 1, name: 'Compliance scan' }).waitFor({ timeout: 20_000 });
      expect(await admin.getByRole('link', { name: 'Options', exact: true }).getAttribute('href')).toBe(`chrome-extension://${e2e.extensionId}/options.html`);
    } finally {
      await admin.close();
    }
  });

  it('lint without a token says to save one first', async () => {
    await page.getByRole('button', { name: 'Check the active playbook' }).click();
    await expect.poll(() => alert().getAttribute('data-error-code')).toBe('no-token');
    expect(await alert().textContent()).toContain('No HubSpot token is saved.');
  });

  it('a wrong token gives a clear error and saves nothing', async () => {
    await page.getByLabel('Private app access token').fill('pat-na1-not-a-real-token');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    const error = page.locator('#token-error');
    await expect.poll(() => error.getAttribute('data-error-code'), { timeout: 20_000 }).toBe('invalid-token');
    const text = await error.textContent();
    expect(text).toContain('HubSpot did not accept this token.');
    expect(text).toContain('Nothing was saved.');
    expect(await page.locator('[data-testid="header-status"]').textContent()).toContain('Not connected');
  });

  it('the sandbox token shows the verified portal, and the token is never shown again', async () => {
    const input = page.getByLabel('Private app access token');
    await input.fill(TOKEN);
    // Masked until asked: Show reveals it, Hide masks it again.
    expect(await input.getAttribute('type')).toBe('password');
    await page.getByRole('button', { name: 'Show' }).click();
    expect(await page.locator('#token-input').getAttribute('type')).toBe('text');
    await page.getByRole('button', { name: 'Hide' }).click();
    await page.getByRole('button', { name: 'Verify and save' }).click();
    const details = page.locator('[data-testid="portal-details"]');
    await expect.poll(() => details.locator('[data-fact="Portal ID"]').textContent(), { timeout: 20_000 }).toBe('4471200');
    expect(await page.locator('.opt-portal').getAttribute('data-token-state')).toBe('ok');
    expect(await page.locator('[data-testid="header-status"]').textContent()).toContain('Connected');
    expect(await details.locator('[data-fact="Time zone"]').count()).toBe(1);
    // The account details the portal reports (/account-info/v3/details).
    expect(await details.locator('[data-fact="Currency"]').textContent()).toBe('USD');
    expect(await details.locator('[data-fact="Data hosting"]').textContent()).toBe('na1');
    expect(await page.locator('#token-input').inputValue()).toBe('');
    expect(await page.locator('body').innerText()).not.toContain(TOKEN);
    expect(await page.getByRole('status').filter({ hasText: 'Token verified and saved for portal 4471200' }).count()).toBe(1);

    // Verify again works from the stored token.
    await page.getByRole('button', { name: 'Verify again' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'HubSpot accepted the token again.' }).count(), { timeout: 20_000 }).toBe(1);
  });

  it('lint: the default playbook fits the sandbox portal with zero errors', async () => {
    await page.getByRole('button', { name: 'Check the active playbook' }).click();
    const report = page.locator('[data-testid="lint-report"]');
    await expect.poll(() => report.getAttribute('data-state'), { timeout: 30_000 }).toMatch(/clean|problems/);
    expect(await report.locator('[data-severity="error"]').count()).toBe(0);
    expect(await report.textContent()).toContain('against portal 4471200');
    expect(await report.textContent()).toContain('0 errors');
    // Full page from the top (the section list is sticky: it follows the scroll position).
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await e2e.screenshot(page, 'options');
  });

  it('importing an invalid playbook lists each path — message and keeps the active one', async () => {
    const before = await exportJson();
    const broken = JSON.parse(before) as { name?: string; rules: Array<{ kind: string }> };
    delete broken.name;
    broken.rules[0]!.kind = 'gat';
    await page.locator('[data-testid="playbook-file"]').setInputFiles({
      name: 'broken.playbook.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken, null, 2)),
    });
    const rejected = page.locator('[data-testid="import-rejected"]');
    await rejected.waitFor({ timeout: 20_000 });
    expect(await rejected.getAttribute('role')).toBe('alert');
    expect(await rejected.textContent()).toContain('broken.playbook.json was not imported');
    const paths = await rejected.locator('[data-path]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(paths).toContain('name');
    expect(paths).toContain('rules[0].kind');
    expect(await rejected.locator('[data-path="rules[0].kind"]').textContent()).toMatch(/rules\[0\]\.kind — expected one of .*gate/);
    // Nothing replaced: the page and the background still have the previous playbook.
    expect(await page.locator('[data-testid="playbook-summary"]').getAttribute('data-source')).toBe('default');
    expect(await exportJson()).toBe(before);
  });

  it('Export downloads the active playbook', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.playbook\.json$/);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(path, 'utf8')).toBe(await exportJson());
  });

  it('editing in place validates as you type: errors by path, Save off while invalid', async () => {
    await page.getByRole('button', { name: 'Edit in place' }).click();
    const area = page.getByLabel('Playbook JSON');
    await area.waitFor();
    const original = await area.inputValue();
    expect(JSON.parse(original)).toHaveProperty('rules');
    const status = page.locator('[data-testid="editor-status"]');
    const save = page.getByRole('button', { name: 'Save playbook' });

    await setText('#playbook-json', original.replace('"kind": "gate"', '"kind": "gat"'));
    await expect.poll(() => status.textContent()).toContain('1 problem');
    const errors = page.locator('[data-testid="playbook-editor"] [data-testid="field-errors"]');
    expect(await errors.locator('[data-path]').first().textContent()).toMatch(/^rules\[\d+\]\.kind — expected one of/);
    expect(await save.isDisabled()).toBe(true);

    // Real keystrokes: a stray character at the start breaks the JSON, Backspace mends it.
    await setText('#playbook-json', original);
    await expect.poll(() => status.getAttribute('data-valid')).toBe('true');
    await area.focus();
    await area.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(0, 0));
    await page.keyboard.type('x');
    await expect.poll(() => errors.textContent()).toMatch(/^\$ — Not valid JSON/);
    expect(await save.isDisabled()).toBe(true);
    await page.keyboard.press('Backspace');
    await expect.poll(() => status.getAttribute('data-valid')).toBe('true');

    // A JSON syntax error says where.
    await setText('#playbook-json', original.replace('"rules": [', '"rules" ['));
    await expect.poll(() => errors.textContent()).toMatch(/Not valid JSON: .*\(line \d+, column \d+\)/);
    expect(await save.isDisabled()).toBe(true);

    // Fixed and changed: valid, Save on; saving activates it.
    await setText('#playbook-json', original.replace(/"version": "([^"]+)"/, '"version": "9.9.9-e2e"'));
    await expect.poll(() => status.getAttribute('data-valid')).toBe('true');
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    const summary = page.locator('[data-testid="playbook-summary"]');
    await expect.poll(() => summary.getAttribute('data-source'), { timeout: 20_000 }).toBe('imported');
    expect(await summary.textContent()).toContain('version 9.9.9-e2e');
    expect(JSON.parse(await exportJson()).version).toBe('9.9.9-e2e');
  });

  it('lint: a broken stage label is reported with its path and the fix', async () => {
    await page.getByRole('button', { name: 'Edit in place' }).click();
    const area = page.getByLabel('Playbook JSON');
    const original = await area.inputValue();
    // A hyphen where the portal's stage label has an en dash: still a valid playbook, wrong for the portal.
    await setText('#playbook-json', original.replaceAll('"Closed – Won"', '"Closed - Won"'));
    await expect.poll(() => page.locator('[data-testid="editor-status"]').getAttribute('data-valid')).toBe('true');
    await page.getByRole('button', { name: 'Check draft against the portal' }).click();
    const report = page.locator('[data-testid="lint-report"]');
    await expect.poll(() => report.getAttribute('data-state'), { timeout: 30_000 }).toBe('problems');
    expect(await report.textContent()).toContain('The edited draft (not saved)');
    const problem = report.locator('[data-severity="error"] [data-path^="pipelines["]').first();
    expect(await problem.textContent()).toContain('no stage labelled "Closed - Won"');
    expect(await problem.textContent()).toContain('Fix: Use "Closed – Won"');
    await page.locator('#portal-check').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/options-lint-broken-label.png` });
    await page.getByRole('button', { name: 'Discard changes' }).click();
  });

  it('reset to default asks first, then restores the default playbook', async () => {
    await page.getByRole('button', { name: 'Reset to default…' }).click();
    await page.getByRole('group', { name: /Replace .* with the default playbook/ }).waitFor();
    await page.getByRole('button', { name: 'Reset to default', exact: true }).click();
    const summary = page.locator('[data-testid="playbook-summary"]');
    await expect.poll(() => summary.getAttribute('data-source'), { timeout: 20_000 }).toBe('default');
    expect(JSON.parse(await exportJson()).version).not.toBe('9.9.9-e2e');
  });

  it('API tier and learn mode are saved through settings.set', async () => {
    await page.getByRole('radio', { name: /Professional or Enterprise/ }).check();
    await expect.poll(async () => ((await e2e.sendFromExtensionPage({ type: 'settings.get' })) as { data: { apiTier: number } }).data.apiTier).toBe(190);
    await page.getByRole('radio', { name: /Always on/ }).check();
    await expect.poll(() => page.locator('[data-testid="learn-state"]').textContent()).toContain('switched on for this browser');
    await page.getByLabel('Learning period after install (days)').fill('21');
    await page.getByRole('button', { name: 'Save period' }).click();
    await expect.poll(async () => ((await e2e.sendFromExtensionPage({ type: 'settings.get' })) as { data: { learnMode: { days: number } } }).data.learnMode.days).toBe(21);
  });

  it('a token without a write scope: the refused write shows which features are off (pushed to the page)', async () => {
    await page.getByLabel('Replace with a new access token').fill('sandbox-readonly-token');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Token verified and saved' }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator('[data-feature="fix-properties"]').getAttribute('data-blocked')).toBe('false');
    // The sidebar's write, as HubSpot answers it for this token: 403 MISSING_SCOPES.
    const deal = e2e.sandbox.state.listObjects('0-3').find((o) => !o.archived)!;
    const reply = (await e2e.sendFromExtensionPage({
      type: 'property.update', portalId: e2e.portalId, ref: { objectTypeId: '0-3', id: deal.id },
      property: 'dealname', value: deal.properties['dealname'] ?? 'Deal',
    })) as { ok: boolean; error?: { code: string } };
    expect(reply.error?.code).toBe('missing-scopes');
    const row = page.locator('[data-feature="fix-properties"]');
    await expect.poll(() => row.getAttribute('data-blocked'), { timeout: 20_000 }).toBe('true');
    expect(await page.locator('[data-testid="blocked-features"]').textContent()).toContain('Fixing properties from the sidebar needs crm.objects.deals.write — missing');
    expect(await page.locator('[data-testid="header-status"]').textContent()).toContain('Missing scopes');
    expect(await page.locator('[data-feature="read-deals"]').getAttribute('data-blocked')).toBe('false');
    await page.locator('#token').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/options-missing-scope.png` });
  });

  it('had no console errors or CSP violations', () => {
    const problems = e2e.problems(page);
    // The refused token is the sandbox's 401, which Chromium logs for the background, not this page.
    expect(problems.errors).toEqual([]);
    expect(problems.cspViolations).toEqual([]);
  });
});
