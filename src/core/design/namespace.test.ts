import { describe, expect, it } from 'vitest';
import type { ResourceEdit } from '../resources/edit.js';
import { parse } from '../resources/parse.js';
import { serializeObject } from '../resources/serialize.js';
import type { Resource } from '../resources/types.js';
import { editText } from './document.js';
import { changeNamespace, type NamespaceNoteCode } from './namespace.js';

const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
    - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
    - {name: internal, protocol: HTTP, port: 8080}
    - {name: https, protocol: HTTPS, port: 443, tls: {certificateRefs: [{name: cert}]}, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra, sectionName: http}]
  rules:
    - backendRefs: [{name: cart, port: 8080}, {name: pay, namespace: billing, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: admin, namespace: infra}
spec:
  parentRefs: [{name: edge, sectionName: internal}]
  rules:
    - backendRefs: [{name: cart, namespace: shop, port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: pay, namespace: billing}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: allow-shop, namespace: billing}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: shop}]
  to: [{group: '', kind: Service}]
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: only-cart, namespace: shop}
spec:
  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: infra}]
  to: [{group: '', kind: Service, name: cart}]
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
kind: VirtualService
metadata: {name: edge-vs, namespace: infra}
spec:
  hosts: [shop.example.com]
  gateways: [istio-edge]
  tls: [{match: [{port: 443, sniHosts: [shop.example.com]}], route: [{destination: {host: cart.shop}}]}]
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: cart-dr, namespace: shop}
spec: {host: cart, subsets: [{name: v2, labels: {version: v2}}]}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: istio-edge, namespace: infra}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['*'], tls: {mode: SIMPLE, credentialName: cert}}]
---
apiVersion: v1
kind: Secret
metadata: {name: cert, namespace: infra}
type: kubernetes.io/tls
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: cart-tls, namespace: shop}
spec:
  targetRefs: [{group: '', kind: Service, name: cart}]
  validation: {hostname: cart.example.com, wellKnownCACertificates: System}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
spec: {controllerName: istio.io/gateway-controller}
`;

const parsed = parse([{ name: 'd.yaml', text: DESIGN }]);
const resources = parsed.resources;
const find = (kind: string, ns: string, name: string): Resource => {
  const r = resources.find((x) => x.kind === kind && x.namespace === ns && x.name === name);
  if (!r) throw new Error(`${kind} ${ns}/${name} not in the fixture`);
  return r;
};
/** `Kind ns/name` → its document after the edits (as serialized), for the changed ones. */
const docs = (edits: readonly ResourceEdit[]): Record<string, string> =>
  Object.fromEntries(
    edits.map((e) => {
      const o = e.type === 'delete' ? e.resource.object : e.object;
      const meta = o.metadata as { name: string; namespace?: string };
      return [`${String(o.kind)} ${meta.namespace ?? ''}/${meta.name}`, serializeObject(o)];
    }),
  );

describe('changeNamespace', () => {
  it.each<[string, [string, string, string], string, Record<string, readonly string[]>, readonly NamespaceNoteCode[]]>([
    [
      'a Service: backendRefs, grants, Istio hosts and gateways follow',
      ['Service', 'shop', 'cart'],
      'store',
      {
        'Service store/cart': ['namespace: store'],
        'HTTPRoute shop/cart': ['- name: cart\n          port: 8080\n          namespace: store'],
        'HTTPRoute infra/admin': ['namespace: store'],
        'ReferenceGrant store/only-cart': ['name: cart'],
        'VirtualService shop/cart-vs': ['- cart.store.svc.cluster.local\n', 'host: cart.store.svc.cluster.local\n', 'host: cart.store.svc.cluster.local\n            subset: v2'],
        'VirtualService infra/edge-vs': ['host: cart.store'],
        'DestinationRule shop/cart-dr': ['host: cart.store.svc.cluster.local'],
      },
      ['grant-moved', 'needs-grant', 'same-namespace-only'],
    ],
    [
      'an HTTPRoute: its implicit refs get the old namespace; a grant it relied on is widened',
      ['HTTPRoute', 'shop', 'cart'],
      'infra',
      {
        'HTTPRoute infra/cart': ['namespace: infra', '- name: cart\n          port: 8080\n          namespace: shop', 'namespace: billing'],
        'ReferenceGrant billing/allow-shop': ['namespace: shop', 'namespace: infra'],
      },
      ['grant-widened'],
    ],
    [
      'an HTTPRoute leaving its Gateway: the listener admits its own namespace only',
      ['HTTPRoute', 'infra', 'admin'],
      'shop',
      { 'HTTPRoute shop/admin': ['- name: edge\n      sectionName: internal\n      namespace: infra'] },
      ['listener-namespaces'],
    ],
    [
      'a Secret: the certificateRef follows and needs a grant; an Istio credentialName cannot follow',
      ['Secret', 'infra', 'cert'],
      'shop',
      { 'Secret shop/cert': ['namespace: shop'], 'Gateway infra/edge': ['- name: cert\n            namespace: shop'] },
      ['needs-grant', 'same-namespace-only'],
    ],
    [
      'a VirtualService: its short hosts and gateways keep naming the old namespace',
      ['VirtualService', 'shop', 'cart-vs'],
      'mesh-routes',
      { 'VirtualService mesh-routes/cart-vs': ['- cart.shop.svc.cluster.local\n  gateways:\n    - infra/istio-edge\n    - mesh', 'host: cart.shop.svc.cluster.local\n'] },
      [],
    ],
    [
      'an Istio Gateway: VirtualServices name it as ns/name; its credential stays behind',
      ['Gateway', 'infra', 'istio-edge'],
      'edge',
      { 'Gateway edge/istio-edge': ['namespace: edge'], 'VirtualService shop/cart-vs': ['- edge/istio-edge'], 'VirtualService infra/edge-vs': ['- edge/istio-edge'] },
      ['same-namespace-only'],
    ],
  ])('%s', (_, [kind, ns, name], to, expected, codes) => {
    const target = resources.find((r) => r.kind === kind && r.namespace === ns && r.name === name && (kind !== 'Gateway' || r.family === (name === 'edge' ? 'gateway-api' : 'istio')));
    if (!target) throw new Error('no target');
    const change = changeNamespace(resources, target, to);
    if (!change.ok) throw new Error(change.reason);
    const out = docs(change.edits);
    expect(Object.keys(out).sort()).toEqual(Object.keys(expected).sort());
    for (const [doc, parts] of Object.entries(expected)) for (const part of parts) expect(out[doc]).toContain(part);
    expect([...new Set(change.notes.map((n) => n.code))].sort()).toEqual([...codes].sort());
  });

  it('keeps what it does not touch, and the result parses with the object in its new namespace', () => {
    const change = changeNamespace(resources, find('Service', 'shop', 'cart'), 'store');
    if (!change.ok) throw new Error(change.reason);
    const text = editText(DESIGN, 'd.yaml', change.edits);
    const after = parse([{ name: 'd.yaml', text }]).resources;
    expect(after.map((r) => r.id)).toContain('core/Service/store/cart');
    expect(text).toContain('kind: GatewayClass\nmetadata: {name: istio}');
  });

  it('copies a grant that also allows other objects, for this one', () => {
    const change = changeNamespace(resources, find('Service', 'billing', 'pay'), 'payments');
    if (!change.ok) throw new Error(change.reason);
    const out = docs(change.edits);
    expect(out['ReferenceGrant payments/allow-shop']).toContain('name: pay');
    expect(out['ReferenceGrant payments/allow-shop']).toContain('namespace: shop');
    expect(out['ReferenceGrant billing/allow-shop']).toBeUndefined();
    expect(change.edits.find((e) => e.type === 'add')).toBeDefined();
    expect(change.notes.map((n) => n.code)).toEqual(['grant-added']);
  });

  it.each([
    ['a cluster-scoped object', ['GatewayClass', '', 'istio'], 'shop', /cluster-scoped/],
    ['a namespace that is not a DNS label', ['Service', 'shop', 'cart'], 'Store', /lower-case/],
    ['an empty namespace', ['Service', 'shop', 'cart'], '', /required/],
  ] as const)('refuses %s', (_, [kind, ns, name], to, reason) => {
    expect(changeNamespace(resources, find(kind, ns, name), to)).toMatchObject({ ok: false, reason: expect.stringMatching(reason) as unknown });
  });

  it('changes nothing when the namespace stays the same', () => {
    expect(changeNamespace(resources, find('Service', 'shop', 'cart'), 'shop')).toMatchObject({ ok: true, edits: [], notes: [] });
  });

  it('refuses a move onto an object of the same kind and name', () => {
    const twin = parse([{ name: 'd.yaml', text: `${DESIGN}---\napiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: store}\n` }]).resources;
    const target = twin.find((r) => r.id === 'core/Service/shop/cart') as Resource;
    expect(changeNamespace(twin, target, 'store')).toMatchObject({ ok: false, reason: expect.stringMatching(/already exists/) as unknown });
  });
});
