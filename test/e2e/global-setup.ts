/**
 * Fails the e2e run up front, with the fix, when it cannot run: a test that
 * cannot run must not look green (locally or in CI).
 */
import { assertBuiltExtension, findChromium } from '../../scripts/e2e-browser';

export default function setup(): void {
  findChromium();
  assertBuiltExtension(process.env.SOP_E2E_EXTENSION_DIR || undefined);
}
