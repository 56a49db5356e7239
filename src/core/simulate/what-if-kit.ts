/**
 * Test support for the backend-behaviour tests: a design as YAML text, a request, and the two
 * flags as the command line writes them. Not part of the engine's public API.
 */
import { design } from '../compile/istio/test-kit.js';
import type { CompileResult } from '../compile/types.js';
import type { Target } from '../target/target.js';
import { parseBackendBehaviour } from './backend-behaviour.js';
import { ask } from './testing.js';
import type { Decision, MeshClient } from './types.js';

export { design };

export interface WhatIf {
  readonly status?: string;
  readonly delay?: string;
  readonly headers?: readonly string[];
  readonly mesh?: MeshClient;
  /** SimulateOptions.target (e.g. an Istio release). */
  readonly target?: Target;
}

export function whatIf(compiled: CompileResult, request: string, w: WhatIf = {}): Decision {
  const b = parseBackendBehaviour(w.status, w.delay);
  if (!b.ok) throw new Error(b.error);
  return ask(compiled, request, w.headers ?? [], { backend: b.behaviour, ...(w.mesh ? { mesh: w.mesh } : {}), ...(w.target ? { target: w.target } : {}) });
}

/** `status@elapsedMs` per try, `+` when retried: compact assertions. */
export function tries(d: Decision): string[] {
  return (d.attempts ?? []).map((a) => `${String(a.status)}@${a.elapsedMs}${a.retried ? '+' : ''}`);
}

/** `probability status @elapsedMs` per outcome. */
export function outcomesOf(d: Decision): string[] {
  return d.outcomes.map((o) => `${o.probability} ${String(o.status)} @${o.elapsedMs ?? '-'}`);
}

/** A Gateway API design: one Gateway on port 80, Services `a` and `b`, and the given HTTPRoute rules. */
export function gatewayApi(rules: string): CompileResult {
  return design(`
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gw}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: infra}
spec: {ports: [{port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: infra}
spec: {ports: [{port: 8080}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
${rules}
`);
}

/**
 * An Istio design: an ingress Gateway on port 80, Services `a` and `b`, and the given VirtualService
 * `http` rules — bound to the mesh too (for `a`), unless `mesh: false`.
 */
export function istio(http: string, options: { readonly mesh?: boolean } = {}): CompileResult {
  const mesh = options.mesh ?? true;
  return design(`
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: shop}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: shop}
spec: {ports: [{port: 80, name: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: shop}
spec: {ports: [{port: 80, name: http}]}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: shop}
spec:
  hosts: ${mesh ? '["*", a.shop.svc.cluster.local]' : '["*"]'}
  gateways: ${mesh ? '[gw, mesh]' : '[gw]'}
  http:
${http}
`);
}
