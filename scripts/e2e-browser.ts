/**
 * Launching real Chromium with the BUILT, UNMODIFIED extension against the
 * local sandbox. Shared by the e2e harness (test/e2e/harness.ts) and the demo
 * (scripts/demo.ts). The three HubSpot hosts resolve to one local HTTPS
 * sandbox through --host-resolver-rules, so the production manifest
 * (host_permissions https://api.hubapi.com/*, content script on
 * app.hubspot.com / app-eu1.hubspot.com) is what runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { EXTENSION_ID } from '../lib/extension-key';
import type { Request, Response, ResponseData } from '../lib/messages/protocol';

export const HUBSPOT_HOSTS = ['app.hubspot.com', 'app-eu1.hubspot.com', 'api.hubapi.com'] as const;
export type AppHost = 'app.hubspot.com' | 'app-eu1.hubspot.com';

export const INSTALL_HINT = 'Install it with `apt-get install -y chromium` (Debian) or run `bash scripts/bootstrap.sh`.';

/** What `npm run build` makes. */
export const BUILD_DIR = resolve(import.meta.dirname, '../.output/chrome-mv3');

/**
 * The unpacked MV3 build the harness and the demo load: the project build, or
 * $SOP_E2E_EXTENSION_DIR (a copy built elsewhere, e.g. while the shared
 * .output is being rebuilt).
 */
export const DEFAULT_EXTENSION_DIR = process.env.SOP_E2E_EXTENSION_DIR ? resolve(process.env.SOP_E2E_EXTENSION_DIR) : BUILD_DIR;

/**
 * The Chromium binary: $CHROMIUM_PATH, else Debian's /usr/bin/chromium.
 * Branded Google Chrome (137+) ignores --load-extension, so it is not a fallback.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist. ${INSTALL_HINT}`);
    return fromEnv;
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`Chromium is not installed (looked for /usr/bin/chromium). ${INSTALL_HINT}`);
}

/** Fails with a clear message unless the extension was built (`npx wxt build`). */
export function assertBuiltExtension(dir = DEFAULT_EXTENSION_DIR): void {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No built extension at ${dir}. Run \`npm run build\` (or \`npx wxt build\`) first.`);
  }
  const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { manifest_version?: number };
  if (parsed.manifest_version !== 3) throw new Error(`${manifest} is not an MV3 (Chrome) build.`);
}

export interface ChromiumArgsOptions {
  /** Port of the local HTTPS sandbox that serves all three hosts. */
  port: number;
  extensionDir: string;
  headless: boolean;
}

export function chromiumArgs({ port, extensionDir, headless }: ChromiumArgsOptions): string[] {
  const rules = [...HUBSPOT_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'EXCLUDE localhost'].join(', ');
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${rules}`,
    // The sandbox's certificate is self-signed, made at start for the three hosts.
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // Playwright's `--headless` is Chromium's new headless mode, which runs extensions.
    ...(headless ? [] : ['--start-maximized']),
  ];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  port: number;
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  const extensionDir = options.extensionDir ?? DEFAULT_EXTENSION_DIR;
  assertBuiltExtension(extensionDir);
  const headless = options.headless ?? true;
  const userDataDir = mkdtempSync(join(tmpdir(), 'sop-sidebar-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      // Playwright passes --disable-extensions by default, which would win over --load-extension.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: chromiumArgs({ port: options.port, extensionDir, headless }),
      viewport: options.viewport === undefined ? { width: 1440, height: 900 } : options.viewport,
      ignoreHTTPSErrors: true,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`Chromium (${executablePath}) failed to start: ${(error as Error).message}`, { cause: error });
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    if (extensionId !== EXTENSION_ID) {
      throw new Error(`Loaded extension id ${extensionId}, expected ${EXTENSION_ID} (lib/extension-key.ts): is the manifest key missing from the build?`);
    }
    return { context, extensionId, serviceWorker, userDataDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Through --host-resolver-rules the real host name on the default port reaches the sandbox. */
export function appUrl(host: AppHost, path: string): string {
  return `https://${host}${path}`;
}

export function recordPath(portalId: number, objectTypeId: string, id: string): string {
  return `/contacts/${portalId}/record/${objectTypeId}/${id}`;
}

export function listPath(portalId: number, objectTypeId: string): string {
  return `/contacts/${portalId}/objects/${objectTypeId}/views/all/list`;
}

/** Opens an extension page (options.html when the build has one) and returns it. */
export async function openExtensionPage(context: BrowserContext, extensionId: string, extensionDir = DEFAULT_EXTENSION_DIR): Promise<Page> {
  const candidates = ['options.html', 'popup.html', 'admin.html'];
  const file = candidates.find((name) => existsSync(join(extensionDir, name)));
  if (!file) throw new Error(`The build at ${extensionDir} has no extension page (${candidates.join(', ')}) to send privileged messages from.`);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${file}`);
  return page;
}

/**
 * Sends protocol requests from an extension page, which the background treats
 * as a privileged sender (token.set, playbook.*, scan.*). The page is opened
 * on first use and reused.
 */
export interface ExtensionMessenger {
  send(message: Request): Promise<unknown>;
  /** `token.set`; resolves to the background's status, throws with its error otherwise. */
  setToken(token: string): Promise<ResponseData<'token.set'>>;
}

export function extensionMessenger(context: BrowserContext, extensionId: string, extensionDir = DEFAULT_EXTENSION_DIR): ExtensionMessenger {
  let page: Page | undefined;
  const send = async (message: Request): Promise<unknown> => {
    if (!page || page.isClosed()) page = await openExtensionPage(context, extensionId, extensionDir);
    return page.evaluate((msg) => {
      // Runs in the extension page, where `chrome.runtime` exists.
      const { chrome } = globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } };
      return chrome.runtime.sendMessage(msg);
    }, message);
  };
  return {
    send,
    async setToken(token) {
      const reply = (await send({ type: 'token.set', token })) as Response<'token.set'> | undefined;
      if (!reply?.ok) throw new Error(`token.set failed: ${JSON.stringify(reply ?? 'no answer from the background')}`);
      return reply.data;
    },
  };
}
