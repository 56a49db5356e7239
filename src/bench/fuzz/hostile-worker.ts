import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { decodeSource, type Diagnostic, type SourceFile } from '../../core/index.js';
import { FIXTURES, HOSTILE_CASES, type HostileCase } from './hostile-cases.js';
import type { HostileRequest, HostileResult, HostileStoreResult } from './hostile-protocol.js';
import { boundsOf, checkDiagnostics, leakedSecrets } from './invariants.js';
import { runPipeline } from './pipeline.js';
import { storeTexts } from './store-case.js';

/**
 * Runs hostile cases one at a time in a worker thread with a bounded heap (hostile.test.ts sets
 * resourceLimits): a case that hangs is terminated, one that needs too much memory kills only this
 * worker. Measures time and heap around the whole pipeline.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

function source(c: HostileCase): { file: SourceFile; codes: string[]; diagnostics: readonly Diagnostic[] } {
  if ('generate' in c.source) return { file: { name: 'generated.yaml', text: c.source.generate() }, codes: [], diagnostics: [] };
  const decoded = decodeSource(c.source.file, new Uint8Array(readFileSync(new URL(c.source.file, FIXTURES))));
  return { file: decoded.file, codes: decoded.diagnostics.map((d) => d.code), diagnostics: decoded.diagnostics };
}

function run(c: HostileCase): HostileResult {
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).length;
  const requests = (c.requests ?? []).map((r) => ({ form: 'text' as const, line: r.line, headers: [], via: { to: 'auto' as const } }));
  gc();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let error: string | null = null;
  let result: ReturnType<typeof runPipeline> | null = null;
  const { file, codes: decodeCodes, diagnostics: decodeDiagnostics } = source(c);
  try {
    checkDiagnostics(decodeDiagnostics, boundsOf([file]), 'decode');
    result = runPipeline([file], requests);
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  const millis = performance.now() - t0;
  const allocated = process.memoryUsage().heapUsed - before;
  const lines = file.text.split('\n');
  const lineOf = (needle: string): number => lines.findIndex((l) => l.includes(needle)) + 1;
  const diagnostics = result?.diagnostics ?? [];
  const onLine = (needle: string, severities: readonly string[]): boolean => diagnostics.some((d) => d.line === lineOf(needle) && severities.includes(d.severity));
  const out: HostileResult = {
    error,
    millis,
    retainedMb: 0,
    allocatedMb: allocated / MB,
    resources: result?.resources ?? 0,
    codes: [...new Set([...decodeCodes, ...diagnostics.map((d) => d.code)])],
    reached: (result?.decisions ?? []).map((d) => (d === null ? 'parseRequest refused' : (d.backends.slice().sort((a, b) => b.probability - a.probability)[0]?.name ?? null))),
    leaked: leakedSecrets(result?.outputs ?? [], c.secrets ?? []),
    unflagged: (c.flagged ?? []).filter((n) => !onLine(n, ['error', 'warning'])),
    wronglyFlagged: (c.clean ?? []).filter((n) => onLine(n, ['error'])),
    polluted: Object.getOwnPropertyNames(Object.prototype).length !== protoKeys || ({} as Record<string, unknown>).polluted !== undefined,
  };
  result = null;
  gc();
  return { ...out, retainedMb: (process.memoryUsage().heapUsed - before) / MB };
}

async function runStore(c: HostileCase): Promise<HostileStoreResult> {
  const t0 = performance.now();
  try {
    const texts = await storeTexts(source(c).file.text);
    return { error: null, millis: performance.now() - t0, leaked: leakedSecrets(texts, c.secrets ?? []) };
  } catch (e) {
    return { error: e instanceof Error ? (e.stack ?? e.message) : String(e), millis: performance.now() - t0, leaked: [] };
  }
}

parentPort?.on('message', (m: HostileRequest) => {
  const c = HOSTILE_CASES[m.index];
  if (!c) return;
  if (m.store) void runStore(c).then((r) => parentPort?.postMessage(r));
  else parentPort?.postMessage(run(c));
});
parentPort?.postMessage('ready');
