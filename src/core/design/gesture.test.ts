import { describe, expect, it } from 'vitest';
import { buildGraph } from '../graph/build-graph.js';
import { parse } from '../resources/parse.js';
import { getAt } from '../resources/path.js';
import type { KubeObject } from '../resources/types.js';
import { editText } from './document.js';
import { backendEntryOfEdge, setEdgeWeight } from './edge-weight.js';
import { connectionEdits, parseRowPath, type CanvasConnection } from './gesture.js';
import { previewRemoval } from './removal-preview.js';

const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: shop}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80}, {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: cert}]}}]
---
# the route
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart, namespace: shop}
spec:
  rules: [{matches: [{path: {type: PathPrefix, value: /cart}}]}, {backendRefs: [{name: v1, port: 8080}]}]
---
apiVersion: v1
kind: Service
metadata: {name: v1, namespace: shop}
spec: {ports: [{name: http, port: 8080}, {name: admin, port: 9090}]}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: igw, namespace: shop}
spec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*']}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: [v1]
  http: [{route: [{destination: {host: v1, subset: a}, weight: 100}]}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: dr, namespace: shop}
spec: {host: v1, subsets: [{name: a, labels: {v: a}}, {name: b, labels: {v: b}}]}
`;

const parsed = parse([{ name: 'd.yaml', text: DESIGN }]);
const graph = buildGraph(parsed.resources);
const GW = 'gateway.networking.k8s.io/Gateway/shop/edge';
const ROUTE = 'gateway.networking.k8s.io/HTTPRoute/shop/cart';
const SVC = 'core/Service/shop/v1';
const IGW = 'networking.istio.io/Gateway/shop/igw';
const VS = 'networking.istio.io/VirtualService/shop/vs';

/** Applies a gesture and returns the changed field of the reparsed object. */
function after(c: CanvasConnection, id: string, path: (string | number)[]): unknown {
  const g = connectionEdits(parsed.resources, graph, c);
  if (!g.ok) throw new Error(g.reason);
  const text = editText(DESIGN, 'd.yaml', g.edits);
  expect(text).toContain('# the route');
  const r = parse([{ name: 'd.yaml', text }]).resources.find((x) => x.id === id);
  return getAt(r?.object as KubeObject, path);
}

describe('connection gestures', () => {
  it.each<[string, CanvasConnection, string, (string | number)[], unknown]>([
    ['listener row → route: parentRef with sectionName', { source: GW, sourceRow: `${GW}#listener:https`, target: ROUTE }, ROUTE, ['spec', 'parentRefs'], [{ name: 'edge', sectionName: 'https' }]],
    ['route → listener row (dragged backwards) means the same', { source: ROUTE, target: GW, targetRow: `${GW}#listener:http` }, ROUTE, ['spec', 'parentRefs'], [{ name: 'edge', sectionName: 'http' }]],
    ['Gateway header → route: every listener', { source: GW, target: ROUTE }, ROUTE, ['spec', 'parentRefs'], [{ name: 'edge' }]],
    ['rule row → Service: backendRef with the first port', { source: ROUTE, sourceRow: `${ROUTE}#rule:0`, target: SVC }, ROUTE, ['spec', 'rules', 0, 'backendRefs'], [{ name: 'v1', port: 8080 }]],
    ['rule row → port row: that port', { source: ROUTE, sourceRow: `${ROUTE}#rule:1`, target: SVC, targetRow: `${SVC}#port:admin` }, ROUTE, ['spec', 'rules', 1, 'backendRefs'], [{ name: 'v1', port: 8080 }, { name: 'v1', port: 9090 }]],
    ['Service → route: a mesh (GAMMA) parent', { source: SVC, target: ROUTE }, ROUTE, ['spec', 'parentRefs'], [{ group: '', kind: 'Service', name: 'v1' }]],
    ['Istio server → VirtualService: gateways keep mesh', { source: IGW, sourceRow: `${IGW}#server:http`, target: VS }, VS, ['spec', 'gateways'], ['mesh', 'igw']],
    ['VS route row → subset row: destination with subset', { source: VS, sourceRow: `${VS}#rule:http:0`, target: SVC, targetRow: `${SVC}#subset:b` }, VS, ['spec', 'http', 0, 'route', 1], { destination: { host: 'v1', subset: 'b' } }],
  ])('%s', (_name, c, id, path, expected) => {
    expect(after(c, id, path)).toEqual(expected);
  });

  it.each<[string, CanvasConnection, RegExp]>([
    ['the same backend twice', { source: ROUTE, sourceRow: `${ROUTE}#rule:1`, target: SVC, targetRow: `${SVC}#port:http` }, /already there/],
    ['two Services', { source: SVC, target: SVC }, /different objects/],
    ['a Gateway to a Service', { source: GW, target: SVC }, /cannot be connected/],
    ['a VirtualService to a Gateway API Gateway', { source: GW, target: VS }, /cannot be connected/],
  ])('refuses %s, saying why', (_name, c, reason) => {
    const g = connectionEdits(parsed.resources, graph, c);
    expect(g.ok).toBe(false);
    expect(g.ok ? '' : g.reason).toMatch(reason);
  });

  it('a second Istio destination writes the split out evenly', () => {
    const bare = parse([{ name: 'v.yaml', text: DESIGN.replace('{destination: {host: v1, subset: a}, weight: 100}', '{destination: {host: v1, subset: a}}') }]);
    const g = connectionEdits(bare.resources, buildGraph(bare.resources), { source: VS, sourceRow: `${VS}#rule:http:0`, target: SVC, targetRow: `${SVC}#subset:b` });
    expect(g.ok && JSON.stringify(g.edits[0])).toContain('"route":[{"destination":{"host":"v1","subset":"a"},"weight":50},{"destination":{"host":"v1","subset":"b"},"weight":50}]');
  });

  it('writes a new parentRefs list first and a new gateways list after hosts', () => {
    const specKeys = (c: CanvasConnection): string[] => {
      const g = connectionEdits(parsed.resources, graph, c);
      const edit = g.ok ? g.edits[0] : undefined;
      return edit?.type === 'replace' ? Object.keys(edit.object.spec as object) : [];
    };
    expect(specKeys({ source: GW, target: ROUTE })).toEqual(['parentRefs', 'rules']);
    expect(specKeys({ source: IGW, target: VS })).toEqual(['hosts', 'gateways', 'http']);
  });

  it('parses row paths', () => {
    expect(parseRowPath('spec.http[2]')).toEqual(['spec', 'http', 2]);
  });
});

describe('edge weights', () => {
  const backendEdge = (source: string) => graph.edges.find((e) => e.kind === 'backend' && e.source === source)!;
  it.each([
    [ROUTE, ['spec', 'rules', 1, 'backendRefs', 0], undefined],
    [VS, ['spec', 'http', 0, 'route', 0], 100],
  ])('finds the entry an edge of %s draws', (source, path, weight) => {
    const entry = backendEntryOfEdge(parsed.resources, graph, backendEdge(source).id);
    expect(entry?.path).toEqual(path);
    expect(entry?.weight).toBe(weight);
  });

  it('sets a weight, refusing what is not a whole number', () => {
    const g = setEdgeWeight(parsed.resources, graph, backendEdge(ROUTE).id, 90);
    expect(g.ok && editText(DESIGN, 'd.yaml', g.edits)).toContain('weight: 90');
    expect(setEdgeWeight(parsed.resources, graph, backendEdge(ROUTE).id, 1.5).ok).toBe(false);
  });
});

describe('removal preview', () => {
  it('says what cleaning up removes and what keeping flags', () => {
    const svc = parsed.resources.find((r) => r.id === SVC)!;
    const p = previewRemoval(parsed.resources, svc);
    expect(p.cleanUp.map((c) => `${c.from} ${c.path} ${c.outcome}`)).toEqual([
      'HTTPRoute shop/cart spec.rules[1].backendRefs[0].name removed',
      'VirtualService shop/vs spec.http[0].route[0].destination.host removed',
      'DestinationRule shop/dr spec.host broken',
    ]);
    expect(p.keep.every((c) => c.outcome === 'broken')).toBe(true);
  });
});
