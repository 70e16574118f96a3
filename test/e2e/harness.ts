/**
 * E2E harness: one local HTTPS sandbox serving app.hubspot.com,
 * app-eu1.hubspot.com and api.hubapi.com (pages + API), and real Chromium
 * running the built, unmodified extension (scripts/e2e-browser.ts).
 *
 *   const e2e = await startE2E();            // beforeAll
 *   await e2e.configureToken();               // privileged token.set from an extension page
 *   const page = await e2e.openRecord('0-3', '9001', { host: 'app-eu1.hubspot.com' });
 *   await expect.poll(() => e2e.sidebar(page).getAttribute('data-record')).toBe('0-3/9001');
 *   await e2e.close();                        // afterAll
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { makeCertificate, startSandbox, type Sandbox } from '../../sandbox/index';
import type { SeedData } from '../../sandbox/seed/types';
import type { Request, ResponseData } from '../../lib/messages/protocol';
import {
  appUrl, DEFAULT_EXTENSION_DIR, extensionMessenger, launchWithExtension, listPath, recordPath,
  type AppHost, type LaunchedBrowser,
} from '../../scripts/e2e-browser';

export type { AppHost } from '../../scripts/e2e-browser';

export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../test-results/screenshots');
export const DEFAULT_TOKEN = 'e2e-sandbox-token';

export interface PageProblems {
  /** console.error messages, uncaught page errors and dialogs, in order. */
  errors: string[];
  /** Content-Security-Policy violations reported on the console. */
  cspViolations: string[];
}

export interface E2E {
  sandbox: Sandbox;
  browser: LaunchedBrowser;
  context: BrowserContext;
  extensionId: string;
  portalId: number;
  token: string;
  /** Saves the token through the privileged `token.set` message from an extension page; resolves to the status. */
  configureToken(token?: string): Promise<ResponseData<'token.set'>>;
  /** Sends a protocol request from an extension page (a privileged sender) and returns the raw reply. */
  sendFromExtensionPage(message: Request): Promise<unknown>;
  openRecord(objectTypeId: string, id: string, options?: { host?: AppHost; page?: Page }): Promise<Page>;
  openList(objectTypeId: string, options?: { host?: AppHost; page?: Page }): Promise<Page>;
  openPath(path: string, options?: { host?: AppHost; page?: Page }): Promise<Page>;
  /** The sidebar's root inside the open shadow root of `<sop-sidebar>`. */
  sidebar(page: Page): Locator;
  /** Waits until the sidebar shows `record` (`{objectTypeId}/{id}`) and returns its root. */
  waitForSidebar(page: Page, record: string, options?: { state?: Array<'loading' | 'ready' | 'error'>; timeout?: number }): Promise<Locator>;
  problems(page: Page): PageProblems;
  /** Full-page PNG in test-results/screenshots/{name}.png; returns the path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions {
  seed?: SeedData;
  /**
   * The unpacked MV3 build to load; default .output/chrome-mv3 (what
   * `npm run build` makes) or $SOP_E2E_EXTENSION_DIR.
   */
  extensionDir?: string;
  token?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
}

export async function startE2E(options: StartOptions = {}): Promise<E2E> {
  const token = options.token ?? DEFAULT_TOKEN;
  const extensionDir = options.extensionDir ?? DEFAULT_EXTENSION_DIR;
  const sandbox = await startSandbox({ port: 0, https: makeCertificate([]), token, ...(options.seed ? { seed: options.seed } : {}) });
  let browser: LaunchedBrowser;
  try {
    browser = await launchWithExtension({
      port: sandbox.port,
      headless: options.headless ?? true,
      extensionDir,
      ...(options.viewport ? { viewport: options.viewport } : {}),
    });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const { context, extensionId } = browser;
  const portalId = sandbox.state.account.portalId;
  const problems = new WeakMap<Page, PageProblems>();

  const track = (page: Page): Page => {
    if (problems.has(page)) return page;
    const entry: PageProblems = { errors: [], cspViolations: [] };
    problems.set(page, entry);
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) entry.cspViolations.push(text);
      else if (msg.type() === 'error') entry.errors.push(text);
    });
    page.on('pageerror', (error) => entry.errors.push(`uncaught: ${error.message}`));
    // A dialog means injected script ran (the seed holds <script> names on purpose).
    page.on('dialog', (dialog) => {
      entry.errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    return page;
  };
  context.on('page', track);
  context.pages().forEach(track);

  const messenger = extensionMessenger(context, extensionId, extensionDir);

  const openPath = async (path: string, opts: { host?: AppHost; page?: Page } = {}): Promise<Page> => {
    const page = track(opts.page ?? (await context.newPage()));
    const response = await page.goto(appUrl(opts.host ?? 'app.hubspot.com', path), { waitUntil: 'domcontentloaded' });
    if (!response) throw new Error(`No response for ${path}`);
    return page;
  };

  const sidebar = (page: Page): Locator => page.locator('sop-sidebar').locator('[data-sop-root]');

  return {
    sandbox,
    browser,
    context,
    extensionId,
    portalId,
    token,
    configureToken: (value = token) => messenger.setToken(value),
    sendFromExtensionPage: (message) => messenger.send(message),
    openRecord: (objectTypeId, id, opts) => openPath(recordPath(portalId, objectTypeId, id), opts),
    openList: (objectTypeId, opts) => openPath(listPath(portalId, objectTypeId), opts),
    openPath,
    sidebar,
    waitForSidebar: async (page, record, opts = {}) => {
      const root = sidebar(page);
      const states = opts.state ?? ['loading', 'ready', 'error'];
      const selector = states.map((s) => `[data-record="${record}"][data-state="${s}"]`).join(', ');
      await page.locator('sop-sidebar').locator(selector).first().waitFor({ state: 'attached', timeout: opts.timeout ?? 20_000 });
      return root;
    },
    problems: (page) => problems.get(page) ?? { errors: [], cspViolations: [] },
    screenshot: async (page, name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    close: async () => {
      await browser.close();
      await sandbox.close();
    },
  };
}
