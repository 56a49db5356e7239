import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseRouteTests } from '../core/index';
import { createSyncAnalyzer, type Analyzer } from './analysis';
import { AUTOSAVE_KEY, readSave } from './autosave-record';
import { autosaveSetup, saved } from './autosave-kit';
import { memoryStorage } from './autosave-storage';
import { createDesignStore, type DesignStore } from './design-store';
import { editingOf } from './edit-actions';
import { replaceDesign, undoReplace } from './import-undo';
import { importManifest } from './io-import';
import type { RouteTestsAnswer, RouteTestsRequest } from './route-tests-run';
import type { SimulatorInput } from './simulation';
import { newKeyValue } from './simulator';

const example = readFileSync(new URL('../../public/examples/shop.yaml', import.meta.url), 'utf8');
const exampleTests = readFileSync(new URL('../../examples/shop.tests.yaml', import.meta.url), 'utf8');

async function settle(store: DesignStore): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    const testsDone = s.routeTests.text.trim() === '' || s.routeTests.run?.seq === s.routeTests.revision;
    if (!s.analyzing && !s.simulator.running && s.analysis?.seq === s.textSeq && testsDone) return;
  }
  throw new Error('the store did not settle');
}

async function setup(analyzer: Analyzer = createSyncAnalyzer()): Promise<DesignStore> {
  const store = createDesignStore({ analyzer, fileName: 'shop.yaml', simulatorDelayMs: 0, testsDelayMs: 0 });
  store.getState().loadText(example);
  await settle(store);
  return store;
}

/** Simulates a request (the simulator's form), then saves it as a test. */
async function saveRequest(store: DesignStore, patch: Partial<SimulatorInput>): Promise<string> {
  store.getState().setSimulatorInput(patch);
  await settle(store);
  const edit = store.getState().saveSimulatorAsTest();
  if (!edit.ok) throw new Error(edit.error);
  await settle(store);
  return store.getState().routeTests.saved?.name ?? '';
}

const rows = (store: DesignStore) => store.getState().routeTests.run?.rows.map((r) => `${r.passed ? '✓' : '✗'} ${r.name}`);

describe('route tests in the app: Save as test', () => {
  // Each request, the name it is saved under, and the expect written: the saved case reads back (parseRouteTests) and holds on the same design.
  it.each<[string, Parameters<typeof saveRequest>[1], string, Record<string, unknown>]>([
    ['a split', { url: 'https://www.shop.example.com/cart' }, 'GET /cart → 200 shop/cart-v1 90%, shop/cart-v2 10%', { status: 200, backends: [{ name: 'shop/cart-v1', share: '90%' }, { name: 'shop/cart-v2', share: '10%' }] }],
    ['a header match', { url: 'https://www.shop.example.com/cart/items', headers: [newKeyValue('x-canary', '1')] }, 'GET /cart/items → 200 shop/cart-v2', { status: 200, backend: 'shop/cart-v2' }],
    ['a redirect', { url: 'http://www.shop.example.com/checkout?step=2' }, 'GET /checkout?step=2 → 301 https://www.shop.example.com/checkout?step=2', { status: 301, redirect: 'https://www.shop.example.com/checkout?step=2' }],
    ['a rewrite', { url: 'https://www.shop.example.com/api/v1/products/42' }, 'GET /api/v1/products/42 → 200 shop/catalog', { status: 200, backend: 'shop/catalog', path: '/v1/products/42' }],
    ['a named gateway', { url: 'https://www.shop.example.com/', gateway: 'infra/edge' }, 'GET / → 200 shop/storefront', { status: 200, backend: 'shop/storefront' }],
    ['no route', { url: 'https://nowhere.example.com/' }, 'GET / → 404', { status: 404 }],
  ])('%s: saved, read back, and it holds', async (_what, patch, name, expectation) => {
    const store = await setup();
    expect(await saveRequest(store, patch)).toBe(name);
    const s = store.getState().routeTests;
    const parsed = parseRouteTests({ name: 'shop.tests.yaml', text: s.text });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.cases.map((c) => c.name)).toEqual([name]);
    expect((parseYaml(s.text) as { tests: { expect: unknown }[] }).tests[0]?.expect).toEqual(expectation);
    expect(rows(store)).toEqual([`✓ ${name}`]);
    expect(s.saved).toMatchObject({ name, number: 1 });
  });

  it('writes the request fields: headers, SNI, gateway; in the mesh the client and its labels', async () => {
    const store = await setup();
    await saveRequest(store, { url: 'https://www.shop.example.com/cart', headers: [newKeyValue('x-canary', '1')], sni: 'www.shop.example.com', gateway: 'infra/edge' });
    await saveRequest(store, { mode: 'mesh', url: 'http://cart-v1.shop:8080/x', headers: [], sni: '', from: 'shop/frontend', labels: [newKeyValue('app', 'web')] });
    const cases = parseRouteTests({ name: 't', text: store.getState().routeTests.text }).cases;
    expect(cases.map((c) => c.witness)).toEqual([
      { request: 'GET https://www.shop.example.com/cart', headers: { 'x-canary': '1' }, sni: 'www.shop.example.com', gateway: 'infra/edge', mesh: null },
      { request: 'GET http://cart-v1.shop:8080/x', headers: {}, gateway: null, mesh: { from: 'shop/frontend', labels: { app: 'web' } } },
    ]);
    expect(store.getState().routeTests.run?.passed).toBe(2);
  });

  it('names a second save of the same request apart, and appends after the cases already written (comments kept)', async () => {
    const store = await setup();
    store.getState().openRouteTests(exampleTests);
    await settle(store);
    expect(store.getState().routeTests.run).toMatchObject({ passed: 5, failed: 0 });
    await saveRequest(store, { url: 'https://www.shop.example.com/' });
    await saveRequest(store, {});
    const s = store.getState().routeTests;
    expect(s.text.startsWith(exampleTests.split('tests:')[0] ?? '')).toBe(true);
    expect(rows(store)?.slice(5)).toEqual(['✓ GET / → 200 shop/storefront', '✓ GET / → 200 shop/storefront (2)']);
    expect(s.saved).toMatchObject({ number: 7 });
  });

  it('refuses to save without an answer, or into tests whose YAML does not read', async () => {
    const store = await setup();
    expect(store.getState().saveSimulatorAsTest()).toMatchObject({ ok: false });
    store.getState().startSimulator();
    await settle(store);
    store.getState().setRouteTestsText('tests: [\n');
    const edit = store.getState().saveSimulatorAsTest();
    expect(edit.ok).toBe(false);
    expect(store.getState().routeTests.text).toBe('tests: [\n');
  });
});

describe('route tests in the app: running as the design changes', () => {
  it('a saved test fails after an edit of the design, saying what differed', async () => {
    const store = await setup();
    const name = await saveRequest(store, { url: 'https://www.shop.example.com/cart' });
    store.getState().editText(example.replace('weight: 90', 'weight: 50').replace('weight: 10', 'weight: 50'));
    await settle(store);
    const run = store.getState().routeTests.run;
    expect(run).toMatchObject({ passed: 0, failed: 1 });
    expect(run?.rows[0]?.name).toBe(name);
    expect(run?.rows[0]?.failures.map((f) => `${f.field}: ${f.expected} ≠ ${f.actual}`)).toEqual([
      'backends: shop/cart-v1 share 0.9 (90%) ≠ share 0.5 (50%)',
      'backends: shop/cart-v2 share 0.1 (10%) ≠ share 0.5 (50%)',
    ]);
  });

  it('Accept the new answer: each failing expectation takes today\'s value, the rest stays as written', async () => {
    const store = await setup();
    store.getState().openRouteTests(exampleTests);
    await settle(store);
    const edited = example
      .replace('weight: 90', 'weight: 50')
      .replace('weight: 10', 'weight: 50')
      .replace('replacePrefixMatch: /v1', 'replacePrefixMatch: /v2')
      .replace('statusCode: 301', 'statusCode: 302')
      .replace('value: edge', 'value: gateway');
    store.getState().editText(edited);
    await settle(store);
    expect(rows(store)).toEqual([
      '✗ the cart is split 90/10 between v1 and v2',
      '✓ the canary header sends the cart to v2 only, untagged',
      '✗ plain HTTP is redirected to HTTPS',
      '✗ the catalog API gets /api/v1 rewritten to /v1',
      '✓ everything else is the storefront',
    ]);
    for (const i of [0, 2, 3]) {
      expect(store.getState().acceptRouteTest(i).ok).toBe(true);
      await settle(store);
    }
    expect(store.getState().routeTests.run).toMatchObject({ passed: 5, failed: 0 });
    const text = store.getState().routeTests.text;
    const cases = (parseYaml(text) as { tests: { expect: unknown }[] }).tests.map((t) => t.expect);
    expect(cases[0]).toEqual({ status: 200, route: 'shop/cart', backends: [{ name: 'shop/cart-v1', share: '50%' }, { name: 'shop/cart-v2', share: '50%' }], headers: { 'x-request-source': 'gateway' } });
    expect(cases[2]).toEqual({ status: 302, redirect: 'https://www.shop.example.com/checkout?step=2' });
    expect(cases[3]).toEqual({ backend: 'shop/catalog', path: '/v2/products/42' });
    expect(text).toContain('#   npx route-designer test examples/shop.tests.yaml');
    expect(store.getState().acceptRouteTest(9)).toMatchObject({ ok: false });
  });

  it('Accept the new answer renames a case named after its answer (not one the user named)', async () => {
    const store = await setup();
    await saveRequest(store, { url: 'https://www.shop.example.com/cart' });
    store.getState().editText(example.replace('weight: 90', 'weight: 30'));
    await settle(store);
    expect(store.getState().acceptRouteTest(0).ok).toBe(true);
    await settle(store);
    expect(rows(store)).toEqual(['✓ GET /cart → 200 shop/cart-v1 75%, shop/cart-v2 25%']);
  });

  it('runs after a tests edit, and reports the tests\' own problems by line and column', async () => {
    const store = await setup();
    store.getState().setRouteTestsText('tests:\n  - name: a\n    request: GET https://www.shop.example.com/\n    expect: {status: 404}\n');
    await settle(store);
    expect(rows(store)).toEqual(['✗ a']);
    store.getState().setRouteTestsText('tests:\n  - name: a\n    request: GET https://www.shop.example.com/\n    expect: {stat: 200}\n');
    await settle(store);
    const run = store.getState().routeTests.run;
    expect(run?.rows).toEqual([]);
    expect(run?.diagnostics.map((d) => [d.code, d.line, d.column, d.file])).toEqual([['TestUnknownField', 4, 14, 'shop.tests.yaml']]);
  });

  it('drops an answer of an older revision: the newest tests are shown', async () => {
    const session = createSyncAnalyzer();
    const pending: { request: RouteTestsRequest; resolve: (a: RouteTestsAnswer) => void }[] = [];
    const analyzer: Analyzer = { ...session, runTests: (request) => new Promise((resolve) => pending.push({ request, resolve })) };
    const store = createDesignStore({ analyzer, fileName: 'shop.yaml', simulatorDelayMs: 0, testsDelayMs: 0 });
    store.getState().loadText(example);
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    const one = 'tests:\n  - {name: one, request: GET https://www.shop.example.com/, expect: {status: 200}}\n';
    const two = one.replace('one', 'two');
    store.getState().setRouteTestsText(one);
    store.getState().setRouteTestsText(two); // while the first run is in flight
    expect(pending).toHaveLength(1);
    const first = pending[0];
    if (!first) throw new Error('no run');
    first.resolve(await session.runTests?.(first.request) ?? { seq: 0, tableId: 0, kind: 'unavailable' });
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().routeTests.run).toBeNull(); // the answer to `one` was dropped
    const second = pending[1];
    expect(second?.request.text).toBe(two);
    if (!second) throw new Error('no second run');
    second.resolve(await session.runTests?.(second.request) ?? { seq: 0, tableId: 0, kind: 'unavailable' });
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    expect(rows(store)).toEqual(['✓ two']);
  });

  it('renames and deletes a case in the YAML, keeping the rest', async () => {
    const store = await setup();
    store.getState().openRouteTests(exampleTests);
    await settle(store);
    expect(store.getState().renameRouteTest(1, 'canary testers get v2').ok).toBe(true);
    expect(store.getState().deleteRouteTest(2).ok).toBe(true);
    await settle(store);
    expect(rows(store)).toEqual(['✓ the cart is split 90/10 between v1 and v2', '✓ canary testers get v2', '✓ the catalog API gets /api/v1 rewritten to /v1', '✓ everything else is the storefront']);
    expect(store.getState().routeTests.text).toContain('#   npx route-designer test examples/shop.tests.yaml');
    expect(store.getState().renameRouteTest(9, 'x')).toMatchObject({ ok: false });
  });
});

describe('route tests belong to their design', () => {
  it('another design loaded clears them; tests opened with the design (same gesture) stay', async () => {
    const store = await setup();
    store.getState().openRouteTests(exampleTests);
    store.getState().loadText(example, 'other.yaml');
    await settle(store);
    expect(store.getState().routeTests.text).toBe('');
    store.getState().openRouteTests(exampleTests, { withDesign: true });
    store.getState().loadText(example, 'shop.yaml');
    await settle(store);
    expect(store.getState().routeTests.run).toMatchObject({ passed: 5 });
    await new Promise((r) => setTimeout(r, 5));
    store.getState().loadText('', 'design.yaml'); // New, later: not the same gesture
    expect(store.getState().routeTests.text).toBe('');
  });

  it('an import that appends, or fills an empty design, keeps them; one that replaces clears them, and its Undo brings them back', async () => {
    const store = await setup();
    editingOf(store); // the history, for Undo
    store.getState().openRouteTests(exampleTests);
    importManifest(store, 'apiVersion: v1\nkind: Service\nmetadata: {name: extra, namespace: shop}\n', { mode: 'append' });
    expect(store.getState().routeTests.text).toBe(exampleTests);
    const replaced = replaceDesign(store, example, 'pasted.yaml');
    expect(store.getState().routeTests.text).toBe('');
    await settle(store);
    expect(undoReplace(store, replaced)).toBe(true);
    expect(store.getState().routeTests.text).toBe(exampleTests);
    store.getState().loadText('', 'design.yaml'); // New
    store.getState().openRouteTests(exampleTests); // the tests first, then the design they test
    importManifest(store, example, { mode: 'replace', fileName: 'shop.yaml' });
    await settle(store);
    expect(store.getState().routeTests.run).toMatchObject({ passed: 5, failed: 0 });
  });

  it('are autosaved with the design and restored; a save without them still loads', async () => {
    const { design, autosave, store, local } = autosaveSetup();
    await autosave.restore();
    design.getState().loadText(example, 'shop.yaml');
    design.getState().openRouteTests(exampleTests);
    await saved(autosave, design);
    const record = readSave(store.map.get(AUTOSAVE_KEY));
    expect(record.kind === 'ok' && record.design.tests).toBe(exampleTests);
    autosave.stop();

    const next = autosaveSetup({ store, local: memoryStorage() });
    expect(await next.autosave.restore()).toBe(true);
    expect(next.design.getState().routeTests.text).toBe(exampleTests);
    expect(next.design.getState().text).toBe(example);

    local.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, fileName: 'a.yaml', text: 'x: 1\n', positions: {}, pinned: {}, savedAt: 1, rev: 99 }));
    const old = autosaveSetup({ local });
    expect(await old.autosave.restore()).toBe(true);
    expect(old.design.getState()).toMatchObject({ text: 'x: 1\n', routeTests: { text: '' } });
  });

  it('a tests edit alone is saved', async () => {
    const { design, autosave, store } = autosaveSetup();
    await autosave.restore();
    design.getState().loadText(example, 'shop.yaml');
    await saved(autosave, design);
    design.getState().setRouteTestsText(exampleTests);
    await saved(autosave, design);
    const record = readSave(store.map.get(AUTOSAVE_KEY));
    expect(record.kind === 'ok' && record.design.tests).toBe(exampleTests);
  });
});
