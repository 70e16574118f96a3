/**
 * `npm run demo`: the real extension against the local sandbox in Chromium.
 *
 * Builds the extension (`npx wxt build`; skip with --no-build), starts the
 * HTTPS sandbox (app.hubspot.com, app-eu1.hubspot.com and api.hubapi.com
 * all resolve to it inside the browser), launches Chromium with the built
 * extension, saves the sandbox token in it and opens a deal record.
 * $SOP_E2E_EXTENSION_DIR loads another unpacked build instead (no build step).
 *
 * - With a display (DISPLAY set): a visible window that stays open until Ctrl-C.
 * - Without one (or with --headless): screenshots of each record view and the
 *   options page into demo-screenshots/, then exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { makeCertificate, startSandbox, type Sandbox } from '../sandbox/index';
import {
  appUrl, DEFAULT_EXTENSION_DIR, extensionMessenger, findChromium, launchWithExtension, recordPath,
  type LaunchedBrowser,
} from './e2e-browser';
import { sampleRecords } from './e2e-records';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'demo-screenshots');
const TOKEN = 'demo-sandbox-token';
const args = new Set(process.argv.slice(2));

function fail(message: string): never {
  console.error(`\ndemo: ${message}`);
  process.exit(1);
}

async function waitForSidebar(page: Page, record: string): Promise<string> {
  const root = page.locator('sop-sidebar').locator('[data-sop-root]');
  try {
    await page.locator('sop-sidebar').locator(`[data-record="${record}"]:is([data-state="ready"], [data-state="error"])`).waitFor({ state: 'attached', timeout: 20_000 });
    return (await root.getAttribute('data-state')) ?? 'unknown';
  } catch {
    return (await root.count()) ? `${await root.getAttribute('data-state')} (timed out)` : 'not mounted';
  }
}

async function main(): Promise<void> {
  try {
    findChromium();
  } catch (error) {
    fail((error as Error).message);
  }

  if (process.env.SOP_E2E_EXTENSION_DIR) {
    console.log(`Using the build at ${DEFAULT_EXTENSION_DIR} ($SOP_E2E_EXTENSION_DIR); not building.`);
  } else if (!args.has('--no-build')) {
    console.log('Building the extension (npx wxt build)…');
    const build = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) fail('The extension build failed (see above).');
  }
  if (!existsSync(join(DEFAULT_EXTENSION_DIR, 'manifest.json'))) {
    fail(`There is no extension build in ${DEFAULT_EXTENSION_DIR}. Run without --no-build.`);
  }

  const headless = args.has('--headless') || !process.env.DISPLAY;
  let sandbox: Sandbox | undefined;
  let browser: LaunchedBrowser | undefined;
  const shutdown = async () => {
    await browser?.close();
    await sandbox?.close();
  };

  try {
    sandbox = await startSandbox({ port: 0, https: makeCertificate([]), token: TOKEN });
    const portalId = sandbox.state.account.portalId;
    console.log(`\nSandbox (HubSpot API + app pages): ${sandbox.url}`);
    console.log(`  in the browser as https://app.hubspot.com, https://app-eu1.hubspot.com and https://api.hubapi.com`);
    console.log(`  portal ${portalId}, token: ${TOKEN}`);

    browser = await launchWithExtension({ port: sandbox.port, headless, viewport: headless ? { width: 1440, height: 900 } : null });
    const { context, extensionId } = browser;
    console.log(`Chromium ${headless ? '(headless)' : '(window)'} with SOP Sidebar ${extensionId}`);

    try {
      const status = await extensionMessenger(context, extensionId).setToken(TOKEN);
      console.log(`Token saved in the extension (${JSON.stringify(status).slice(0, 160)})`);
    } catch (error) {
      // Keep going: the sidebar then shows its no-token state, which is worth seeing too.
      console.warn(`WARNING: could not save the token in the extension: ${(error as Error).message}`);
    }

    const records = sampleRecords(sandbox.state);
    if (records.length === 0) fail('The sandbox portal has no records to show.');

    if (!headless) {
      const page = context.pages().find((p) => p.url() === 'about:blank') ?? (await context.newPage());
      const deal = records[0]!;
      await page.goto(appUrl('app.hubspot.com', recordPath(portalId, deal.objectTypeId, deal.id)));
      await page.bringToFront();
      console.log(`\nOpened ${page.url()}`);
      console.log('Other records:');
      for (const r of records.slice(1)) console.log(`  ${r.name}: ${appUrl('app.hubspot.com', recordPath(portalId, r.objectTypeId, r.id))}`);
      console.log(`  index: https://app.hubspot.com/`);
      console.log('\nThe window stays open. Press Ctrl-C to stop.');
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
        context.once('close', () => done());
      });
      return;
    }

    mkdirSync(OUT_DIR, { recursive: true });
    const page = await context.newPage();
    const written: string[] = [];
    for (const [index, r] of records.entries()) {
      await page.goto(appUrl('app.hubspot.com', recordPath(portalId, r.objectTypeId, r.id)), { waitUntil: 'load' });
      const state = await waitForSidebar(page, `${r.objectTypeId}/${r.id}`);
      // Let the panel's last paint settle before the picture.
      await page.waitForTimeout(300);
      const file = join(OUT_DIR, `${index + 1}-${r.name}.png`);
      await page.screenshot({ path: file });
      written.push(file);
      console.log(`  ${r.name} ${r.objectTypeId}/${r.id}: sidebar ${state}`);
    }
    if (existsSync(join(DEFAULT_EXTENSION_DIR, 'options.html'))) {
      await page.goto(`chrome-extension://${extensionId}/options.html`, { waitUntil: 'load' });
      await page.waitForTimeout(500);
      const file = join(OUT_DIR, `${records.length + 1}-options.png`);
      await page.screenshot({ path: file });
      written.push(file);
    } else {
      console.log('  (no options page in this build)');
    }
    console.log(`\nScreenshots in ${relative(process.cwd(), OUT_DIR) || OUT_DIR}/:`);
    for (const f of written) console.log(`  ${relative(process.cwd(), f)}`);
  } finally {
    await shutdown();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail(error instanceof Error ? error.message : String(error)),
);
