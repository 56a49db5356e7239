import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vs } from '../compile/istio/test-kit.js';
import { diffFaults, diffText, headersOf } from './testing.js';

/**
 * diff over two random Istio VirtualServices for shop.example.com on one ingress Gateway (first
 * match wins: rule order matters), with uri / method / header matches, weighted destinations,
 * header sets, rewrites and redirects: every witness shows its change, skipping alike sites loses
 * no class, and every request of a grid that behaves differently falls in a reported class.
 */
const match = fc.record({
  uri: fc.constantFrom(null, '{prefix: /x}', '{prefix: /x/y}', '{exact: /x}', '{regex: "/z/[0-9]+"}'),
  method: fc.constantFrom(null, 'GET'),
  header: fc.constantFrom(null, '1', '2'),
}).map((m) => `{${[m.uri ? `uri: ${m.uri}` : '', m.method ? `method: {exact: ${m.method}}` : '', m.header ? `headers: {x-h: {exact: "${m.header}"}}` : ''].filter((x) => x !== '').join(', ')}}`);
const destination = fc.record({ host: fc.constantFrom('a', 'b', 'c'), weight: fc.constantFrom(null, 20, 80) });
const rule = fc.record({
  match: fc.array(match, { maxLength: 2 }),
  route: fc.array(destination, { minLength: 1, maxLength: 2 }),
  extra: fc.constantFrom(null, 'set', 'rewrite', 'redirect'),
}).map((r) => {
  const lines = [r.match.length > 0 ? `  - match: [${r.match.join(', ')}]` : '  - {}'];
  if (r.extra === 'redirect') return [...lines, '    redirect: {authority: elsewhere.example.com}'].join('\n').replace('  - {}\n    ', '  - ');
  const weights = r.route.length > 1 && r.route.every((d) => d.weight !== null);
  lines.push(`    route: [${r.route.map((d) => `{destination: {host: ${d.host}}${weights ? `, weight: ${d.weight}` : ''}}`).join(', ')}]`);
  if (r.extra === 'set') lines.push('    headers: {request: {set: {x-set: v}}}');
  if (r.extra === 'rewrite') lines.push('    rewrite: {uri: /r}');
  return lines.join('\n').replace('  - {}\n    ', '  - ');
});
const designArb = fc.array(rule, { minLength: 1, maxLength: 4 }).map((rules) => vs(`${rules.join('\n')}\n`));

const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  path: fc.constantFrom('/', '/x', '/x/y', '/xy', '/z/12', '/z/a', '/q'),
  header: fc.constantFrom(null, '1', '2', '3'),
});

describe('diff properties over two random Istio VirtualServices', () => {
  it('witnesses show their change; the shortcut loses no class; every grid request that changes is in a class', () => {
    fc.assert(fc.property(designArb, designArb, fc.array(requestArb, { minLength: 1, maxLength: 15 }), (before, after, requests) => {
      expect(diffText(before, after).compared).toBe(true);
      const grid = requests.map((q) => ({ request: `${q.method} http://shop.example.com${q.path}`, headers: headersOf(q.header), gateway: 'istio-system/gw', mesh: null }));
      expect(diffFaults(before, after, grid)).toEqual([]);
    }), { numRuns: 60 });
  });
});
