/**
 * Which fields and values of a design use each conformance feature of kubernetes-sigs/gateway-api
 * (pkg/features/*.go): written by hand from each feature's doc comment, quoted above its entry,
 * and the API types it names (apis/v1/*_types.go). A feature that is a behaviour of the
 * implementation rather than a field a design can hold has `fields: []` and a `behaviour` note.
 * Every name of the generated catalogue (data/conformance-data.js) has exactly one entry here
 * (feature-uses.test.ts checks both ways).
 */

/** One field (or field = value) that uses a feature; `path: ''` is the kind itself. */
export interface FieldUse {
  readonly kind: string;
  readonly path: string;
  /** The value that needs the feature; absent when any value does. */
  readonly value?: string | number;
}

export interface FeatureUse {
  readonly fields: readonly FieldUse[];
  /** Only when this also holds (e.g. the route's parent is a Service). */
  readonly condition?: string;
  /** For a feature no field shows: what behaviour it is about. */
  readonly behaviour?: string;
}

const RULE = 'spec.rules[]';
const FILTER = `${RULE}.filters[]`;
const BACKEND_FILTER = `${RULE}.backendRefs[].filters[]`;
const MESH = 'on a route whose parentRefs name a Service (GAMMA mesh)';

const http = (path: string, value?: string | number): FieldUse => (value === undefined ? { kind: 'HTTPRoute', path } : { kind: 'HTTPRoute', path, value });
const gateway = (path: string, value?: string | number): FieldUse => (value === undefined ? { kind: 'Gateway', path } : { kind: 'Gateway', path, value });
const kind = (k: string): FieldUse => ({ kind: k, path: '' });

export const FEATURE_USES: { readonly [feature: string]: FeatureUse } = {
  // "support for BackendTLSPolicy."
  BackendTLSPolicy: { fields: [kind('BackendTLSPolicy')] },
  // "support for BackendTLSPolicy SubjectAltName Validation."
  BackendTLSPolicySANValidation: { fields: [{ kind: 'BackendTLSPolicy', path: 'spec.validation.subjectAltNames' }] },
  // "support for Gateway. Opting out of this is allowed only for GAMMA-only implementations"
  Gateway: { fields: [kind('Gateway')] },
  // "support for an empty spec.addresses.value field"
  GatewayAddressEmpty: { fields: [gateway('spec.addresses[].value', '')] },
  // "specifying client certificates when the Gateway originates the connection to the backend."
  GatewayBackendClientCertificate: { fields: [gateway('spec.tls.backend.clientCertificateRef')] },
  // "client certificate validation when the Gateway terminates the connection from the client."
  GatewayFrontendClientCertificateValidation: { fields: [gateway('spec.tls.frontend.default.validation'), gateway('spec.tls.frontend.perPort[].tls.validation')] },
  // "support for the `AllowInsecureFallback` client certificate validation mode."
  GatewayFrontendClientCertificateValidationInsecureFallback: {
    fields: [gateway('spec.tls.frontend.default.validation.mode', 'AllowInsecureFallback'), gateway('spec.tls.frontend.perPort[].tls.validation.mode', 'AllowInsecureFallback')],
  },
  // "support for the isolation of HTTP listeners."
  GatewayHTTPListenerIsolation: { fields: [], behaviour: 'a request is served only by the most specific listener hostname that matches it, never by a wider one on the same port' },
  // "detecting and rejecting misdirected HTTPS requests, returning HTTP 421 (Misdirected Request) when appropriate."
  GatewayHTTPSListenerDetectMisdirectedRequests: { fields: [], behaviour: 'answers 421 when an HTTPS request’s Host differs from the TLS SNI’s listener' },
  // "support for spec.infrastructure.annotations and spec.infrastructure.labels"
  GatewayInfrastructurePropagation: { fields: [gateway('spec.infrastructure.annotations'), gateway('spec.infrastructure.labels')] },
  // "the Gateway can also use port 8080"
  GatewayPort8080: { fields: [gateway('spec.listeners[].port', 8080)] },
  // "the Gateway is capable of allocating pre-determined addresses, rather than dynamically having addresses allocated for it."
  GatewayStaticAddresses: { fields: [gateway('spec.addresses[].value')] },
  // "general support for GRPCRoute."
  GRPCRoute: { fields: [kind('GRPCRoute')] },
  // "support for the name field in the GRPCRouteRule"
  GRPCRouteNamedRouteRule: { fields: [{ kind: 'GRPCRoute', path: `${RULE}.name` }] },
  // "support for RequestHeaderModifier filter in GRPCRoute"
  GRPCRouteRequestHeaderModifier: { fields: [{ kind: 'GRPCRoute', path: `${FILTER}.type`, value: 'RequestHeaderModifier' }] },
  // "support for HTTPRoute"
  HTTPRoute: { fields: [kind('HTTPRoute')] },
  // "additional redirect status code 303" (the 307 and 308 comments upstream also say 303; the names say which code)
  HTTPRoute303RedirectStatusCode: { fields: [http(`${FILTER}.requestRedirect.statusCode`, 303)] },
  HTTPRoute307RedirectStatusCode: { fields: [http(`${FILTER}.requestRedirect.statusCode`, 307)] },
  HTTPRoute308RedirectStatusCode: { fields: [http(`${FILTER}.requestRedirect.statusCode`, 308)] },
  // "a backendref with an appProtocol 'kubernetes.io/h2c'" (the appProtocol of the backend Service's port)
  HTTPRouteBackendProtocolH2C: { fields: [{ kind: 'Service', path: 'spec.ports[].appProtocol', value: 'kubernetes.io/h2c' }], condition: 'the Service is a backendRef of an HTTPRoute' },
  // "a backendref with an appProtocol 'kubernetes.io/ws'"
  HTTPRouteBackendProtocolWebSocket: { fields: [{ kind: 'Service', path: 'spec.ports[].appProtocol', value: 'kubernetes.io/ws' }], condition: 'the Service is a backendRef of an HTTPRoute' },
  // "support for HTTPRoute backend request header modification"
  HTTPRouteBackendRequestHeaderModification: { fields: [http(`${BACKEND_FILTER}.type`, 'RequestHeaderModifier')] },
  // "support for RequestRedirect filter on HTTPRoute BackendRef"
  HTTPRouteBackendRequestRedirect: { fields: [http(`${BACKEND_FILTER}.type`, 'RequestRedirect')] },
  // "support for HTTPRoute backendRequest timeouts"
  HTTPRouteBackendTimeout: { fields: [http(`${RULE}.timeouts.backendRequest`)] },
  // "support for URLRewrite filter on HTTPRoute BackendRef"
  HTTPRouteBackendURLRewrite: { fields: [http(`${BACKEND_FILTER}.type`, 'URLRewrite')] },
  // "support for the cors filter in the HTTPRouteFilter"
  HTTPRouteCORS: { fields: [http(`${FILTER}.type`, 'CORS')] },
  // "support for Destination Port matching." (its one conformance test binds a route to a Gateway
  // through a parentRef port no listener has, and expects NoMatchingParent)
  HTTPRouteDestinationPortMatching: { fields: [], behaviour: 'a parentRef port that no listener of the Gateway has is refused (Accepted=False, NoMatchingParent)' },
  // "support for HTTPRoute host rewrite"
  HTTPRouteHostRewrite: { fields: [http(`${FILTER}.urlRewrite.hostname`)] },
  // "support for HTTPRoute method matching"
  HTTPRouteMethodMatching: { fields: [http(`${RULE}.matches[].method`)] },
  // "support for the name field in the HTTPRouteRule"
  HTTPRouteNamedRouteRule: { fields: [http(`${RULE}.name`)] },
  // "support for HTTPRoute parentRef port" (ParentReference.port: Extended when the parent is a Gateway)
  HTTPRouteParentRefPort: { fields: [http('spec.parentRefs[].port')], condition: 'the parentRef names a Gateway' },
  // "support for HTTPRoute path redirect"
  HTTPRoutePathRedirect: { fields: [http(`${FILTER}.requestRedirect.path`)] },
  // "support for HTTPRoute path rewrite"
  HTTPRoutePathRewrite: { fields: [http(`${FILTER}.urlRewrite.path`)] },
  // "support for HTTPRoute port redirect"
  HTTPRoutePortRedirect: { fields: [http(`${FILTER}.requestRedirect.port`)] },
  // "support for HTTPRoute query param matching"
  HTTPRouteQueryParamMatching: { fields: [http(`${RULE}.matches[].queryParams`)] },
  // "support for HTTPRoute request mirror"
  HTTPRouteRequestMirror: { fields: [http(`${FILTER}.type`, 'RequestMirror')] },
  // "support for multiple RequestMirror filters within the same HTTPRoute rule"
  HTTPRouteRequestMultipleMirrors: { fields: [http(`${FILTER}.type`, 'RequestMirror')], condition: 'two or more RequestMirror filters in the same rule' },
  // "support for HTTPRoute request mirror filter with percentage based mirroring"
  HTTPRouteRequestPercentageMirror: { fields: [http(`${FILTER}.requestMirror.percent`), http(`${FILTER}.requestMirror.fraction`)] },
  // "support for HTTPRoute request timeouts"
  HTTPRouteRequestTimeout: { fields: [http(`${RULE}.timeouts.request`)] },
  // "support for HTTPRoute response header modification"
  HTTPRouteResponseHeaderModification: { fields: [http(`${FILTER}.type`, 'ResponseHeaderModifier')] },
  // "support for HTTPRoute retry"
  HTTPRouteRetry: { fields: [http(`${RULE}.retry`)] },
  // "support for HTTPRoute retry on backend timeout"
  HTTPRouteRetryBackendTimeout: { fields: [], behaviour: 'a request whose backend attempt exceeds timeouts.backendRequest is retried under spec.rules[].retry' },
  // "support for HTTPRoute retry on connection error"
  HTTPRouteRetryConnectionError: { fields: [], behaviour: 'a request whose backend connection fails is retried under spec.rules[].retry' },
  // "support for HTTPRoute scheme redirect"
  HTTPRouteSchemeRedirect: { fields: [http(`${FILTER}.requestRedirect.scheme`)] },
  // "support for a Gateway with ListenerSets"
  ListenerSet: { fields: [kind('ListenerSet'), gateway('spec.allowedListeners')] },
  // "general support for service mesh"
  Mesh: { fields: [http('spec.parentRefs[].kind', 'Service')] },
  // "matching Service traffic specifically by Cluster IP rather than other mechanisms."
  MeshClusterIPMatching: { fields: [], behaviour: 'mesh traffic sent to a Service’s cluster IP (not only its DNS name) is matched to the Service’s routes' },
  // "support for "consumer" routes, where a namespace creates a route for a service in another namespace."
  MeshConsumerRoute: { fields: [http('spec.parentRefs[].namespace')], condition: 'the parentRef names a Service in another namespace than the route’s' },
  // "support for HTTPRoute backend request header modification" (mesh)
  MeshHTTPRouteBackendRequestHeaderModification: { fields: [http(`${BACKEND_FILTER}.type`, 'RequestHeaderModifier')], condition: MESH },
  // "support for the name field in the HTTPRouteRule" (mesh)
  MeshHTTPRouteNamedRouteRule: { fields: [http(`${RULE}.name`)], condition: MESH },
  // "mesh support for HTTPRoute query param matching"
  MeshHTTPRouteQueryParamMatching: { fields: [http(`${RULE}.matches[].queryParams`)], condition: MESH },
  // "mesh support for HTTPRoute path redirect"
  MeshHTTPRouteRedirectPath: { fields: [http(`${FILTER}.requestRedirect.path`)], condition: MESH },
  // "mesh support for HTTPRoute port redirect"
  MeshHTTPRouteRedirectPort: { fields: [http(`${FILTER}.requestRedirect.port`)], condition: MESH },
  // "mesh support for HTTPRoute path rewrite"
  MeshHTTPRouteRewritePath: { fields: [http(`${FILTER}.urlRewrite.path`)], condition: MESH },
  // "mesh support for HTTPRoute scheme redirect"
  MeshHTTPRouteSchemeRedirect: { fields: [http(`${FILTER}.requestRedirect.scheme`)], condition: MESH },
  // "support for ReferenceGrant."
  ReferenceGrant: { fields: [kind('ReferenceGrant')] },
  // "support for TCPRoute."
  TCPRoute: { fields: [kind('TCPRoute')] },
  // "support for TLSRoute"
  TLSRoute: { fields: [kind('TLSRoute')] },
  // "support for TLSRoute mode Mixed" (its conformance test: "A Gateway with 2 TLS Listeners on
  // different modes, on the same port")
  TLSRouteModeMixed: { fields: [gateway('spec.listeners[].tls.mode')], condition: 'two listeners of protocol TLS on the same port, one Terminate and one Passthrough' },
  // "support for TLSRoute mode Terminate"
  TLSRouteModeTerminate: { fields: [gateway('spec.listeners[].tls.mode', 'Terminate')], condition: 'on a listener of protocol TLS with TLSRoutes' },
  // "support for UDPRoute."
  UDPRoute: { fields: [kind('UDPRoute')] },
};
