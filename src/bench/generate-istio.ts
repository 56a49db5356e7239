import { rng, serviceDoc, WILDCARD_SECRET } from './generate.js';

/**
 * The Istio counterpart of generate.ts: `routes` VirtualServices (three http rules each: a canary
 * header rule, a weighted split with a header edit, an exact health check) bound to a few Istio
 * Gateways (each serving its own domain, with the credential Secret), plus their Services.
 * Deterministic for a given size.
 */
export interface GeneratedIstioDesign {
  readonly text: string;
  readonly routes: number;
  readonly documents: number;
  readonly hostnames: readonly string[];
}

export function generateIstioDesign(routes: number, seed = 1): GeneratedIstioDesign {
  const rand = rng(seed);
  const namespaces = Math.max(1, Math.ceil(routes / 100));
  const gateways = Math.max(1, Math.ceil(routes / 2000));
  const docs: string[] = [WILDCARD_SECRET];
  const hostnames: string[] = [];
  for (let g = 0; g < gateways; g++) {
    docs.push(`apiVersion: networking.istio.io/v1
kind: Gateway
metadata:
  name: gw-${g}
  namespace: infra
spec:
  selector:
    istio: ingress-${g}
  servers:
    - port: {number: 80, name: http, protocol: HTTP}
      hosts: ["*/*.g${g}.example.com"]
    - port: {number: 443, name: https, protocol: HTTPS}
      hosts: ["*/*.g${g}.example.com"]
      tls: {mode: SIMPLE, credentialName: wildcard}
`);
  }
  for (let i = 0; i < routes; i++) {
    const ns = `team-${i % namespaces}`;
    // Each Gateway serves its own domain: with one wildcard for all, the first Gateway would take every request.
    const host = `app-${i}.g${i % gateways}.example.com`;
    hostnames.push(host);
    const svc = `svc-${i}`;
    const split = 1 + Math.floor(rand() * 99);
    docs.push(`apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: route-${i}
  namespace: ${ns}
spec:
  hosts: [${host}]
  gateways: [infra/gw-${i % gateways}]
  http:
    - match:
        - uri: {prefix: /api/v${1 + (i % 3)}/}
          headers: {x-canary: {exact: "true"}}
      route:
        - destination: {host: ${svc}-canary, port: {number: 8080}}
    - match:
        - uri: {exact: /healthz}
      route:
        - destination: {host: ${svc}, port: {number: 8080}}
    - match:
        - uri: {prefix: /api/}
          method: {exact: GET}
      headers:
        request:
          set: {x-route: route-${i}}
      route:
        - destination: {host: ${svc}, port: {number: 8080}}
          weight: ${100 - split}
        - destination: {host: ${svc}-canary, port: {number: 8080}}
          weight: ${split}
`);
    docs.push(serviceDoc(svc, ns), serviceDoc(`${svc}-canary`, ns));
  }
  return { text: docs.join('---\n'), routes, documents: docs.length, hostnames };
}
