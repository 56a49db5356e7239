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
    expect(second?.reach).toEqual({ state: 'shadowed', by: [{ label: 'HTTPRoute shop/shop spec.rules[0]', nodeId: expect.any(String), rowId: first?.id }] });
    expect(second?.problem?.message).toMatch(/can never match/);
  });

  it('two distinct rules are both reachable, each with its own witness', () => {
    const rows = rulesOf(design('/pay'));
    expect(rows.map((r) => r.reach?.state)).toEqual(['reachable', 'reachable']);
    expect(rows[1]?.reach).toMatchObject({ witness: { request: expect.stringContaining('/pay') } });
  });
});
