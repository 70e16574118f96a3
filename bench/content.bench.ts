/**
 * content.gzipBytes: what every HubSpot tab downloads and parses for the
 * sidebar — gzip (level 9) of the built content script plus its CSS
 * (.output/chrome-mv3/content-scripts/sidebar.{js,css}). Target ≤ 40 KB:
 * the engine and zod stay out of the content script (the background
 * evaluates; lib/content/guards.ts checks answers by hand).
 *
 * Builds the Chrome extension first (`npx wxt build`) so the figure is never
 * measured on a stale bundle.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, '.output/chrome-mv3/content-scripts');

export async function run(): Promise<Record<string, number>> {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const js = readFileSync(join(dir, 'sidebar.js'));
  const cssPath = join(dir, 'sidebar.css');
  const css = existsSync(cssPath) ? readFileSync(cssPath) : Buffer.alloc(0);
  const jsGzip = gzipSync(js, { level: 9 }).length;
  const cssGzip = gzipSync(css, { level: 9 }).length;
  return {
    'content.gzipBytes': jsGzip + cssGzip,
    'content.jsGzipBytes': jsGzip,
    'content.cssGzipBytes': cssGzip,
    'content.rawBytes': js.length + css.length,
  };
}
