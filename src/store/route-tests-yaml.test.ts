import { describe, expect, it } from 'vitest';
import { parseRouteTests } from '../core/index';
import { shareText, freeName } from './route-tests-case';
import { appendCase, caseNames, deleteCase, emptyTestsText, isRouteTestsText, renameCase, testsFileName } from './route-tests-yaml';

const CASE = { name: 'GET / → 200 shop/storefront', request: 'GET https://www.shop.example.com/', expect: { status: 200, backend: 'shop/storefront' } };

describe('the tests as YAML text', () => {
  it.each([
    ['kind: RouteTests\ntests: []\n', true],
    ['# comment\napiVersion: route-designer.dev/v1alpha1\nkind: "RouteTests"  # the tests\n', true],
    ['apiVersion: v1\nkind: Service\n---\nkind: RouteTests\n', false],
    ['apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n', false],
    ['spec:\n  kind: RouteTests\n', false],
    ['', false],
  ])('isRouteTestsText(%j) is %s', (text, expected) => {
    expect(isRouteTestsText(text)).toBe(expected);
  });

  it.each([
    ['shop.yaml', 'shop.tests.yaml'],
    ['shop.yml', 'shop.tests.yaml'],
    ['design.JSON', 'design.tests.yaml'],
    ['.yaml', 'design.tests.yaml'],
  ])('names the tests of %s %s', (design, tests) => {
    expect(testsFileName(design)).toBe(tests);
  });

  it('starts a new file that reads as RouteTests, then appends to it', () => {
    const first = appendCase('', CASE, 'shop.yaml');
    if (!first.ok) throw new Error(first.error);
    expect(first.text.startsWith(emptyTestsText('shop.yaml').split('tests:')[0] ?? '')).toBe(true);
    const second = appendCase(first.text, { ...CASE, name: 'second', headers: { 'x-canary': '1' }, mesh: { from: 'shop/web', labels: { app: 'web' } } }, 'shop.yaml');
    if (!second.ok) throw new Error(second.error);
    const parsed = parseRouteTests({ name: 't', text: second.text });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.cases.map((c) => [c.name, c.witness.headers, c.witness.mesh])).toEqual([
      [CASE.name, {}, null],
      ['second', { 'x-canary': '1' }, { from: 'shop/web', labels: { app: 'web' } }],
    ]);
    expect(caseNames(second.text)).toEqual([CASE.name, 'second']);
  });

  it('renames and deletes by index, and says why not', () => {
    const text = 'tests:\n  # first\n  - {name: a, request: GET https://h/, expect: {status: 200}}\n  - {name: b, request: GET https://h/, expect: {status: 200}}\n';
    const renamed = renameCase(text, 1, ' c ');
    expect(renamed.ok && caseNames(renamed.text)).toEqual(['a', 'c']);
    expect(renamed.ok && renamed.text).toContain('# first');
    const deleted = deleteCase(text, 0);
    expect(deleted.ok && caseNames(deleted.text)).toEqual(['b']);
    expect(renameCase(text, 2, 'x')).toEqual({ ok: false, error: 'there is no test 3' });
    expect(renameCase(text, 0, '  ')).toEqual({ ok: false, error: 'a test needs a name' });
    expect(deleteCase('tests: [\n', 0).ok).toBe(false);
    expect(appendCase('tests: {a: 1}\n', CASE, 'shop.yaml')).toEqual({ ok: false, error: 'tests: is not a list: fix it under Edit as YAML first' });
  });

  it.each([
    [0.9, '90%'],
    [0.1, '10%'],
    [1, '100%'],
    [0.125, 0.125],
    [1 / 3, 0.333333],
    [0.8333333333, 0.833333],
  ])('writes share %s as %j', (p, written) => {
    expect(shareText(p)).toBe(written);
  });

  it('names a case apart from those taken', () => {
    expect(freeName('a', ['a', 'a (2)'])).toBe('a (3)');
    expect(freeName('b', ['a'])).toBe('b');
  });
});
