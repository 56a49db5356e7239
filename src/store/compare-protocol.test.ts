import { describe, expect, it } from 'vitest';
import type { RouteGraph } from '../core/index';
import { createAnalysisSession } from './analysis';
import { analysisReplies, type AnalyzerMessage } from './analyzer-protocol';
import { CompareAssembler, compareReplies, type ComparePiece } from './compare-protocol';
import type { CompareAnswer } from './comparison';
import { createWorkerAnalyzer } from './worker-analyzer';
import type { WorkerLike } from './watched-worker';

const route = (weight: number): string => `apiVersion: gateway.networking.k8s.io/v1
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
  rules: [{backendRefs: [{name: web, port: 80, weight: ${weight}}, {name: web-v2, port: 80, weight: ${100 - weight}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: infra}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: web-v2, namespace: infra}
spec: {ports: [{port: 80}]}
`;
const files = (text: string) => [{ name: 'design.yaml', text }];

/** A fake Worker that answers as analysis.worker.ts does (the real session; the graph sent once). */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly sent: string[] = [];
  private readonly session = createAnalysisSession();
  private sentGraph: RouteGraph | null = null;

  constructor() {
    queueMicrotask(() => this.emit({ type: 'ready' }));
  }

  postMessage(message: AnalyzerMessage): void {
    queueMicrotask(() => {
      if (message.type === 'analyze') for (const r of analysisReplies(this.session.analyze(message.request))) this.emit(r);
      else if (message.type === 'compare') {
        const answer = this.session.compare(message.request);
        for (const r of compareReplies(answer, this.sentGraph)) this.emit(r);
        if (answer.kind === 'compared') this.sentGraph = answer.beforeGraph;
      } else if (message.type === 'simulate') this.emit({ type: 'simulation', answer: this.session.simulate(message.request) });
    });
  }

  terminate(): void {}

  private emit(data: unknown): void {
    if (typeof data === 'object' && data !== null && 'type' in data) this.sent.push(String(data.type));
    this.onmessage?.({ data } as MessageEvent);
  }
}

describe('compare messages', () => {
  const session = createAnalysisSession();
  const after = session.analyze({ seq: 1, files: files(route(90)) });
  const answer = session.compare({ seq: 1, before: { files: files(route(50)) }, afterTableId: after.tableId ?? 0 });

  it('a before graph travels in chunks, then the rest; the page puts it back together', () => {
    if (answer.kind !== 'compared') throw new Error('not compared');
    const replies = compareReplies(answer, null, 2);
    expect(replies.map((r) => (r.type === 'compare-chunk' ? `${r.field} ${r.items.length}` : `${r.type} ${r.graph}`))).toEqual([
      'nodes 2',
      'nodes 2',
      `edges 2`,
      `edges ${answer.beforeGraph.edges.length - 2}`,
      'comparison sent',
    ]);
    const assembler = new CompareAssembler();
    const whole = replies.map((r) => assembler.add(r)).at(-1);
    expect(whole).toEqual(answer);
  });

  it('the graph the worker sent last is not sent again: the page keeps it', () => {
    if (answer.kind !== 'compared') throw new Error('not compared');
    const assembler = new CompareAssembler();
    for (const r of compareReplies(answer, null)) assembler.add(r);
    const again = compareReplies(answer, answer.beforeGraph);
    expect(again.map((r) => r.type)).toEqual(['comparison']);
    expect((again[0] as Extract<ComparePiece, { type: 'comparison' }>).answer).toMatchObject({ beforeGraph: { nodes: [], edges: [] } });
    expect((assembler.add(again[0] as ComparePiece) as Extract<CompareAnswer, { kind: 'compared' }>).beforeGraph.nodes).toEqual(answer.beforeGraph.nodes);
  });

  it('an after table the analyzer no longer holds is said (unavailable), not a crash', () => {
    expect(session.compare({ seq: 2, before: { files: files(route(50)) }, afterTableId: 99 })).toEqual({ seq: 2, kind: 'unavailable' });
  });
});

describe('the worker analyzer compares', () => {
  it('diffs, sends the before graph once, and simulates on the before table', async () => {
    const workers: FakeWorker[] = [];
    const analyzer = createWorkerAnalyzer({
      spawn: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    const after = await analyzer.analyze({ seq: 1, files: files(route(90)) });
    const request = { seq: 1, before: { files: files(route(50)) }, afterTableId: after.tableId ?? 0 };
    const chunks = (): number => workers[0]?.sent.filter((t) => t === 'compare-chunk').length ?? 0;
    const first = await analyzer.compare?.(request);
    const sentFirst = chunks();
    const second = await analyzer.compare?.({ ...request, seq: 2 });
    if (first?.kind !== 'compared' || second?.kind !== 'compared') throw new Error('not compared');
    expect(first.diff.changes.map((c) => c.class)).toEqual(['200 → infra/web-v2 50%, infra/web 50% ⇒ 200 → infra/web-v2 10%, infra/web 90%']);
    expect(second.beforeGraph).toBe(first.beforeGraph);
    // Its nodes and its edges, the first time only.
    expect([sentFirst, chunks()]).toEqual([2, 2]);
    expect(first.beforeGraph.nodes.map((n) => n.name).sort()).toEqual(['edge', 'web', 'web', 'web-v2']);
    const input = { method: 'GET', url: 'http://a.example/', headers: [], sni: '', mode: 'gateway' as const, gateway: '', from: '', labels: [] };
    const answer = await analyzer.simulate?.({ seq: 1, tableId: first.beforeTableId ?? 0, input });
    expect(answer?.kind === 'decision' ? answer.decision.backends.map((b) => b.probability) : answer?.kind).toEqual([0.5, 0.5]);
    analyzer.dispose();
  });

  it('a compare waiting when the worker restarts has the fresh worker analyse its after table first', async () => {
    const workers: FakeWorker[] = [];
    const analyzer = createWorkerAnalyzer({
      spawn: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    const after = await analyzer.analyze({ seq: 1, files: files(route(90)) });
    const next = analyzer.analyze({ seq: 2, files: files(route(80)) }).catch((e: unknown) => e);
    const compared = analyzer.compare?.({ seq: 1, before: { files: files(route(50)) }, afterTableId: after.tableId ?? 0 });
    analyzer.cancel?.();
    expect(await next).toBeInstanceOf(Error);
    const answer = await compared;
    expect(workers).toHaveLength(2);
    expect(answer?.kind === 'compared' ? answer.diff.changes.length : answer?.kind).toBe(1);
    analyzer.dispose();
  });
});
