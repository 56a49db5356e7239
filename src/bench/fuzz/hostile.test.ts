import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES, HOSTILE_LIMIT_MS } from './hostile-cases.js';
import type { HostileResult, HostileStoreResult } from './hostile-protocol.js';

/**
 * Every hostile fixture through the whole pipeline (parse → validate → compile → status → graph →
 * simulate → convert both ways → serialize), each bounded in time (a hang is terminated) and in
 * memory (the worker's heap is capped: a case past it fails alone), with the pipeline's invariants
 * and each case's own (no secret in any output, regexes answered as RE2 does, codes reported).
 * Prints each case's time and heap.
 */
const HEAP_LIMIT_MB = 768;
const BOOT = new URL('./worker-boot.mjs', import.meta.url);
const MODULE = new URL('./hostile-worker.ts', import.meta.url).href;
const STARTUP_MS = 30_000;
/** The store analyses the text four times (load, typing, undo, redo). */
const STORE_FACTOR = 4;
/** Vitest's own timeout: past every bound above (those are what fail a slow case, with its figure). */
const TEST_TIMEOUT_MS = STARTUP_MS + (1 + STORE_FACTOR) * Math.max(...HOSTILE_CASES.map((c) => c.limitMs ?? HOSTILE_LIMIT_MS)) + 10_000;

let worker: Promise<Worker> | null = null;

function start(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const w = new Worker(BOOT, { workerData: { module: MODULE }, resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    w.once('message', () => resolve(w));
    w.once('error', reject);
  });
}

/** Runs case `index` in the worker (the engine, or the store); past its time or heap limit it fails and the worker is replaced. */
async function runHostile(index: number, limitMs: number, store: false): Promise<HostileResult>;
async function runHostile(index: number, limitMs: number, store: true): Promise<HostileStoreResult>;
async function runHostile(index: number, limitMs: number, store: boolean): Promise<HostileResult | HostileStoreResult> {
  worker ??= start();
  const w = await worker;
  return new Promise((resolve, reject) => {
    const fail = (why: string): void => {
      cleanup();
      worker = null;
      void w.terminate();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail(`no answer within ${limitMs} ms`), limitMs + 2_000);
    const onMessage = (r: HostileResult | HostileStoreResult): void => {
      cleanup();
      resolve(r);
    };
    const onError = (e: Error): void => fail(`the worker died (heap capped at ${HEAP_LIMIT_MB} MB): ${e.message}`);
    const cleanup = (): void => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
    };
    w.on('message', onMessage);
    w.once('error', onError);
    w.postMessage({ index, store });
  });
}

afterAll(async () => {
  if (worker) await (await worker).terminate();
});

describe('hostile fixtures', () => {
  it.each(HOSTILE_CASES.map((c, i) => [c.name, i, c] as const))('%s', async (_name, index, c) => {
    const limitMs = c.limitMs ?? HOSTILE_LIMIT_MS;
    const r = await runHostile(index, limitMs, false);
    console.log(`hostile: ${c.name}: ${r.millis.toFixed(0)} ms, heap +${r.allocatedMb.toFixed(1)} MB during, +${r.retainedMb.toFixed(1)} MB retained`);
    expect(r.error).toBeNull();
    expect(r.millis).toBeLessThan(limitMs);
    expect(r.leaked).toEqual([]);
    expect(r.polluted).toBe(false);
    for (const code of c.codes ?? []) expect(r.codes).toContain(code);
    expect(r.unflagged).toEqual([]);
    expect(r.wronglyFlagged).toEqual([]);
    const reaches = (c.requests ?? []).map((q) => q.reaches);
    expect(r.reached).toHaveLength(reaches.length);
    reaches.forEach((want, i) => {
      expect(r.reached[i]).not.toBe('parseRequest refused');
      if (want !== null) expect(r.reached[i]).toBe(want);
    });

    // The page: the editor's text and every undo step must hold no secret either.
    if (c.store === false) return;
    const s = await runHostile(index, STORE_FACTOR * limitMs, true);
    console.log(`hostile: ${c.name}: through the UI store (load, type, undo, redo) ${s.millis.toFixed(0)} ms`);
    expect(s.error).toBeNull();
    expect(s.millis).toBeLessThan(STORE_FACTOR * limitMs);
    expect(s.leaked).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
