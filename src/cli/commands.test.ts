import { describe, expect, it } from 'vitest';
import shop from '../../public/examples/shop.yaml?raw';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

const FILES = { 'shop.yaml': shop };

// DESIGN.md "The command line": simulate.
describe('route-designer simulate', () => {
  it('prints the decision as JSON, in DESIGN.md field order', async () => {
    const io = memoryIO(FILES);
    const code = await run(['simulate', 'shop.yaml', '--request', 'GET https://www.shop.example.com/cart', '-H', 'x-canary: 1', '--format', 'json'], io);
    expect(code).toBe(0);
    const d = JSON.parse(io.out) as Record<string, unknown>;
    // `certificate` (issue 13): the listener's certificate Secret for the SNI; shop.yaml's is redacted, so named and said unread.
    expect(Object.keys(d)).toEqual(['status', 'outcomes', 'dialect', 'gateway', 'listener', 'certificate', 'route', 'rule', 'match', 'backends', 'request', 'responseHeaders', 'redirect', 'mirrors', 'timeouts', 'retries', 'notes', 'trace']);
    expect(d).toMatchObject({ status: 200, dialect: 'gateway-api', gateway: { kind: 'Gateway', namespace: 'infra', name: 'edge' }, listener: 'https', route: { kind: 'HTTPRoute', namespace: 'shop', name: 'cart' }, rule: 0, match: 0 });
    expect(d.certificate).toEqual({ secret: { namespace: 'infra', name: 'shop-wildcard-cert' }, sni: 'www.shop.example.com', subject: null, names: [], notAfter: null, covers: null, unread: 'cannot read: redacted before this session' });
    expect(d.backends).toEqual([{ kind: 'Service', namespace: 'shop', name: 'cart-v2', port: 8080, subset: null, weight: 1, probability: 1 }]);
  });
  it('prints a readable answer and its trace', async () => {
    const io = memoryIO(FILES);
    expect(await run(['simulate', 'shop.yaml', '--request', 'GET https://www.shop.example.com/cart'], io)).toBe(0);
    expect(io.out).toMatch(/^200 OK\n/);
    expect(io.out).toContain('Service shop/cart-v1:8080  weight 90  90%');
    // Numbered from 1, as the app's inspector numbers rules (the JSON's rule/match stay 0-based).
    expect(io.out).toContain('route: HTTPRoute shop/cart rule 2 match 1');
    expect(io.out).toContain('✗ match HTTPRoute shop/cart rule 1 match 1 — header x-canary absent');
  });
  it('redirects plain HTTP', async () => {
    const io = memoryIO(FILES);
    await run(['simulate', 'shop.yaml', '--request', 'http://www.shop.example.com/x', '--format', 'json'], io);
    expect(JSON.parse(io.out)).toMatchObject({ status: 301, redirect: { status: 301, location: 'https://www.shop.example.com/x' } });
  });
  it('--gateway, --sni, -n and stdin', async () => {
    const io = memoryIO({}, shop);
    await run(['simulate', '-', '--request', 'GET https://www.shop.example.com/', '--sni', 'www.shop.example.com', '--gateway', 'infra/edge', '-n', 'default', '--format', 'json'], io);
    expect(JSON.parse(io.out)).toMatchObject({ status: 200, route: { name: 'storefront' } });
  });
  it('--mesh --from sends inside the mesh', async () => {
    const io = memoryIO(FILES);
    await run(['simulate', 'shop.yaml', '--request', 'GET http://catalog.shop:8080/x', '--mesh', '--from', 'shop/web', '--from-labels', 'app=web,tier=front', '--format', 'json'], io);
    expect(JSON.parse(io.out)).toMatchObject({ status: 200, gateway: { kind: 'Service', name: 'catalog' }, backends: [{ name: 'catalog', port: 8080 }] });
  });
  it('--assume-external is passed to compile', async () => {
    const yaml = shop.replace('name: cart-v1\n  namespace: shop', 'name: cart-v0\n  namespace: shop');
    const io = memoryIO({ 's.yaml': yaml });
    await run(['simulate', 's.yaml', '--request', 'GET https://www.shop.example.com/cart', '--assume-external', '--format', 'json'], io);
    const d = JSON.parse(io.out) as { outcomes: unknown[]; notes: { code: string }[] };
    expect(d.outcomes).toEqual([{ probability: 1, status: 200 }]);
    expect(d.notes.map((n) => n.code)).toContain('AssumedExternal');
  });
  it.each([
    [['simulate', 'shop.yaml'], /--request is required/],
    [['simulate', 'shop.yaml', '--request', 'nonsense'], /--request: cannot read/],
    [['simulate', 'shop.yaml', '--request', 'GET http://h/', '--gateway', 'edge'], /expected NS\/NAME/],
    [['simulate', 'shop.yaml', '--request', 'GET http://h/', '--mesh'], /--mesh and --from/],
    [['simulate', 'shop.yaml', '--request', 'GET http://h/', '--gateway', 'a/b', '--mesh', '--from', 'a/b'], /cannot be combined/],
    [['simulate', 'missing.yaml', '--request', 'GET http://h/'], /cannot read missing.yaml/],
    [['simulate', 'shop.yaml', '--request', 'GET http://h/', '--bogus'], /unknown option --bogus/],
  ])('%j → exit 2 (%s)', async (argv, message) => {
    const io = memoryIO(FILES);
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
  });
  it('an input with no Kubernetes object is unusable (exit 2)', async () => {
    const io = memoryIO({ 'x.yaml': 'just: [unclosed' });
    expect(await run(['simulate', 'x.yaml', '--request', 'GET http://h/'], io)).toBe(2);
  });
});

// DESIGN.md "status --format json".
describe('route-designer status', () => {
  it('prints a v1 List in JSON', async () => {
    const io = memoryIO(FILES);
    expect(await run(['status', 'shop.yaml', '--format', 'json'], io)).toBe(0);
    const list = JSON.parse(io.out) as { apiVersion: string; kind: string; items: { kind: string; metadata: { name: string } }[] };
    expect([list.apiVersion, list.kind]).toEqual(['v1', 'List']);
    expect(list.items.map((i) => `${i.kind}/${i.metadata.name}`)).toEqual(['GatewayClass/istio', 'Gateway/edge', 'HTTPRoute/https-redirect', 'HTTPRoute/cart', 'HTTPRoute/storefront']);
  });
  it('prints a readable summary, with the reason of every condition that is not fine', async () => {
    const yaml = shop.replace('name: cart-v2\n          port: 8080\n    - matches', 'name: cart-v3\n          port: 8080\n    - matches');
    const io = memoryIO({ 's.yaml': yaml });
    expect(await run(['status', 's.yaml'], io)).toBe(0);
    expect(io.out).toContain('Gateway infra/edge: Accepted=True, Programmed=True');
    expect(io.out).toContain('ResolvedRefs=False (BackendNotFound: Service shop/cart-v3 is not in this design)');
  });
  it('help lists both commands', async () => {
    const io = memoryIO({});
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toMatch(/route-designer status FILE/);
    expect(io.out).toMatch(/route-designer simulate FILE/);
  });
});
