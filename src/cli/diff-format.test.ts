import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import shop from '../../public/examples/shop.yaml?raw';
import next from '../../examples/shop-next.yaml?raw';
import { mdCode, mdText } from './diff-markdown.js';
import { run } from './run.js';
import { memoryIO, type FakeEntry } from './test-io.js';

const FILES = { 'public/examples/shop.yaml': shop, 'examples/shop-next.yaml': next };
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('### Behaviour diff'));

async function diff(files: Record<string, FakeEntry>, ...argv: string[]): Promise<{ code: number; out: string }> {
  const io = memoryIO(files);
  const code = await run(['diff', ...argv], io);
  return { code, out: io.out };
}

describe("route-designer diff: README's examples are its output", () => {
  it('text', async () => {
    const shown = /```text\n([\s\S]*?)```/.exec(section)?.[1];
    const { code, out } = await diff(FILES, 'public/examples/shop.yaml', 'examples/shop-next.yaml');
    expect(code).toBe(4);
    expect(out).toBe(shown);
  });
  it('markdown (its first class)', async () => {
    const shown = /```markdown\n([\s\S]*?)… \(one such section per class[^\n]*\n```/.exec(section)?.[1] ?? 'missing';
    const { out } = await diff(FILES, 'public/examples/shop.yaml', 'examples/shop-next.yaml', '--format', 'markdown');
    expect(out.startsWith(shown)).toBe(true);
    expect(out).toContain('#### 3\\. `200 → shop/storefront ⇒ 200 → shop/catalog`\n');
  });
});

const gw = (rule: string, extra = ''): string => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec: {gatewayClassName: gc, listeners: [{name: http, protocol: HTTP, port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: web}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: web}
spec:
  parentRefs: [{name: gw}]
  rules:
  - ${rule}
${extra}`;

describe('route-designer diff --format json', () => {
  it('changes with the witness and simulate-shaped outcomes; status, problems, compared, candidates, uncrossed, unreadable', async () => {
    const { code, out } = await diff(FILES, 'public/examples/shop.yaml', 'examples/shop-next.yaml', '--format', 'json');
    expect(code).toBe(4);
    const d = JSON.parse(out) as Record<string, unknown> & { changes: Record<string, unknown>[] };
    expect(Object.keys(d)).toEqual(['changes', 'status', 'problems', 'compared', 'candidates', 'uncrossed', 'unreadable']);
    expect(d).toMatchObject({ status: [], problems: { added: [], fixed: [] }, compared: true, uncrossed: [], unreadable: { old: [], new: [] } });
    const weights = d.changes.find((c) => String(c.class).includes('50%')) ?? {};
    expect(Object.keys(weights)).toEqual(['class', 'requests', 'request', 'headers', 'gateway', 'mesh', 'before', 'after']);
    expect(weights).toMatchObject({ request: 'GET https://www.shop.example.com/cart', headers: {}, gateway: 'infra/edge', mesh: null });
    expect(weights.before).toEqual({ status: 200, route: { kind: 'HTTPRoute', namespace: 'shop', name: 'cart' }, rule: 1, backends: [
      { kind: 'Service', namespace: 'shop', name: 'cart-v1', port: 8080, subset: null, probability: 0.9 },
      { kind: 'Service', namespace: 'shop', name: 'cart-v2', port: 8080, subset: null, probability: 0.1 },
    ] });
    const redirect = d.changes.find((c) => String(c.class).startsWith('301')) ?? {};
    expect(redirect.after).toEqual({ status: 308, route: { kind: 'HTTPRoute', namespace: 'infra', name: 'https-redirect' }, rule: 0, backends: [], redirect: { status: 308, location: 'https://reach.shop.example.com/' } });
  });

  it.each<[string, string, string, string[]]>([
    ['a header set on the forwarded request: request', '{backendRefs: [{name: a, port: 80}]}', '{backendRefs: [{name: a, port: 80}], filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-a, value: "1"}]}}]}', ['request']],
    ['a timeout: timeouts', '{backendRefs: [{name: a, port: 80}]}', '{backendRefs: [{name: a, port: 80}], timeouts: {request: 5s}}', ['timeouts']],
    ['a missing backend taking half: outcomes', '{backendRefs: [{name: a, port: 80}]}', '{backendRefs: [{name: a, port: 80}, {name: z, port: 80}]}', ['outcomes']],
  ])('%s (only the fields that differ)', async (_name, before, after, extra) => {
    const { out } = await diff({ 'o.yaml': gw(before), 'n.yaml': gw(after) }, 'o.yaml', 'n.yaml', '--format', 'json');
    const [c, ...rest] = (JSON.parse(out) as { changes: { before: object; after: object }[] }).changes;
    expect(rest).toEqual([]);
    expect(Object.keys(c?.before ?? {})).toEqual(['status', 'route', 'rule', 'backends', ...extra]);
    expect(Object.keys(c?.after ?? {})).toEqual(['status', 'route', 'rule', 'backends', ...extra]);
  });

  it.each<[string, string, string, string]>([
    ['a header set: both sides say what the backend receives', '{backendRefs: [{name: a, port: 80}]}', '{backendRefs: [{name: a, port: 80}], filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-a, value: "1"}]}}]}',
      '   before: 200 · HTTPRoute web/r rule 1 · Service web/a:80 100%\n           backend receives: GET http://reach.example/; no x-a\n   after:  200 · HTTPRoute web/r rule 1 · Service web/a:80 100%\n           backend receives: GET http://reach.example/; x-a: 1\n'],
    ['a timeout: only the side that has one says so', '{backendRefs: [{name: a, port: 80}]}', '{backendRefs: [{name: a, port: 80}], timeouts: {request: 5s}}',
      '   before: 200 · HTTPRoute web/r rule 1 · Service web/a:80 100%\n   after:  200 · HTTPRoute web/r rule 1 · Service web/a:80 100%\n           timeouts: request 5s\n'],
  ])('text: %s', async (_name, before, after, shown) => {
    const { out } = await diff({ 'o.yaml': gw(before), 'n.yaml': gw(after) }, 'o.yaml', 'n.yaml');
    expect(out).toContain(shown);
  });

  it("problems added and fixed have validate's fields", async () => {
    const { out } = await diff({ 'o.yaml': gw('{backendRefs: [{name: a, port: 80}]}'), 'n.yaml': gw('{backendRefs: [{name: z, port: 80}]}') }, 'o.yaml', 'n.yaml', '--format', 'json');
    const added = (JSON.parse(out) as { problems: { added: Record<string, unknown>[] } }).problems.added;
    expect(added[0]).toMatchObject({ code: 'RefsNotResolved', severity: 'warning', file: 'n.yaml', line: expect.any(Number), column: expect.any(Number), resource: { kind: 'HTTPRoute', namespace: 'web', name: 'r' }, path: expect.stringContaining('backendRefs[0]') });
  });

  it('a version that cannot be read: compared false, its errors under unreadable', async () => {
    const { code, out } = await diff({ 'o.yaml': gw('{backendRefs: [{name: a, port: 80}]}'), 'n.yaml': 'kind: [' }, 'o.yaml', 'n.yaml', '--format', 'json');
    expect(code).toBe(1);
    const d = JSON.parse(out) as { compared: boolean; changes: unknown[]; unreadable: { old: unknown[]; new: { code: string; file: string }[] } };
    expect([d.compared, d.changes, d.unreadable.old]).toEqual([false, [], []]);
    expect(d.unreadable.new[0]).toMatchObject({ code: 'YAMLSyntax', file: 'n.yaml' });
  });
});

describe('route-designer diff --format markdown: text from the input cannot become markup', () => {
  it.each<[string, string, string]>([
    ['HTML, emphasis, links, mentions', '<img src=x> *a* [l](u) @team #1 ~x~ &amp;', '\\<img src=x\\> \\*a\\* \\[l\\]\\(u\\) \\@team \\#1 \\~x\\~ \\&amp;'],
    ['autolinks', 'see https://evil.example and www.evil.example', 'see https\\://evil.example and www\\.evil.example'],
    ['controls and bidi overrides', 'a\nb\u202ec\x1b', 'a\\\\nb\\\\u202ec\\\\x1b'],
    ['backslashes and backticks', 'a\\b `c`', 'a\\\\b \\`c\\`'],
  ])('mdText: %s', (_name, input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it.each<[string, string, boolean, string]>([
    ['plain', 'GET http://h/', false, '`GET http://h/`'],
    ['backticks inside take a longer fence', 'a `b` c', false, '``a `b` c``'],
    ['a leading backtick is padded', '`a', false, '`` `a ``'],
    ['a pipe in a table cell', 'a|b', true, '`a\\|b`'],
    ['controls', 'a\u202eb', false, '`a\\u202eb`'],
  ])('mdCode: %s', (_name, input, inTable, expected) => {
    expect(mdCode(input, inTable)).toBe(expected);
  });

  it.each(['text', 'markdown', 'json'])('--format %s: a control character or bidi override in a file name is printed escaped', async (format) => {
    const files = { 'o\u202e.yaml': gw('{backendRefs: [{name: a, port: 80}]}'), 'n\x1b[31m.yaml': gw('{backendRefs: [{name: z, port: 80}]}') };
    const { code, out } = await diff(files, 'o\u202e.yaml', 'n\x1b[31m.yaml', '--format', format);
    expect(code).toBe(4);
    expect([out.includes("\u202e"), out.includes("\x1b")]).toEqual([false, false]);
    expect(out).toContain(format === 'json' ? 'n\\u001b[31m.yaml' : format === 'text' ? 'n\\x1b[31m.yaml' : 'n\\\\x1b\\[31m.yaml');
  });

  it('a pull request that changes 400 classes still fits in one GitHub comment (65,536 characters)', async () => {
    const routes = (swap: boolean): string => Array.from({ length: 400 }, (_, i) => `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r${i}, namespace: web}\nspec:\n  parentRefs: [{name: gw}]\n  hostnames: [h${i}.example.com]\n  rules: [{backendRefs: [{name: a, port: 80, weight: ${swap ? 1000 - i : i + 1}}, {name: b, port: 80, weight: ${swap ? i + 1 : 1000 - i}}]}]\n`).join('');
    const b = '---\napiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: web}\nspec: {ports: [{port: 80}]}\n';
    const design = (swap: boolean): string => gw('{backendRefs: [{name: a, port: 80}]}', b + routes(swap));
    const { code, out } = await diff({ 'o.yaml': design(false), 'n.yaml': design(true) }, 'o.yaml', 'n.yaml', '--format', 'markdown');
    expect(code).toBe(4);
    expect(out.length).toBeLessThan(65_536);
    expect(out).toMatch(/^### Route Designer: 400 classes of requests behave differently\n/);
    expect(out).toMatch(/\n#### \d+ more classes of requests\n/);
    expect(out).toMatch(/\n- … and \d+ more classes \(`route-designer diff --format json` lists every one\)\n/);
  });

  it('a hostile header match value reaches the comment only inside its code block, escaped', async () => {
    const hostile = '{matches: [{headers: [{name: x-h, value: "```<script>|x"}]}], backendRefs: [{name: b, port: 80}]}';
    const b = '---\napiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: web}\nspec: {ports: [{port: 80}]}\n';
    const { code, out } = await diff({ 'o.yaml': gw('{backendRefs: [{name: a, port: 80}]}', b), 'n.yaml': gw(hostile, b) }, 'o.yaml', 'n.yaml', '--format', 'markdown');
    expect(code).toBe(4);
    expect(out).toContain("````sh\nroute-designer simulate n.yaml --request 'GET http://reach.example/' -H 'x-h: ```<script>|x' --gateway web/gw\n````\n");
    expect(out.replace(/````sh\n[^\n]*\n````/g, '')).not.toContain('<script>');
  });
});
