import { describe, expect, it } from 'vitest';
import { analyze, createSyncAnalyzer, type Analysis, type AnalysisRequest, type Analyzer } from './analysis';
import { autosaveSetup, saved } from './autosave-kit';
import { AUTOSAVE_KEY, readSave } from './autosave-record';
import { memoryKeyValueStore, memoryStorage } from './autosave-storage';
import { createDesignStore, type DesignStore } from './design-store';
import { DEFAULT_SIMULATOR_INPUT } from './simulator';

/** The app's target (issue 14): held by the store, sent with every analysis, saved with the design. */

const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: infra }
spec:
  gatewayClassName: edge
  listeners:
    - { name: http, protocol: HTTP, port: 80 }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: infra }
spec:
  parentRefs: [{ name: edge, port: 80 }]
  rules:
    - backendRefs: [{ name: web, port: 8080 }]
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: infra }
spec:
  ports: [{ port: 8080 }]
`;

const REDIRECT = `${DESIGN}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: to-https, namespace: infra }
spec:
  parentRefs: [{ name: edge }]
  rules:
    - filters:
        - type: RequestRedirect
          requestRedirect: { scheme: https }
`;

/** The sync analyzer, recording each request it is given. */
function recording(): Analyzer & { requests: AnalysisRequest[] } {
  const inner = createSyncAnalyzer();
  const requests: AnalysisRequest[] = [];
  return { ...inner, requests, analyze: (request, onProgress) => (requests.push(request), inner.analyze(request, onProgress)) };
}

/** An analyzer whose answers wait until released, to change the target while one is under way. */
function held(): Analyzer & { requests: AnalysisRequest[]; release(): void } {
  const requests: AnalysisRequest[] = [];
  const waiting: (() => void)[] = [];
  return {
    requests,
    analyze(request) {
      requests.push(request);
      return new Promise<Analysis>((resolve) => waiting.push(() => resolve(analyze(request))));
    },
    release() {
      for (const go of waiting.splice(0)) go();
    },
    dispose: () => undefined,
  };
}

async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 0));
    if (!store.getState().analyzing) return;
  }
  throw new Error('the store did not settle');
}

describe('the target: analysis', () => {
  it.each([
    ['', null, 'experimental', null],
    ['channel=standard', null, 'standard', null],
    ['gateway-api=v1.6,channel=standard,implementation=cilium@1.20', 'cilium v1.20.0', 'standard', null],
    ['implementation=envoy-gateway,istio=1.24', 'envoy-gateway v1.9.0', 'experimental', '1.24'],
  ] as const)('an analysis of %j says how the target resolved', (text, implementation, channel, istio) => {
    const a = analyze({ seq: 1, files: [{ name: 'd.yaml', text: DESIGN }], target: text });
    expect(a.target).toMatchObject({ text, implementation, channel, istio, error: null });
    expect(a.target.description).toContain(`Gateway API ${a.target.release} ${channel}`);
  });

  it('a target that cannot be read is judged as the default, and the analysis says why', () => {
    const a = analyze({ seq: 1, files: [{ name: 'd.yaml', text: DESIGN }], target: 'implementation=no-such-proxy' });
    expect(a.target.error).toMatch(/no conformance report names the implementation "no-such-proxy"/);
    expect(a.target).toMatchObject({ text: 'implementation=no-such-proxy', channel: 'experimental', implementation: null });
  });
});

describe('the target: simulate and route tests', () => {
  it("simulates against a table as the target it was analysed for behaves; the default target keeps today's answers", async () => {
    const analyzer = createSyncAnalyzer();
    const input = { ...DEFAULT_SIMULATOR_INPUT, method: 'GET', url: 'http://www.shop.example.com/cart' };
    const notes = async (seq: number, target: string): Promise<string[]> => {
      await analyzer.analyze({ seq, files: [{ name: 'd.yaml', text: REDIRECT }], target });
      const answer = await analyzer.simulate?.({ seq, tableId: seq, input });
      if (answer?.kind !== 'decision') throw new Error(`no decision: ${JSON.stringify(answer)}`);
      return answer.decision.notes.filter((n) => n.code === 'ImplementationSpecific').map((n) => n.message);
    };
    expect(await notes(1, '')).toEqual([]);
    expect((await notes(2, 'implementation=istio')).join('\n')).toMatch(/istio/);
    expect((await notes(3, 'channel=standard')).join('\n')).toMatch(/implementation-specific/);
  });
});

describe('the target: compare', () => {
  it('reviews the before version for the target of the design as it is: the target alone adds no problem', async () => {
    const analyzer = createSyncAnalyzer();
    const target = 'channel=standard,implementation=cilium@1.20';
    const after = await analyzer.analyze({ seq: 1, files: [{ name: 'd.yaml', text: `${DESIGN}# edited\n` }], target });
    expect(after.counts.warning).toBeGreaterThan(0); // cilium v1.20.0 lists parentRef ports unsupported
    const answer = await analyzer.compare?.({ seq: 1, before: { files: [{ name: 'd.yaml', text: DESIGN }] }, afterTableId: 1 });
    if (answer?.kind !== 'compared') throw new Error('not compared');
    expect(answer.diff.problems).toEqual({ added: [], fixed: [] });
  });
});

describe('the target: store', () => {
  it('starts at the default, and every analysis request carries the target set', async () => {
    const analyzer = recording();
    const store = createDesignStore({ analyzer });
    expect(store.getState().target).toBe('');
    store.getState().loadText(DESIGN);
    await settle(store);
    expect(analyzer.requests.at(-1)?.target).toBeUndefined();
    store.getState().setTarget(' channel=standard,implementation=cilium@1.20 ');
    await settle(store);
    expect(store.getState().target).toBe('channel=standard,implementation=cilium@1.20');
    expect(analyzer.requests.at(-1)?.target).toBe('channel=standard,implementation=cilium@1.20');
    store.getState().editText(`${DESIGN}# edited\n`);
    await settle(store);
    expect(analyzer.requests.at(-1)?.target).toBe('channel=standard,implementation=cilium@1.20');
  });

  it('a changed target has the unchanged design analysed again; the same target does not', async () => {
    const analyzer = recording();
    const store = createDesignStore({ analyzer });
    store.getState().loadText(DESIGN);
    await settle(store);
    const before = store.getState().analysis;
    const seq = store.getState().textSeq;
    expect(analyzer.requests).toHaveLength(1);
    store.getState().setTarget('implementation=cilium@1.20');
    await settle(store);
    expect(analyzer.requests).toHaveLength(2);
    const after = store.getState().analysis;
    expect(after).not.toBe(before);
    expect(after?.seq).toBe(seq);
    expect(after?.target.implementation).toBe('cilium v1.20.0');
    expect(store.getState().shown).toBe(after);
    store.getState().setTarget('implementation=cilium@1.20');
    await settle(store);
    expect(analyzer.requests).toHaveLength(2);
  });

  it('an analysis made for a target changed meanwhile is dropped, and the design is analysed for the new one', async () => {
    const analyzer = held();
    const store = createDesignStore({ analyzer });
    store.getState().loadText(DESIGN);
    store.getState().setTarget('channel=standard');
    expect(analyzer.requests).toHaveLength(1); // one at a time: the new target waits
    analyzer.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().analysis).toBeNull(); // made for the default target: not applied
    expect(analyzer.requests.map((r) => r.target)).toEqual([undefined, 'channel=standard']);
    analyzer.release();
    await settle(store);
    expect(store.getState().analysis?.target.text).toBe('channel=standard');
  });
});

describe('the target: autosave', () => {
  it('is saved with the design (a target change alone is saved) and restored with it', async () => {
    const { design, autosave, store } = autosaveSetup();
    await autosave.restore();
    design.getState().loadText(DESIGN, 'edge.yaml');
    await saved(autosave, design);
    design.getState().setTarget('gateway-api=v1.5,channel=standard');
    await saved(autosave, design);
    const stored = readSave(store.map.get(AUTOSAVE_KEY));
    expect(stored).toMatchObject({ kind: 'ok', design: { text: DESIGN, target: 'gateway-api=v1.5,channel=standard' } });
    autosave.stop();

    const next = autosaveSetup({ store, local: memoryStorage() });
    expect(await next.autosave.restore()).toBe(true);
    await saved(next.autosave, next.design);
    expect(next.design.getState().target).toBe('gateway-api=v1.5,channel=standard');
    expect(next.design.getState().analysis?.target).toMatchObject({ text: 'gateway-api=v1.5,channel=standard', release: 'v1.5.1', channel: 'standard' });
  });

  it('a save made before there was a target loads with the default one', async () => {
    const store = memoryKeyValueStore();
    store.map.set(AUTOSAVE_KEY, { version: 1, fileName: 'a.yaml', text: DESIGN, positions: {}, pinned: {}, collapsed: {}, savedAt: 1, rev: 1, tab: 't', tests: '' });
    const { design, autosave } = autosaveSetup({ store });
    design.setState({ target: 'channel=standard' });
    expect(await autosave.restore()).toBe(true);
    expect(design.getState().target).toBe('');
    expect(readSave(store.map.get(AUTOSAVE_KEY))).toMatchObject({ kind: 'ok', design: { target: '' } });
  });
});
