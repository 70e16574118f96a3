/**
 * Imported first by entrypoints/background.ts, so this is the first module of
 * the bundle to run: bench/background.bench.ts measures the worker's script
 * evaluation as the time between this mark and the one main() sets.
 */
performance.mark('sop-sidebar:background-start');
