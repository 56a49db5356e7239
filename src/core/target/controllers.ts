/**
 * Which implementation a GatewayClass's `spec.controllerName` belongs to (issue 14 scope 1): a
 * Gateway of a class whose controller is known is judged as that implementation judges it,
 * unless the command line or the app names another. Keys are the controller names the projects
 * document for their GatewayClasses; values are the `implementation.project` of their
 * conformance reports (src/core/target/data/conformance-data.js).
 */
export const CONTROLLER_IMPLEMENTATIONS: { readonly [controllerName: string]: string } = {
  // Istio: the `istio` class, the `istio-waypoint` class of ambient waypoints, and `istio-remote`.
  'istio.io/gateway-controller': 'istio',
  'istio.io/mesh-controller': 'istio',
  'istio.io/unmanaged-gateway': 'istio',
  'gateway.envoyproxy.io/gatewayclass-controller': 'envoy-gateway',
  'io.cilium/gateway-controller': 'cilium',
  'gateway.nginx.org/nginx-gateway-controller': 'nginx-gateway-fabric',
  'traefik.io/gateway-controller': 'traefik',
  'kgateway.dev/kgateway': 'kgateway',
  'agentgateway.dev/agentgateway': 'agentgateway',
  'projectcontour.io/gateway-controller': 'contour',
  'konghq.com/kic-gateway-controller': 'kubernetes-ingress-controller',
  'konghq.com/gateway-operator': 'kong-operator',
  'networking.gke.io/gateway': 'gke-gateway',
};

/** The implementation (report project) of a controller name, if it is a known one. */
export function implementationOfController(controllerName: string): string | undefined {
  return Object.hasOwn(CONTROLLER_IMPLEMENTATIONS, controllerName) ? CONTROLLER_IMPLEMENTATIONS[controllerName] : undefined;
}
