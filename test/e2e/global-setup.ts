/**
 * Fails the e2e run up front, with the fix, when it cannot run: a test that
 * cannot run must not look green (locally or in CI).
 */
import { assertBuiltExtension, findChromium } from '../../scripts/e2e-browser';

export default function setup(): void {
  try {
    findChromium();
    assertBuiltExtension();
  } catch (error) {
    // Vitest follows a failed global setup with a misleading "No test files found".
    console.error(`\n[e2e] Cannot run the end-to-end suite: ${(error as Error).message}\n`);
    throw error;
  }
}
