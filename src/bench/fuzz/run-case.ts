import type { FuzzCase } from './arbitraries.js';
import { runDesignEdits } from './design-edits.js';
import { valuesMarkedSecret } from './secret-marks.js';
import { checkNoSecret, InvariantError } from './invariants.js';
import { runPipeline } from './pipeline.js';
import { SECRET_VALUE } from './pools.js';
import { runStoreCase } from './store-case.js';

/**
 * A case must end within this (the bench reports the slowest; a catastrophic regex would blow it).
 * Warm cases take 5–50 ms; the first ones of a worker, before the JIT, up to ~2.5 s on busy cores.
 */
export const CASE_LIMIT_MS = 5_000;

const SECRET_TEXT = Buffer.from(SECRET_VALUE, 'base64').toString('utf8');

/** Runs one case through the engine; throws on an escaped exception, a broken invariant or a slow case. Returns its time. */
export function runEngineCase(c: FuzzCase): number {
  const t0 = performance.now();
  const { outputs, parsed } = runPipeline([{ name: 'fuzz.yaml', text: c.text }], c.requests);
  runDesignEdits(parsed, c.edit);
  const millis = performance.now() - t0;
  // Secret values never survive parsing (random designs hold some) — where redaction promises it.
  if (valuesMarkedSecret(c.text, SECRET_VALUE)) checkNoSecret(outputs, [SECRET_TEXT, SECRET_VALUE], c.origin);
  if (millis > CASE_LIMIT_MS) throw new InvariantError(`${c.origin}: took ${millis.toFixed(0)} ms (limit ${CASE_LIMIT_MS} ms)`);
  return millis;
}

/** The engine, then (for the cases marked so) the UI store. */
export async function runCase(c: FuzzCase, storeSeed: number): Promise<number> {
  const millis = runEngineCase(c);
  if (c.store) await runStoreCase(c.text, storeSeed);
  return millis;
}
