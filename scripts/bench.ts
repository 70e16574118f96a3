/**
 * `npm run bench`: runs every bench/*.bench.ts module (each exports
 * `run(): Promise<Record<string, number>>`), merges the figures into
 * bench-results.json (git-ignored) and prints it. Figures are measured here,
 * never asserted in timed tests. `npm run bench -- engine` runs one module.
 */
import { readdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const modules = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

const out = join(root, 'bench-results.json');
const results: Record<string, number | string> = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
for (const file of modules) {
  const mod = (await import(pathToFileURL(join(root, 'bench', file)).href)) as { run(): Promise<Record<string, number>> };
  console.error(`bench: ${file}…`);
  Object.assign(results, await mod.run());
}
results.measuredAt = new Date().toISOString();
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(JSON.stringify(results, null, 2));
