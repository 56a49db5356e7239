/**
 * Where the Gateway API leaves a choice to the implementation, what each implementation does — only
 * what was confirmed in its own source (each entry cites it). An implementation or a choice missing
 * here is "not known": the simulator keeps the spec's core behaviour and says so in the trace.
 */

/** How a `RegularExpression` match is read. */
export interface RegexReading {
  /** A path regex must match: the whole path, a prefix of it (`^` only), or anywhere in it. */
  readonly path: 'whole' | 'from-start' | 'anywhere';
  /** A header or query regex must match the whole value, or anywhere in it. */
  readonly values: 'whole' | 'anywhere';
  /** Header and query regexes are compiled by JavaScript's RegExp (njs), not RE2. */
  readonly valuesEcmaScript: boolean;
  /** The engine, in words (`RE2 (Envoy safe_regex)`). */
  readonly dialect: string;
}

/**
 * The port written in a RequestRedirect's `Location`:
 * - `spec`: the listener port, or the redirect scheme's well-known port; none for http:80 / https:443.
 * - `envoy-istio`: Istio's translation (no port_redirect when a scheme is set, or when the port is the
 *   scheme's well-known one), Envoy then keeping the Host header's port.
 * - `envoy-gateway`: the spec's port, but none sent to Envoy when it is 80 or 443 — Envoy then keeps
 *   the Host header's port.
 * - `nginx`: `$scheme://host:port` with the listener port, dropped only when the filter sets a scheme.
 */
export type RedirectPortRule = 'spec' | 'envoy-istio' | 'envoy-gateway' | 'nginx';

/** Mesh: the routes of the Service the Host header names, or of the Service dialled (its ClusterIP). */
export type MeshRule = 'host-header' | 'cluster-ip';

/** Routes tied on every precedence criterion: the spec's order (oldest, then namespace/name), or a computed priority. */
export type TieRule = 'spec' | 'priority';

export interface Choice<T> {
  readonly value: T;
  /** Where it was read: repository, file, function. */
  readonly source: string;
}

export interface ImplementationBehaviour {
  /** The conformance report's `implementation.project`. */
  readonly project: string;
  /** For people: `Envoy Gateway`. */
  readonly name: string;
  readonly regex?: Choice<RegexReading>;
  readonly redirectPort?: Choice<RedirectPortRule>;
  readonly mesh?: Choice<MeshRule>;
  readonly ties?: Choice<TieRule>;
}

const ENVOY_RE2: RegexReading = { path: 'whole', values: 'whole', valuesEcmaScript: false, dialect: 'RE2 (Envoy safe_regex, full match)' };

export const IMPLEMENTATIONS: readonly ImplementationBehaviour[] = [
  {
    project: 'istio',
    name: 'Istio',
    regex: { value: ENVOY_RE2, source: 'istio/istio pilot/pkg/config/kube/gateway/conversion.go (RegularExpression → StringMatch_Regex)' },
    redirectPort: { value: 'envoy-istio', source: 'istio/istio conversion.go createRedirectFilter; pilot/pkg/networking/core/route/route.go (derivePort)' },
    mesh: { value: 'host-header', source: 'istio/istio#44702; Istio does not claim MeshClusterIPMatching' },
    ties: { value: 'spec', source: 'istio/istio conversion.go sortRoutesByCreationTime' },
  },
  {
    project: 'envoy-gateway',
    name: 'Envoy Gateway',
    regex: { value: ENVOY_RE2, source: 'envoyproxy/gateway internal/xds/translator/route.go (RouteMatch_SafeRegex)' },
    redirectPort: { value: 'envoy-gateway', source: 'envoyproxy/gateway internal/gatewayapi/route.go (derived redirect port); internal/xds/translator/route.go (80/443 not sent); Envoy processRequestHost' },
  },
  {
    project: 'cilium',
    name: 'Cilium',
    regex: { value: ENVOY_RE2, source: 'cilium/cilium operator/pkg/model/translation/envoy_virtual_host.go getRouteMatch (SafeRegex)' },
  },
  {
    project: 'nginx-gateway-fabric',
    name: 'NGINX Gateway Fabric',
    regex: {
      value: { path: 'from-start', values: 'anywhere', valuesEcmaScript: true, dialect: 'PCRE `location ~ ^…` for paths; njs JavaScript RegExp test() for headers and query' },
      source: 'nginx/nginx-gateway-fabric internal/controller/nginx/config/servers.go createPath; internal/controller/nginx/modules/src/httpmatches.js',
    },
    redirectPort: { value: 'nginx', source: 'nginx/nginx-gateway-fabric servers.go createReturnAndRewriteConfigForRedirectFilter' },
    ties: { value: 'spec', source: 'nginx/nginx-gateway-fabric internal/controller/state/dataplane/sort.go higherPriority' },
  },
  {
    project: 'traefik',
    name: 'Traefik',
    regex: {
      value: { path: 'anywhere', values: 'anywhere', valuesEcmaScript: false, dialect: 'Go regexp MatchString (RE2 syntax, found anywhere)' },
      source: 'traefik/traefik pkg/provider/kubernetes/gateway/httproute.go buildPathRule; pkg/muxer/http/matcher.go pathRegexp, headerRegexp, queryRegexp',
    },
    ties: { value: 'priority', source: 'traefik/traefik pkg/provider/kubernetes/gateway/httproute.go buildMatchRule; pkg/muxer/http/mux.go routes.Less' },
  },
];

/** The behaviour known for a report project; a project not in the table knows no choice. */
export function behaviourOf(project: string): ImplementationBehaviour {
  return IMPLEMENTATIONS.find((i) => i.project === project) ?? { project, name: project };
}
