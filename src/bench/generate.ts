/**
 * A synthetic but realistic design: `routes` HTTPRoutes spread over namespaces and a few
 * Gateways, each route with two or three rules, matches, a filter and a weighted split, plus the
 * Services they send to. Deterministic for a given size (a seeded generator), so runs compare.
 */
export interface GeneratedDesign {
  readonly text: string;
  readonly routes: number;
  readonly documents: number;
  readonly hostnames: readonly string[];
}

/** The TLS Secret every generated Gateway terminates with (values are placeholders). */
export const WILDCARD_SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: wildcard
  namespace: infra
type: kubernetes.io/tls
data:
  tls.crt: UkVEQUNURUQ=
  tls.key: UkVEQUNURUQ=
`;

/** A backend Service with one HTTP port 8080. */
export function serviceDoc(name: string, namespace: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
    - name: http
      port: 8080
`;
}

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateDesign(routes: number, seed = 1): GeneratedDesign {
  const rand = rng(seed);
  const namespaces = Math.max(1, Math.ceil(routes / 100));
  const gateways = Math.max(1, Math.ceil(routes / 2000));
  const docs: string[] = [];
  const hostnames: string[] = [];
  docs.push(WILDCARD_SECRET);
  for (let g = 0; g < gateways; g++) {
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw-${g}
  namespace: infra
spec:
  gatewayClassName: istio
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
    - name: https
      protocol: HTTPS
      port: 443
      hostname: "*.g${g}.example.com"
      tls:
        certificateRefs:
          - name: wildcard
      allowedRoutes:
        namespaces:
          from: All
`);
  }
  for (let i = 0; i < routes; i++) {
    const ns = `team-${i % namespaces}`;
    const host = `app-${i}.g${i % gateways}.example.com`; // each Gateway serves its own domain
    hostnames.push(host);
    const svc = `svc-${i}`;
    const split = 1 + Math.floor(rand() * 99);
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
  namespace: ${ns}
spec:
  parentRefs:
    - name: gw-${i % gateways}
      namespace: infra
      sectionName: https
  hostnames:
    - ${host}
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /api/v${1 + (i % 3)}
          headers:
            - name: x-canary
              value: "true"
      backendRefs:
        - name: ${svc}-canary
          port: 8080
    - matches:
        - path:
            type: PathPrefix
            value: /api
          method: GET
      filters:
        - type: RequestHeaderModifier
          requestHeaderModifier:
            set:
              - name: x-route
                value: route-${i}
      backendRefs:
        - name: ${svc}
          port: 8080
          weight: ${100 - split}
        - name: ${svc}-canary
          port: 8080
          weight: ${split}
    - matches:
        - path:
            type: Exact
            value: /healthz
      backendRefs:
        - name: ${svc}
          port: 8080
`);
    docs.push(serviceDoc(svc, ns), serviceDoc(`${svc}-canary`, ns));
  }
  return { text: docs.join('---\n'), routes, documents: docs.length, hostnames };
}
