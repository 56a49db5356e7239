import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalysisSession } from './analysis';
import { analysisReplies, type AnalyzerMessage } from './analyzer-protocol';
import { compareReplies } from './compare-protocol';
import { createDesignStore } from './design-store';
import { createWorkerAnalyzer } from './worker-analyzer';
import { failed, isWorkerStopped, type WorkerLike } from './watched-worker';

/**
 * The analyzer's watchdog, against a fake Worker that runs the real analysis session — except on
 * a text containing `# stuck`, where it never answers (as a worker caught in a slow evaluation),
 * and on a simulation of `http://throw.example/`, where its code throws (analysis.worker.ts says so).
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: AnalyzerMessage[] = [];
  terminated = false;
  private readonly session = createAnalysisSession();

  constructor(ready: boolean) {
    if (ready) this.ready();
  }

  ready(): void {
    queueMicrotask(() => this.emit({ type: 'ready' }));
  }

  postMessage(message: AnalyzerMessage): void {
    this.received.push(message);
    if (message.type === 'analyze' && message.request.files.some((f) => f.text.includes('# stuck'))) return;
    queueMicrotask(() => {
      if (this.terminated) return;
      if (message.type === 'analyze') for (const r of analysisReplies(this.session.analyze(message.request))) this.emit(r);
      else if (message.type === 'compare') for (const r of compareReplies(this.session.compare(message.request), null)) this.emit(r);
      else if (message.type === 'run-tests') this.emit({ type: 'tests', answer: this.session.runTests(message.request) });
      else if (message.request.input.url === 'http://throw.example/') this.emit(failed(new Error('boom in the engine')));
      else this.emit({ type: 'simulation', answer: this.session.simulate(message.request) });
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  private emit(data: unknown): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent);
  }
}

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web, namespace: infra}
spec:
  parentRefs: [{name: edge}]
  rules: [{backendRefs: [{name: web, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: infra}
spec: {ports: [{port: 80}]}
`;

/** ROUTE and a little more is under 1 KB: 10 s + 1 s per MB rounds to 10,001 ms. */
const STUCK_BOUND = 10_001;
const LIMITS = { analysis: { baseMs: 10_000, perMbMs: 1_000 }, simulate: { baseMs: 3_000, perMbMs: 0 } };

function setup(options: { readyAtOnce?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const analyzer = createWorkerAnalyzer({
    limits: LIMITS,
    spawn: () => {
      const w = new FakeWorker(options.readyAtOnce ?? true);
      workers.push(w);
      return w;
    },
  });
  return { analyzer, workers };
}

const files = (text: string) => [{ name: 'design.yaml', text }];
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the analysis watchdog', () => {
  it('answers as before while the worker answers in time', async () => {
    const { analyzer, workers } = setup();
    const a = await analyzer.analyze({ seq: 1, files: files(ROUTE) });
    expect(a.resources.length).toBe(3);
    expect(workers.length).toBe(1);
  });

  it.each([
    // [text size in characters, the bound: 10 s + 1 s per MB]
    [100, 10_000],
    [2_000_000, 12_000],
  ])('stops an analysis of %d characters after %d ms, not before', async (size, bound) => {
    const { analyzer, workers } = setup();
    const text = `# stuck\n${'#'.repeat(size)}`;
    const outcome = analyzer.analyze({ seq: 1, files: files(text) }).catch((e: unknown) => e);
    await settle();
    await vi.advanceTimersByTimeAsync(bound - 1);
    expect(workers[0]?.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(isWorkerStopped(error) && error.reason === 'timeout').toBe(true);
    expect(String((error as Error).message)).toMatch(/^Analysis of the design took longer than \d+ s and was stopped — the last good design is shown; edit to try again\.$/);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers.length).toBe(2);
  });

  it('counts the bound from when the worker has loaded', async () => {
    const { analyzer, workers } = setup({ readyAtOnce: false });
    let done = false;
    void analyzer.analyze({ seq: 1, files: files('# stuck\n') }).catch(() => (done = true));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(done).toBe(false);
    workers[0]?.ready();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(done).toBe(true);
  });

  it('analyses the next text in a fresh worker, and simulates after the stop', async () => {
    const { analyzer, workers } = setup();
    const good = await analyzer.analyze({ seq: 1, files: files(ROUTE) });
    expect(good.tableId).toBe(1);
    const stuck = analyzer.analyze({ seq: 2, files: files(`${ROUTE}# stuck\n`) }).catch((e: unknown) => e);
    // A simulation waits behind the stuck analysis; it is sent again to the fresh worker, which
    // first compiles the table it names again.
    const answer = analyzer.simulate?.({ seq: 1, tableId: 1, input: { method: 'GET', url: 'http://x.example/', headers: [], sni: '', mode: 'gateway', gateway: '', from: '', labels: [] } });
    await settle();
    await vi.advanceTimersByTimeAsync(STUCK_BOUND);
    expect(isWorkerStopped(await stuck)).toBe(true);
    await settle();
    expect((await answer)?.kind).not.toBe('unavailable');
    expect(workers[1]?.received.map((m) => m.type)).toEqual(['analyze', 'simulate']);
    const next = await analyzer.analyze({ seq: 3, files: files(ROUTE) });
    expect(next.resources.length).toBe(3);
  });

  it('runs the route tests in the worker, after a stop too (the fresh worker compiles their table again)', async () => {
    const { analyzer, workers } = setup();
    await analyzer.analyze({ seq: 1, files: files(ROUTE) });
    const text = 'tests:\n  - {name: web, request: GET http://x.example/, expect: {backend: infra/web}}\n';
    expect(await analyzer.runTests?.({ seq: 1, tableId: 1, text, fileName: 't.yaml' })).toMatchObject({ kind: 'ran', passed: 1, failed: 0 });
    const stuck = analyzer.analyze({ seq: 2, files: files(`${ROUTE}# stuck\n`) }).catch((e: unknown) => e);
    const run = analyzer.runTests?.({ seq: 2, tableId: 1, text, fileName: 't.yaml' });
    await settle();
    await vi.advanceTimersByTimeAsync(STUCK_BOUND);
    expect(isWorkerStopped(await stuck)).toBe(true);
    await settle();
    expect(await run).toMatchObject({ seq: 2, kind: 'ran', passed: 1 });
    expect(workers[1]?.received.map((m) => m.type)).toEqual(['analyze', 'run-tests']);
  });

  it('rejects a request the worker threw on at once, with its message, and goes on with the same worker', async () => {
    const { analyzer, workers } = setup();
    await analyzer.analyze({ seq: 1, files: files(ROUTE) });
    const input = { method: 'GET', url: 'http://throw.example/', headers: [], sni: '', mode: 'gateway', gateway: '', from: '', labels: [] } as const;
    const thrown = analyzer.simulate?.({ seq: 1, tableId: 1, input }).catch((e: unknown) => e);
    const after = analyzer.simulate?.({ seq: 2, tableId: 1, input: { ...input, url: 'http://x.example/' } });
    await settle();
    const error = await thrown;
    expect(error).toBeInstanceOf(Error);
    expect(isWorkerStopped(error)).toBe(false);
    expect((error as Error).message).toBe('boom in the engine');
    // No watchdog bound passed, no restart: the worker still holds table 1 and answers the next request.
    expect(workers.length).toBe(1);
    expect((await after)?.kind).toBe('decision');
  });

  it('cancels the analysis under way, and only it', async () => {
    const { analyzer, workers } = setup();
    const stuck = analyzer.analyze({ seq: 1, files: files('# stuck\n') }).catch((e: unknown) => e);
    await settle();
    analyzer.cancel?.();
    const error = await stuck;
    expect(isWorkerStopped(error) && error.reason === 'cancelled').toBe(true);
    expect(workers.length).toBe(2);
    expect(workers[1]?.received).toEqual([]);
  });
});

describe('the store with a watched analyzer', () => {
  it('says what took too long, keeps the last good design, and analyses the next edit', async () => {
    const { analyzer } = setup();
    const store = createDesignStore({ analyzer, simulatorDelayMs: 0 });
    store.getState().loadText(ROUTE);
    await settle();
    const good = store.getState().shown;
    expect(good?.resources.length).toBe(3);

    store.getState().editText(`${ROUTE}# stuck\n`);
    await settle();
    expect(store.getState().analyzing).toBe(true);
    await vi.advanceTimersByTimeAsync(STUCK_BOUND);
    await settle();
    const s = store.getState();
    expect(s.failure).toMatch(/took longer than 10 s and was stopped/);
    expect(s.shown).toBe(good);
    expect(s.analyzing).toBe(false);

    store.getState().editText(ROUTE.replace('name: web, namespace', 'name: web2, namespace'));
    await settle();
    expect(store.getState().failure).toBeNull();
    expect(store.getState().shown?.resources.map((r) => r.name)).toContain('web2');
  });

  it('analyses an edit made while a stuck analysis ran, once it is stopped', async () => {
    const { analyzer } = setup();
    const store = createDesignStore({ analyzer, simulatorDelayMs: 0 });
    store.getState().loadText(`${ROUTE}# stuck\n`);
    await settle();
    store.getState().editText(ROUTE);
    await vi.advanceTimersByTimeAsync(STUCK_BOUND);
    await settle();
    expect(store.getState().failure).toBeNull();
    expect(store.getState().shown?.resources.length).toBe(3);
  });
});
