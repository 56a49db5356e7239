import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { review } from '../core/index';
import { createSyncAnalyzer } from './analysis';
import { createDesignStore, type DesignStore } from './design-store';
import { selectGraph } from './selectors';
import { selectDecision } from './simulator-selectors';
import { witnessInput } from './simulator';
import { matchesFilter, NO_FILTER, selectProblemCounts, selectProblemTotal, selectRuleReach } from './verdict-selectors';

const design = readFileSync(new URL('../../e2e/fixtures/verdict/shadow-and-grant.yaml', import.meta.url), 'utf8');
const STORE = 'gateway.networking.k8s.io/HTTPRoute/shop/store';

async function setup(text = design): Promise<DesignStore> {
  const store = createDesignStore({ analyzer: createSyncAnalyzer(), fileName: 'd.yaml', simulatorDelayMs: 0 });
  store.getState().loadText(text);
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    if (!s.analyzing && !s.simulator.running) return store;
  }
  throw new Error('the store did not settle');
}

// Issue 10 scope 1 and 6: the app shows the verdict `route-designer validate` prints.
describe('the app reads the same verdict as the command line', () => {
  it('the Problems list is review()’s diagnostics, and the counts are theirs', async () => {
    const store = await setup();
    const s = store.getState();
    const cli = review([{ name: 'd.yaml', text: design }]).diagnostics;
    expect(s.analysis?.diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual(cli.map((d) => `${d.code}@${d.line}`));
    expect(s.analysis?.diagnostics.map((d) => d.code)).toEqual(['RuleUnreachable', 'RefsNotResolved']);
    expect(selectProblemTotal(s)).toBe(cli.length);
    expect(selectProblemCounts(s)).toEqual({ error: 0, warning: 2, info: 0 });
  });

  it('counts infos too, so the toolbar never says "No problems" while the list has some', async () => {
    const store = await setup();
    const s = store.getState();
    const analysis = s.analysis;
    if (!analysis) throw new Error('no analysis');
    store.setState({ analysis: { ...analysis, counts: { error: 0, warning: 0, info: 3 } } });
    expect(selectProblemTotal(store.getState())).toBe(3);
  });
});

describe('filters of the Problems panel', () => {
  it.each([
    [NO_FILTER, ['RuleUnreachable', 'RefsNotResolved']],
    [{ ...NO_FILTER, severities: ['error' as const] }, []],
    [{ ...NO_FILTER, family: 'reach' as const }, ['RuleUnreachable']],
    [{ ...NO_FILTER, family: 'controller' as const }, ['RefsNotResolved']],
    [{ ...NO_FILTER, kind: 'HTTPRoute' }, ['RuleUnreachable', 'RefsNotResolved']],
    [{ ...NO_FILTER, kind: 'Service' }, []],
  ])('%j', async (filter, codes) => {
    const store = await setup();
    expect(store.getState().analysis?.diagnostics.filter((d) => matchesFilter(d, filter)).map((d) => d.code)).toEqual(codes);
  });
});

describe('shadowed rules and "Simulate this"', () => {
  it('the shadowed rule names the rule that shadows it; selecting that rule picks its row', async () => {
    const store = await setup();
    const reach = selectRuleReach(store.getState(), STORE, 'spec.rules[1]');
    expect(reach?.state).toBe('shadowed');
    const by = reach?.state === 'shadowed' ? reach.by[0] : undefined;
    expect(by).toMatchObject({ label: 'rule 1 (cart)', detail: 'HTTPRoute shop/store spec.rules[0]', nodeId: STORE });
    store.getState().selectRow(by?.nodeId ?? '', by?.rowId ?? '');
    const s = store.getState();
    expect([s.selection, s.selectedRow]).toEqual([STORE, selectGraph(s).nodes.find((n) => n.id === STORE)?.rows[0]?.id]);
    store.getState().select(null);
    expect(store.getState().selectedRow).toBeNull();
  });

  it.each([
    ['spec.rules[0]', 0],
    ['spec.rules[2]', 2],
  ])('the witness of %s fills the simulator and reaches that rule', async (path, rule) => {
    const store = await setup();
    const reach = selectRuleReach(store.getState(), STORE, path);
    if (reach?.state !== 'reachable') throw new Error(`${path} is not reachable`);
    store.getState().simulateWitness(reach.witness);
    for (let i = 0; i < 50 && store.getState().simulator.answer === null; i++) await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    expect(s.panelTab).toBe('simulator');
    const decision = selectDecision(s);
    expect(decision?.route).toMatchObject({ name: 'store' });
    expect(decision?.rule).toBe(rule);
  });
});

describe('witnessInput', () => {
  it.each([
    [{ request: 'GET https://h.example.com/a?b=1', headers: { 'x-tenant': 'gold' }, gateway: 'infra/edge', mesh: null }, { method: 'GET', url: 'https://h.example.com/a?b=1', mode: 'gateway', gateway: 'infra/edge', headers: [['x-tenant', 'gold']], sni: '' }],
    [{ request: 'POST http://cart.shop/items', headers: {}, gateway: null, mesh: { from: 'web/frontend', labels: { app: 'web' } } }, { method: 'POST', url: 'http://cart.shop/items', mode: 'mesh', from: 'web/frontend', labels: [['app', 'web']], headers: [] }],
    [{ request: 'TLS tls://a.example.com:443', headers: {}, gateway: null, mesh: null, sni: 'a.example.com' }, { method: 'TLS', url: 'tls://a.example.com:443', mode: 'gateway', gateway: '', sni: 'a.example.com' }],
  ])('%j', (witness, expected) => {
    const input = witnessInput(witness);
    const { headers, labels, ...rest } = expected as Record<string, unknown> & { headers?: string[][]; labels?: string[][] };
    expect(input).toMatchObject(rest);
    if (headers) expect(input.headers.map((h) => [h.name, h.value])).toEqual(headers);
    if (labels) expect(input.labels.map((h) => [h.name, h.value])).toEqual(labels);
  });
});
