import { describe, expect, it } from 'vitest';
import { applyEdits } from '../resources/edit.js';
import { parse } from '../resources/parse.js';
import { serializeObject } from '../resources/serialize.js';
import type { Resource } from '../resources/types.js';
import { validate } from '../validate/index.js';
import { addBackendRef, addDestination, attachRoute, bindVirtualService, setBackendWeight } from './connect.js';
import { renameResource } from './rename.js';
import { removeResource } from './remove.js';
import { newObject, PALETTE } from './templates.js';

const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
# keep this comment
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra, sectionName: http}]
  rules:
    - backendRefs: [{name: cart, port: 8080}, {name: cart-v2, port: 8080}]
      filters: [{type: RequestMirror, requestMirror: {backendRef: {name: cart, port: 8080}}}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 8080}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart-vs, namespace: shop}
spec:
  hosts: [cart]
  gateways: [infra/istio-edge, mesh]
  http: [{route: [{destination: {host: cart}}, {destination: {host: cart.shop.svc.cluster.local, subset: v2}}]}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: istio-edge, namespace: infra}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ['*/*']}]
`;

const design = () => parse([{ name: 'd.yaml', text: DESIGN }]);
const find = (rs: readonly Resource[], kind: string, name: string) => rs.find((r) => r.kind === kind && r.name === name)!;

describe('palette templates', () => {
  it.each(PALETTE.map((p) => [p.kind]))('a new %s is valid against the schemas and CEL rules', (kind) => {
    const parsed = parse([{ name: 'n.yaml', text: serializeObject(newObject(kind, 'shop', 'new-one')) }]);
    expect(validate(parsed).filter((d) => d.severity !== 'info')).toEqual([]);
  });
});

describe('rename follows references', () => {
  it('renames a Service in backendRefs, mirrors and Istio hosts, keeping each form', () => {
    const p = design();
    const text = applyEdits(p.files[0]!, renameResource(p.resources, find(p.resources, 'Service', 'cart'), 'basket'));
    const next = parse([{ name: 'd.yaml', text }]).resources;
    const route = find(next, 'HTTPRoute', 'cart').object as { spec: { rules: { backendRefs: { name: string }[]; filters: { requestMirror: { backendRef: { name: string } } }[] }[] } };
    expect(route.spec.rules[0]!.backendRefs.map((b) => b.name)).toEqual(['basket', 'cart-v2']);
    expect(route.spec.rules[0]!.filters[0]!.requestMirror.backendRef.name).toBe('basket');
    const vs = find(next, 'VirtualService', 'cart-vs').object as { spec: { hosts: string[]; http: { route: { destination: { host: string } }[] }[] } };
    expect(vs.spec.http[0]!.route.map((r) => r.destination.host)).toEqual(['basket', 'basket.shop.svc.cluster.local']);
    expect(vs.spec.hosts).toEqual(['cart']); // a VirtualService's hosts are request hosts, not references
    expect(text).toContain('# keep this comment');
  });

  it('renames a Gateway in parentRefs and an Istio Gateway in ns/name form', () => {
    const p = design();
    const gwText = applyEdits(p.files[0]!, renameResource(p.resources, find(p.resources, 'Gateway', 'edge'), 'front'));
    expect(gwText).toMatch(/parentRefs:\n\s+- name: front\n\s+namespace: infra/);
    const istio = p.resources.find((r) => r.family === 'istio' && r.kind === 'Gateway')!;
    const isText = applyEdits(p.files[0]!, renameResource(p.resources, istio, 'front-door'));
    expect(isText).toContain('- infra/front-door');
  });
});

describe('remove cleans up or flags references', () => {
  it('flags every reference without cleanUp', () => {
    const p = design();
    const r = removeResource(p.resources, find(p.resources, 'Service', 'cart'), { cleanUp: false });
    expect(r.edits).toHaveLength(1);
    expect(r.dangling.map((d) => d.path.join('.'))).toEqual([
      'spec.rules.0.backendRefs.0.name',
      'spec.rules.0.filters.0.requestMirror.backendRef.name',
      'spec.http.0.route.0.destination.host',
      'spec.http.0.route.1.destination.host',
    ]);
  });

  it('removes list entries with cleanUp', () => {
    const p = design();
    const text = applyEdits(p.files[0]!, removeResource(p.resources, find(p.resources, 'Service', 'cart'), { cleanUp: true }).edits);
    const next = parse([{ name: 'd.yaml', text }]).resources;
    expect(next.filter((r) => r.kind === 'Service').map((r) => r.name)).toEqual([]);
    expect(JSON.stringify(find(next, 'HTTPRoute', 'cart').object.spec)).toBe(JSON.stringify({ parentRefs: [{ name: 'edge', namespace: 'infra', sectionName: 'http' }], rules: [{ backendRefs: [{ name: 'cart-v2', port: 8080 }], filters: [] }] }));
    expect(JSON.stringify(find(next, 'VirtualService', 'cart-vs').object.spec)).not.toContain('destination');
  });
});

describe('connect gestures', () => {
  it('attaches a route to a listener with sectionName and the parent namespace', () => {
    const p = design();
    const gw = find(p.resources, 'Gateway', 'edge');
    const route = { ...find(p.resources, 'HTTPRoute', 'cart'), object: { ...find(p.resources, 'HTTPRoute', 'cart').object, spec: {} } };
    expect(attachRoute(route, gw, { sectionName: 'http' }).spec).toEqual({ parentRefs: [{ name: 'edge', namespace: 'infra', sectionName: 'http' }] });
  });

  it('attaches a mesh route to a Service (GAMMA: group "" and kind Service)', () => {
    const p = design();
    const route = find(p.resources, 'HTTPRoute', 'cart');
    const spec = attachRoute(route, find(p.resources, 'Service', 'cart')).spec as { parentRefs: unknown[] };
    expect(spec.parentRefs[1]).toEqual({ group: '', kind: 'Service', name: 'cart' });
  });

  it('adds a backendRef with the Service port, then sets a weight', () => {
    const p = design();
    const route = find(p.resources, 'HTTPRoute', 'cart');
    const withBackend = addBackendRef(route, 0, find(p.resources, 'Service', 'cart')) as { spec: { rules: { backendRefs: unknown[] }[] } };
    expect(withBackend.spec.rules[0]!.backendRefs[2]).toEqual({ name: 'cart', port: 8080 });
    const weighted = setBackendWeight(route, 0, 1, 10) as { spec: { rules: { backendRefs: { weight?: number }[] }[] } };
    expect(weighted.spec.rules[0]!.backendRefs[1]!.weight).toBe(10);
  });

  it('binds a VirtualService to a Gateway, keeping mesh when the list was empty', () => {
    const p = design();
    const vs = find(p.resources, 'VirtualService', 'cart-vs');
    const bare = { ...vs, object: { ...vs.object, spec: { hosts: ['cart'] } } };
    const istio = p.resources.find((r) => r.family === 'istio' && r.kind === 'Gateway')!;
    expect((bindVirtualService(bare, istio).spec as { gateways: string[] }).gateways).toEqual(['mesh', 'infra/istio-edge']);
    const svc = find(p.resources, 'Service', 'cart');
    expect(JSON.stringify(addDestination(vs, 0, svc, 'v3'))).toContain('{"destination":{"host":"cart","subset":"v3"}}');
  });
});
