/**
 * The paste-speed comparison's manifests (issue 15), the shape the closest browser peer was
 * measured with: 3 Gateways with 2 listeners each (HTTP on 80, and on 8080 for *.example.com), `routes` HTTPRoutes
 * over 4 namespaces, each attached to one Gateway's listener, with 2 rules (a path prefix and an
 * exact path) both sending to a Service of its own — and no Services in the text, so every backend
 * is missing from the design. Deterministic for a given size.
 */
export interface PeerDesign {
  readonly text: string;
  readonly routes: number;
  /** Namespace/name of each route, in document order. */
  readonly routeNames: readonly string[];
  readonly gateways: readonly string[];
}

export const PEER_NAMESPACES = ['team-a', 'team-b', 'team-c', 'team-d'] as const;

function gateway(i: number): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw-${i}
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
    - name: http-alt
      protocol: HTTP
      port: 8080
      hostname: "*.example.com"
      allowedRoutes:
        namespaces:
          from: All
`;
}

function route(i: number, namespace: string): string {
  const listener = i % 2 === 0 ? 'http' : 'http-alt';
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
  namespace: ${namespace}
spec:
  parentRefs:
    - name: gw-${i % 3}
      namespace: infra
      sectionName: ${listener}
  hostnames:
    - app-${i}.example.com
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /api
      backendRefs:
        - name: svc-${i}
          port: 8080
    - matches:
        - path:
            type: Exact
            value: /health
      backendRefs:
        - name: svc-${i}
          port: 8080
`;
}

export function generatePeerDesign(routes: number): PeerDesign {
  const docs: string[] = [];
  const gateways: string[] = [];
  const routeNames: string[] = [];
  for (let g = 0; g < 3; g++) {
    docs.push(gateway(g));
    gateways.push(`infra/gw-${g}`);
  }
  for (let i = 0; i < routes; i++) {
    const namespace = PEER_NAMESPACES[i % PEER_NAMESPACES.length] ?? 'team-a';
    docs.push(route(i, namespace));
    routeNames.push(`${namespace}/route-${i}`);
  }
  return { text: docs.join('---\n'), routes, routeNames, gateways };
}
