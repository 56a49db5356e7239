import { describe, expect, it } from 'vitest';
import canary from '../../public/examples/canary.yaml?raw';
import istio from '../../public/examples/istio-subsets.yaml?raw';
import meshRoute from '../../public/examples/mesh-route.yaml?raw';
import shop from '../../public/examples/shop.yaml?raw';
import next from '../../examples/shop-next.yaml?raw';
import { run } from './run.js';
import { memoryIO, type FakeEntry } from './test-io.js';

// DESIGN.md "The command line": route-designer diff OLD NEW; exit 0 none, 4 some, 1 input errors, 2 unusable.
const head = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: web}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: web}
spec: {ports: [{port: 80}]}
`;
const routes = (...rs: string[]): string => `${head}${rs.map((r) => `---\n${r}`).join('')}`;
const route = (name: string, spec: string): string => `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: ${name}, namespace: web}\nspec:\n  parentRefs: [{name: gw}]\n${spec}`;
const split = (wa: number, wb: number): string => route('r', `  hostnames: [shop.example.com]\n  rules:\n  - backendRefs: [{name: a, port: 80, weight: ${wa}}, {name: b, port: 80, weight: ${wb}}]\n`);
const toA = (host = 'shop.example.com'): string => route('r', `  hostnames: [${host}]\n  rules:\n  - backendRefs: [{name: a, port: 80}]\n`);
const withRule = route('r', `  hostnames: [shop.example.com]\n  rules:\n  - matches: [{path: {type: PathPrefix, value: /beta}}]\n    backendRefs: [{name: b, port: 80}]\n  - backendRefs: [{name: a, port: 80}]\n`);
const moved = [route('r', `  hostnames: [shop.example.com]\n  rules:\n  - backendRefs: [{name: a, port: 80}]\n`), route('s', `  hostnames: [shop.example.com]\n  rules:\n  - matches: [{path: {type: PathPrefix, value: /beta}}]\n    backendRefs: [{name: b, port: 80}]\n`)];
const redirect = (code: number): string => route('r', `  hostnames: [shop.example.com]\n  rules:\n  - filters: [{type: RequestRedirect, requestRedirect: {scheme: https, statusCode: ${code}}}]\n`);

/** Pairs of designs and the classes of their diff (sorted): the changes a reviewer expects, and none where nothing changes. */
const DESIGNS: [string, string, string, string[]][] = [
  ['a weight change', routes(split(90, 10)), routes(split(50, 50)), ['200 → web/a 90%, web/b 10% ⇒ 200 → web/a 50%, web/b 50%']],
  ['a new rule that takes traffic', routes(toA()), routes(withRule), ['200 → web/a ⇒ 200 → web/b']],
  ['a rule moved to another route, routing alike', routes(withRule), routes(...moved), []],
  ['a hostname change', routes(toA('shop.example.com')), routes(toA('store.example.com')), ['200 → web/a ⇒ 404', '404 ⇒ 200 → web/a']],
  ['a redirect change', routes(redirect(301)), routes(redirect(302)), ['301 → https://(same host):443 (same path) ⇒ 302 → https://(same host):443 (same path)']],
  ['the shop and its next release', shop, next, [
    '200 → shop/cart-v1 90%, shop/cart-v2 10% ⇒ 200 → shop/cart-v1 50%, shop/cart-v2 50%',
    '200 → shop/storefront ⇒ 200 → shop/catalog',
    '301 → https://(same host):443 (same path) ⇒ 308 → https://(same host):443 (same path)',
  ]],
  ['Istio: subset weights 80/20 become 50/50', istio, istio.replace('weight: 80', 'weight: 50').replace('weight: 20', 'weight: 50'), ['200 → bookinfo/reviews#v1 80%, bookinfo/reviews#v2 20% ⇒ 200 → bookinfo/reviews#v1 50%, bookinfo/reviews#v2 50%']],
  ['a GAMMA mesh route: 95/5 becomes 0/100', meshRoute, meshRoute.replace('weight: 95', 'weight: 0').replace('weight: 5', 'weight: 100'), ['200 → payments/payments-next 5%, payments/payments-stable 95% ⇒ 200 → payments/payments-next']],
  ['two unrelated examples', canary, shop, [
    '200 → shop/checkout-v1 90%, shop/checkout-v2 10% ⇒ 404',
    '404 ⇒ 200 → shop/cart-v1 90%, shop/cart-v2 10% (x-request-source: edge)',
    '404 ⇒ 200 → shop/cart-v2',
    '404 ⇒ 200 → shop/catalog (path /api… → …)',
    '404 ⇒ 200 → shop/storefront',
    '404 ⇒ 301 → https://(same host):443 (same path)',
  ]],
];

interface ChangeJson {
  class: string;
  request: string;
  headers: Record<string, string>;
  gateway: string | null;
  mesh: { from: string } | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

async function diffJson(before: string, after: string): Promise<{ code: number; out: { changes: ChangeJson[]; compared: boolean; candidates: number; status: unknown[] } }> {
  const io = memoryIO({ 'old.yaml': before, 'new.yaml': after });
  const code = await run(['diff', 'old.yaml', 'new.yaml', '--format', 'json'], io);
  return { code, out: JSON.parse(io.out) as never };
}

describe('route-designer diff: what changes', () => {
  it.each(DESIGNS)('%s', async (_name, before, after, expected) => {
    const { code, out } = await diffJson(before, after);
    expect(out.changes.map((c) => c.class).sort()).toEqual(expected);
    expect(code).toBe(expected.length === 0 ? 0 : 4);
    expect(out.compared).toBe(true);
    expect(out.candidates).toBeGreaterThan(0);
  });

  it('reformatting is no change: documents reordered, JSON instead of YAML, defaults written out', async () => {
    const asJson = JSON.stringify({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'web' }, spec: { parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw' }], hostnames: ['shop.example.com'], rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'a', port: 80, weight: 1 }] }] } });
    const io = memoryIO({ 'old.yaml': routes(toA()), 'new/route.json': asJson, 'new/rest.yaml': head.split('---\n').reverse().join('---\n') });
    expect(await run(['diff', 'old.yaml', 'new'], io)).toBe(0);
    expect(io.out).toMatch(/^No request behaves differently\nCompared old\.yaml \(before\) with new \(after\): \d+ candidate requests sent to both\.\n$/);
  });
});

// The witness, given to simulate with the same flags on each version, must show the change.
describe('route-designer diff: every witness shows its change when simulate runs it', () => {
  const simulate = async (file: string, c: ChangeJson, files: Record<string, FakeEntry>): Promise<Record<string, unknown>> => {
    const io = memoryIO(files);
    const argv = ['simulate', file, '--request', c.request, ...Object.entries(c.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), ...(c.gateway ? ['--gateway', c.gateway] : []), ...(c.mesh ? ['--mesh', '--from', c.mesh.from] : []), '--format', 'json'];
    expect(await run(argv, io)).toBe(0);
    return JSON.parse(io.out) as Record<string, unknown>;
  };
  const compared = (d: Record<string, unknown>): string => JSON.stringify([d.status, d.outcomes, (d.backends as { name: string; probability: number; problem?: string }[]).filter((b) => !b.problem).map((b) => [b.name, b.probability]), d.redirect, d.request, d.mirrors, d.timeouts, d.retries]);
  // diff merges backends by identity, sorted, and leaves out those with no share (simulate lists them as declared).
  const byName = (bs: Record<string, unknown>[]): Record<string, unknown>[] => bs.filter((b) => b.probability !== 0).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
  const shown = (d: Record<string, unknown>): unknown => ({ status: d.status, route: d.route, rule: d.rule, backends: byName((d.backends as Record<string, unknown>[]).map(({ weight: _w, ...b }) => b)) });

  /** A command line as sh splits it: words, '…' quoted, '\'' for a quote (the only quoting the text uses). */
  const words = (line: string): string[] => [...line.matchAll(/(?:'[^']*'|\\'|[^\s'\\])+/g)].map((m) => m[0].replace(/'([^']*)'|\\(')/g, '$1$2'));

  it.each(DESIGNS.filter(([, , , classes]) => classes.length > 0))('%s: the text\'s command, pasted, gives the JSON\'s answers', async (_name, before, after) => {
    const files = { 'old.yaml': before, 'new.yaml': after };
    const [{ out }, text] = [await diffJson(before, after), memoryIO(files)];
    await run(['diff', 'old.yaml', 'new.yaml'], text);
    const commands = text.out.split('\n').filter((l) => l.startsWith('   route-designer simulate ')).map((l) => words(l.trim()).slice(1));
    expect(commands).toHaveLength(out.changes.length);
    for (const [i, argv] of commands.entries()) {
      const c = out.changes[i] as ChangeJson;
      for (const [file, side] of [['new.yaml', c.after], ['old.yaml', c.before]] as const) {
        const io = memoryIO(files);
        expect(await run([...argv.map((w) => (w === 'new.yaml' ? file : w)), '--format', 'json'], io)).toBe(0);
        expect(shown(JSON.parse(io.out) as Record<string, unknown>), `${c.class} on ${file}`).toEqual({ status: side.status, route: side.route, rule: side.rule, backends: byName(side.backends as Record<string, unknown>[]) });
      }
    }
  });

  it.each(DESIGNS.filter(([, , , classes]) => classes.length > 0))('%s', async (_name, before, after) => {
    const files = { 'old.yaml': before, 'new.yaml': after };
    const { out } = await diffJson(before, after);
    expect(out.changes.length).toBeGreaterThan(0);
    for (const c of out.changes) {
      const [a, b] = [await simulate('old.yaml', c, files), await simulate('new.yaml', c, files)];
      expect(compared(a), c.class).not.toBe(compared(b));
      // The JSON's before and after are simulate's own status, route, rule and backends.
      const pick = (o: Record<string, unknown>): unknown => ({ status: o.status, route: o.route, rule: o.rule, backends: byName(o.backends as Record<string, unknown>[]) });
      expect(pick(c.before)).toEqual(shown(a));
      expect(pick(c.after)).toEqual(shown(b));
    }
  });
});

describe('route-designer diff: exit codes', () => {
  const bad = new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0x0a]);
  it.each<[string, string[], Record<string, FakeEntry>, string, number, RegExp]>([
    ['no request changes', ['old.yaml', 'new.yaml'], { 'old.yaml': shop, 'new.yaml': shop }, '', 0, /^No request behaves differently\n/],
    ['status changes alone (a rule moved to another route) still exit 0', ['old.yaml', 'new.yaml'], { 'old.yaml': routes(withRule), 'new.yaml': routes(...moved) }, '', 0, /^No request behaves differently\n[^\n]*\n\nStatus changes \(3 fields of 2 objects\):\n {2}Gateway web\/gw\n {4}listeners\.http\.attachedRoutes: 1 → 2\n {2}HTTPRoute web\/s \(new\)\n {4}parents\.Gateway web\/gw\.conditions\.Accepted: True \(Accepted\)\n/],
    ['some requests change', ['old.yaml', 'new.yaml'], { 'old.yaml': shop, 'new.yaml': next }, '', 4, /^3 classes of requests behave differently\n/],
    ['one request class changes', ['old.yaml', 'new.yaml'], { 'old.yaml': routes(split(1, 1)), 'new.yaml': routes(split(1, 0)) }, '', 4, /^1 class of requests behaves differently\n/],
    ['OLD on stdin', ['-', 'new.yaml'], { 'new.yaml': next }, shop, 4, /Compared <stdin> \(before\) with new\.yaml \(after\)/],
    ['NEW as a directory', ['old.yaml', 'd'], { 'old.yaml': shop, 'd/a.yaml': shop }, '', 0, /^No request behaves differently/],
    ['a version with YAML errors is not compared', ['old.yaml', 'new.yaml'], { 'old.yaml': shop, 'new.yaml': `${next}\n---\nkind: [unclosed\n` }, '', 1, /^Not compared: new\.yaml cannot be read \(1 error\)\n[\s\S]*new\.yaml cannot be read:\n {2}new\.yaml:\d+:\d+: error YAMLSyntax/],
    ['bytes that are not characters', ['old.yaml', 'new.yaml'], { 'old.yaml': `${shop}---\n`, 'new.yaml': bad }, '', 1, /new\.yaml:1:7: error InvalidEncoding/],
    ['one version with no object is a design added whole', ['old.yaml', 'new.yaml'], { 'old.yaml': '# nothing yet\n', 'new.yaml': shop }, '', 4, /classes of requests behave differently/],
  ])('%s', async (_name, argv, files, stdin, code, out) => {
    const io = memoryIO(files, stdin);
    expect(await run(['diff', ...argv], io)).toBe(code);
    expect(io.out).toMatch(out);
  });

  it.each<[string, string[], Record<string, FakeEntry>, RegExp]>([
    ['no object in either version', ['old.yaml', 'new.yaml'], { 'old.yaml': '# a\n', 'new.yaml': '' }, /^route-designer diff: no Kubernetes objects in old\.yaml nor in new\.yaml\n$/],
    ['a missing path', ['old.yaml', 'nope.yaml'], { 'old.yaml': shop }, /cannot read nope\.yaml: no such file or directory/],
    ['one path', ['old.yaml'], { 'old.yaml': shop }, /expected OLD and NEW .* got 1 path\(s\)/],
    ['three paths', ['a', 'b', 'c'], {}, /got 3 path\(s\)/],
    ['stdin twice', ['-', '-'], {}, /- \(stdin\) is given more than once/],
    ['a bad --format', ['old.yaml', 'old.yaml', '--format', 'yaml'], { 'old.yaml': shop }, /--format must be text, json or markdown, not yaml/],
    ['an unknown flag', ['old.yaml', 'old.yaml', '--request', 'GET http://h/'], { 'old.yaml': shop }, /unknown option --request/],
    ['--git where git cannot run', ['--git', 'HEAD'], {}, /--git: git cannot be run here/],
  ])('%s → exit 2', async (_name, argv, files, err) => {
    const io = memoryIO(files);
    expect(await run(['diff', ...argv], io)).toBe(2);
    expect(io.err).toMatch(err);
    expect(io.out).toBe('');
  });

  it('a version with no object is named on stderr', async () => {
    const io = memoryIO({ 'old.yaml': '', 'new.yaml': shop });
    await run(['diff', 'old.yaml', 'new.yaml'], io);
    expect(io.err).toBe('route-designer diff: note: no Kubernetes objects in old.yaml: every request is compared with a design that has none\n');
  });
});
