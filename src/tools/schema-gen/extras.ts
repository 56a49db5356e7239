/**
 * What the API server checks that the models' declaration files do not carry, keyed by
 * `TypeName.field` (the model's interface name without its `I`).
 *
 * List types: the `+listType=map` / `+listType=set` markers of the Gateway API Go types
 * (apis/v1/*_types.go, spec side; status is written by controllers) and of core/v1 ServiceSpec.
 * The API server rejects a second entry with the same key ("Duplicate value"). Lists whose
 * uniqueness a CRD CEL rule also states (Gateway and ListenerSet listeners by name, TLS
 * `perPort` by port) are left to that rule (validate/cel), so one mistake gives one diagnostic.
 * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy
 */
export interface ListType {
  readonly type: 'map' | 'set';
  readonly keys?: readonly string[];
  /** Values the API server defaults a missing key to before comparing. */
  readonly defaults?: Readonly<Record<string, string>>;
}

export const LIST_TYPES: Readonly<Record<string, ListType>> = {
  'HTTPRouteMatch.headers': { type: 'map', keys: ['name'] },
  'HTTPRouteMatch.queryParams': { type: 'map', keys: ['name'] },
  'GRPCRouteMatch.headers': { type: 'map', keys: ['name'] },
  'HTTPHeaderFilter.set': { type: 'map', keys: ['name'] },
  'HTTPHeaderFilter.add': { type: 'map', keys: ['name'] },
  'HTTPHeaderFilter.remove': { type: 'set' },
  'HTTPRouteRetry.codes': { type: 'set' },
  'HTTPCORSFilter.allowOrigins': { type: 'set' },
  'HTTPCORSFilter.allowMethods': { type: 'set' },
  'HTTPCORSFilter.allowHeaders': { type: 'set' },
  'HTTPCORSFilter.exposeHeaders': { type: 'set' },
  'HTTPAuthConfig.allowedHeaders': { type: 'set' },
  'HTTPAuthConfig.allowedResponseHeaders': { type: 'set' },
  'GRPCAuthConfig.allowedHeaders': { type: 'set' },
  // core/v1 types.go: `+listType=map +listMapKey=port +listMapKey=protocol` (protocol defaults to TCP).
  'ServiceSpec.ports': { type: 'map', keys: ['port', 'protocol'], defaults: { protocol: 'TCP' } },
};

/**
 * Bounds the API server enforces in Go validation rather than in the OpenAPI schema
 * (k8s.io/kubernetes pkg/apis/core/validation: `validateServicePort`, `ValidatePortNumOrName`).
 */
export const RANGES: Readonly<Record<string, { readonly minimum: number; readonly maximum: number }>> = {
  'ServicePort.port': { minimum: 1, maximum: 65535 },
  'ServicePort.targetPort': { minimum: 1, maximum: 65535 },
  'ServicePort.nodePort': { minimum: 0, maximum: 65535 },
};
