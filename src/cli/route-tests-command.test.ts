import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import shopTests from '../../examples/shop.tests.yaml?raw';
import shop from '../../public/examples/shop.yaml?raw';
import { run } from './run.js';
import { memoryIO, type FakeEntry } from './test-io.js';

const FILES = { 'shop.yaml': shop, 'shop.tests.yaml': shopTests };

const failing = `tests:
  - name: the cart goes to v2
    request: GET https://www.shop.example.com/cart
    expect:
      backend: shop/cart-v2
  - name: the storefront answers
    request: GET https://www.shop.example.com/
    expect: {status: 200}
`;

// README "Route tests": route-designer test TESTS.yaml FILE...
describe('route-designer test', () => {
  it('runs the tests kept next to the shop example: every case holds (exit 0)', async () => {
    const io = memoryIO(FILES);
    expect(await run(['test', 'shop.tests.yaml', 'shop.yaml'], io)).toBe(0);
    expect(io.out).toContain('✓ the cart is split 90/10 between v1 and v2\n');
    expect(io.out).toMatch(/5 case\(s\): passed 5, failed 0\n$/);
    expect(io.err).toBe('');
  });

  it("README's example tests file holds on the shop example", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Route tests'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const io = memoryIO({ ...FILES, 'readme.tests.yaml': example });
    expect(await run(['test', 'readme.tests.yaml', 'shop.yaml'], io)).toBe(0);
    expect(io.out).toMatch(/4 case\(s\): passed 4, failed 0\n$/);
  });

  it('prints a failing case with what differed, the request as simulate takes it and the trace (exit 1)', async () => {
    const io = memoryIO({ ...FILES, 'f.yaml': failing });
    expect(await run(['test', 'f.yaml', 'shop.yaml'], io)).toBe(1);
    expect(io.out).toContain('✗ the cart goes to v2  (f.yaml:2:11)\n');
    expect(io.out).toContain('    backends: expected no other backend, got Service shop/cart-v1:8080 share 0.9 (90%)\n');
    expect(io.out).toContain("    simulate --request 'GET https://www.shop.example.com/cart'\n");
    expect(io.out).toContain('        route: HTTPRoute shop/cart rule 2 match 1\n');
    expect(io.out).toContain('        ✗ match HTTPRoute shop/cart rule 1 match 1 — header x-canary absent\n');
    expect(io.out).toContain('✓ the storefront answers\n');
    expect(io.out).toMatch(/2 case\(s\): passed 1, failed 1\n$/);
  });

  it('--format json: cases with request, expected, actual, failures and trace; the totals', async () => {
    const io = memoryIO({ ...FILES, 'f.yaml': failing });
    expect(await run(['test', 'f.yaml', 'shop.yaml', '--format', 'json'], io)).toBe(1);
    const out = JSON.parse(io.out) as { cases: Record<string, unknown>[]; passed: number; failed: number };
    expect([out.passed, out.failed]).toEqual([1, 1]);
    const c = out.cases[0] ?? {};
    expect(Object.keys(c)).toEqual(['name', 'passed', 'request', 'headers', 'gateway', 'mesh', 'expected', 'actual', 'failures', 'trace']);
    expect(c).toMatchObject({ name: 'the cart goes to v2', passed: false, request: 'GET https://www.shop.example.com/cart', headers: {}, gateway: null, mesh: null, expected: { backends: [{ namespace: 'shop', name: 'cart-v2' }] } });
    expect(c.actual).toMatchObject({ status: 200, route: 'shop/cart', backends: [{ name: 'cart-v1', share: 0.9 }, { name: 'cart-v2', share: 0.1 }] });
    expect(c.failures).toEqual([{ field: 'backends', expected: 'no other backend', actual: 'Service shop/cart-v1:8080 share 0.9 (90%)' }]);
    expect((c.trace as { step: string }[]).map((t) => t.step)).toContain('match');
  });

  it('reads the tests from stdin, the design from a directory', async () => {
    const io = memoryIO({ 'm/shop.yaml': shop }, shopTests);
    expect(await run(['test', '-', 'm'], io)).toBe(0);
  });

  it('prints manifest errors and still runs the cases on the rest of the design', async () => {
    const io = memoryIO({ ...FILES, 'broken.yaml': 'kind: [' });
    expect(await run(['test', 'shop.tests.yaml', 'shop.yaml', 'broken.yaml'], io)).toBe(0);
    expect(io.err).toMatch(/^broken\.yaml:1:\d+: error YAMLSyntax/);
  });

  it('a tests file among the manifests is passed over as an object it does not model', async () => {
    const io = memoryIO({ 'd/shop.yaml': shop, 'd/shop.tests.yaml': shopTests });
    expect(await run(['test', 'd/shop.tests.yaml', 'd'], io)).toBe(0);
    expect(io.err).toBe('');
  });

  it.each<[string, string[], Record<string, FakeEntry>, RegExp]>([
    ['a tests file with problems, each at its place', ['test', 't.yaml', 'shop.yaml'], { 't.yaml': 'tests:\n  - name: a\n    request: GET https://h/\n    expect: {status: 2000, backendz: a/b}\n' }, /^t\.yaml:4:22: error TestInvalidValue .*\nt\.yaml:4:28: error TestUnknownField .*\nroute-designer test: t\.yaml cannot be used \(2 problem\(s\)\)\n$/],
    ['a tests file with no case', ['test', 't.yaml', 'shop.yaml'], { 't.yaml': '# nothing yet\n' }, /t\.yaml:1:1: error TestNoCases/],
    ['bytes that are not characters', ['test', 't.yaml', 'shop.yaml'], { 't.yaml': new Uint8Array([0x74, 0x3a, 0x20, 0xff, 0x0a]) }, /^t\.yaml:1:4: error InvalidEncoding .*\nroute-designer test: t\.yaml cannot be used/],
    ['a missing tests file', ['test', 'missing.yaml', 'shop.yaml'], {}, /cannot read missing\.yaml: no such file or directory/],
    ['a directory as the tests file', ['test', 'd', 'shop.yaml'], { 'd/x.yaml': failing }, /d is a directory: the tests are one file/],
    ['no tests file', ['test'], {}, /no TESTS file given/],
    ['no manifests', ['test', 'shop.tests.yaml'], {}, /no FILE given after the tests file/],
    ['stdin twice', ['test', '-', '-'], {}, /- \(stdin\) is given more than once/],
    ['a missing manifest', ['test', 'shop.tests.yaml', 'missing.yaml'], {}, /cannot read missing\.yaml/],
    ['manifests with no object', ['test', 'shop.tests.yaml', 'empty.yaml'], { 'empty.yaml': '# nothing\n' }, /route-designer test: no Kubernetes objects in empty\.yaml/],
    ['an unknown flag', ['test', 'shop.tests.yaml', 'shop.yaml', '--request', 'GET http://h/'], {}, /unknown option --request/],
    ['a bad --format', ['test', 'shop.tests.yaml', 'shop.yaml', '--format', 'yaml'], {}, /--format must be text or json/],
  ])('%s → exit 2', async (_name, argv, files, message) => {
    const io = memoryIO({ ...FILES, ...files });
    expect(await run(argv, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });
});
