/**
 * Which implementation a GatewayClass's `spec.controllerName` belongs to (issue 14 scope 1): a
 * Gateway of a class whose controller is known is judged as that implementation judges it,
 * unless the command line or the app names another. Keys are the controller names the projects
 * document for their GatewayClasses; values are the `implementation.project` of their
 * conformance reports (src/core/target/data/conformance-data.js).
 */
import { resolveImplementation, type Channel, type ImplementationTarget } from './target.js';

export const CONTROLLER_IMPLEMENTATIONS: { readonly [controllerName: string]: string } = {
  // Istio (istio/istio pkg/config/constants/constants.go, pilot/pkg/features/pilot.go
  // PILOT_GATEWAY_API_CONTROLLER_NAME): the `istio` class, `istio-waypoint` (ambient waypoints,
  // HBONE listeners), `istio-remote` (MultiNetworkGatewayAPI), `istio-east-west`, and the classes
  // of Istio's agentgateway data plane — all programmed by istiod, judged by Istio's report.
  'istio.io/gateway-controller': 'istio',
  'istio.io/mesh-controller': 'istio',
  'istio.io/unmanaged-gateway': 'istio',
  'istio.io/eastwest-controller': 'istio',
  'istio.io/agentgateway-controller': 'istio',
  'istio.io/agentgateway-waypoint-controller': 'istio',
  // Envoy Gateway's quickstart GatewayClass `eg` (gateway.envoyproxy.io docs, "Quickstart").
  'gateway.envoyproxy.io/gatewayclass-controller': 'envoy-gateway',
  // Cilium's `cilium` class (docs.cilium.io, Gateway API support).
  'io.cilium/gateway-controller': 'cilium',
  // NGINX Gateway Fabric's Helm chart default `nginxGateway.gatewayControllerName`.
  'gateway.nginx.org/nginx-gateway-controller': 'nginx-gateway-fabric',
  // Traefik's Helm chart GatewayClass (doc.traefik.io, Kubernetes Gateway provider).
  'traefik.io/gateway-controller': 'traefik',
  // kgateway's `kgateway` and `kgateway-waypoint` classes (kgateway.dev docs, GatewayClasses).
  'kgateway.dev/kgateway': 'kgateway',
  // agentgateway's `agentgateway` class (agentgateway/agentgateway controller tests and docs).
  'agentgateway.dev/agentgateway': 'agentgateway',
  // Contour's Gateway provisioner (projectcontour.io docs, "Gateway API").
  'projectcontour.io/gateway-controller': 'contour',
  // Kong Ingress Controller's unmanaged `kong` class, and Kong Operator's managed classes (docs.konghq.com).
  'konghq.com/kic-gateway-controller': 'kubernetes-ingress-controller',
  'konghq.com/gateway-operator': 'kong-operator',
  // GKE's built-in gke-l7-* classes (cloud.google.com/kubernetes-engine/docs, "GatewayClasses").
  'networking.gke.io/gateway': 'gke-gateway',
  // AWS Load Balancer Controller's ALB and NLB classes (kubernetes-sigs/aws-load-balancer-controller docs, Gateway API).
  'gateway.k8s.aws/alb': 'aws-load-balancer-controller',
  'gateway.k8s.aws/nlb': 'aws-load-balancer-controller',
  // Higress's `higress` class (higress.io docs).
  'higress.io/gateway-controller': 'higress',
};

/** The implementation (report project) of a controller name, if it is a known one. */
export function implementationOfController(controllerName: string): string | undefined {
  return Object.hasOwn(CONTROLLER_IMPLEMENTATIONS, controllerName) ? CONTROLLER_IMPLEMENTATIONS[controllerName] : undefined;
}


/** Resolved once per controller name and channel: a diff simulates thousands of requests, a design judges every Gateway. */
const JUDGED = new Map<string, ImplementationTarget | null>();

/**
 * The implementation a GatewayClass's controller makes the target of its Gateways (issue 14 scope
 * 1), judged by its newest report on the channel; null for a controller no implementation claims.
 * The problems check (validate/target/judges.ts) and the simulator (simulate/implementation-target.ts) share it.
 */
export function implementationForController(controllerName: string, channel: Channel): ImplementationTarget | null {
  const key = `${controllerName}\u0000${channel}`;
  let found = JUDGED.get(key);
  if (found === undefined) {
    const project = implementationOfController(controllerName);
    const r = project === undefined ? null : resolveImplementation(project, channel);
    found = r?.ok ? r.implementation : null;
    JUDGED.set(key, found);
  }
  return found;
}
