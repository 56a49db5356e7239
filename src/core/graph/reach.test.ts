import { describe, expect, it } from 'vitest';
import { review } from '../verdict/index.js';
import { buildGraph } from './build-graph.js';

const design = (second: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
    - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /cart}}]
      backendRefs: [{name: web, port: 80}]
    - matches: [{path: {type: PathPrefix, value: ${second}}}]
      backendRefs: [{name: web, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {ports: [{port: 80}]}
`;

function rulesOf(text: string) {
  const verdict = review([{ name: 'd.yaml', text }]);
  const graph = buildGraph(verdict.parsed.resources, verdict.diagnostics, verdict.compiled?.status, verdict.reach);
  const route = graph.nodes.find((n) => n.kind === 'HTTPRoute');
  return route?.rows ?? [];
}

// Issue 10 scope 6: an unreachable rule's row says which rule shadows it (and where that row is);
// a reachable one keeps the request that reaches it.
describe('rule rows carry their reachability', () => {
  it('a rule shadowed by an identical earlier one names that rule and its row', () => {
    const [first, second] = rulesOf(design('/cart'));
    expect(first?.reach).toMatchObject({ state: 'reachable', witness: { request: expect.stringContaining('/cart') } });
    expect(second?.reach).toEqual({ state: 'shadowed', by: [{ label: 'rule 1', detail: 'HTTPRoute shop/shop spec.rules[0]', nodeId: expect.any(String), rowId: first?.id }] });
    expect(second?.problem?.message).toMatch(/can never match/);
  });

  it('a shadowing rule of another route is named with its route, and by its name when it has one', () => {
    const text = design('/pay') + `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: late, namespace: shop, creationTimestamp: '2030-01-01T00:00:00Z'}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /cart}}]
      backendRefs: [{name: web, port: 80}]
`;
    const older = text.replace('metadata: {name: shop, namespace: shop}', "metadata: {name: shop, namespace: shop, creationTimestamp: '2020-01-01T00:00:00Z'}");
    const verdict = review([{ name: 'd.yaml', text: older.replace('    - matches: [{path: {type: PathPrefix, value: /cart}}]\n      backendRefs: [{name: web, port: 80}]\n    - matches: [{path: {type: PathPrefix, value: /pay', '    - name: cart\n      matches: [{path: {type: PathPrefix, value: /cart}}]\n      backendRefs: [{name: web, port: 80}]\n    - matches: [{path: {type: PathPrefix, value: /pay') }]);
    const graph = buildGraph(verdict.parsed.resources, verdict.diagnostics, verdict.compiled?.status, verdict.reach);
    const late = graph.nodes.find((n) => n.name === 'late')?.rows[0];
    expect(late?.reach).toMatchObject({ state: 'shadowed', by: [{ label: 'HTTPRoute shop/shop rule 1 (cart)', detail: 'HTTPRoute shop/shop spec.rules[0]' }] });
  });

  it('two distinct rules are both reachable, each with its own witness', () => {
    const rows = rulesOf(design('/pay'));
    expect(rows.map((r) => r.reach?.state)).toEqual(['reachable', 'reachable']);
    expect(rows[1]?.reach).toMatchObject({ witness: { request: expect.stringContaining('/pay') } });
  });
});
