/** Match conditions of route entries (both dialects). Re-exported by types.ts. */


// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/**
 * A string condition. `Exact`/`Prefix`/`RegularExpression` as in Istio's StringMatch and Gateway
 * API's header/query/method matches. `RegularExpression` is RE2 matching the whole value, as Envoy
 * runs it (Gateway API leaves the dialect to the implementation; Istio uses RE2 full match).
 * `Present` only checks that the value exists (Istio `{}` / `regex: "*"` header matchers).
 */
export type StringMatch =
  | { readonly type: 'Exact'; readonly value: string; readonly ignoreCase?: boolean }
  | { readonly type: 'Prefix'; readonly value: string; readonly ignoreCase?: boolean }
  | { readonly type: 'RegularExpression'; readonly value: string }
  | { readonly type: 'Present' };

/**
 * A path condition, compared with the request path without its query.
 * - `Exact`: whole path (Gateway API Exact, Istio `uri.exact`).
 * - `PathPrefix`: element-wise prefix (gateway-api.md §4.2): `/foo` matches `/foo`, `/foo/`, `/foo/bar`, not
 *   `/foobar`; a trailing `/` in `value` is ignored. `value` is stored normalised (no trailing `/` unless `/`).
 * - `Prefix`: plain string prefix (Istio `uri.prefix`: `/foo` matches `/foobar`).
 * - `RegularExpression`: whole-path match (Gateway API: implementation-specific; Istio: RE2).
 * `ignoreCase` is Istio's `ignoreUriCase` (no effect on regex).
 */
export interface PathMatch {
  readonly type: 'Exact' | 'PathPrefix' | 'Prefix' | 'RegularExpression';
  readonly value: string;
  readonly ignoreCase?: boolean;
}

/**
 * A header condition. Names are stored lower-case (compared case-insensitively).
 * `invert` is Istio's `withoutHeaders`: the condition holds when the header does NOT match (a
 * missing header counts as the empty string, except for a `Present` matcher).
 */
export interface HeaderMatch {
  readonly name: string;
  readonly match: StringMatch;
  readonly invert?: boolean;
}

/** A query parameter condition; names are case-sensitive (gateway-api.md §4.4). */
export interface QueryParamMatch {
  readonly name: string;
  readonly match: StringMatch;
}

/**
 * GRPCRoute method match (gateway-api.md §7). `Exact` compares `service` and/or `method`;
 * `RegularExpression` matches each given part with a regex. At least one of them is set.
 */
export interface GrpcMethodMatch {
  readonly type: 'Exact' | 'RegularExpression';
  readonly service: string | null;
  readonly method: string | null;
}

/** Who sends the request (mesh). Istio `sourceLabels` / `sourceNamespace`. */
export interface SourceMatch {
  readonly labels?: Readonly<Record<string, string>>;
  readonly namespace?: string;
}

/**
 * One match: every present condition must hold (AND). An empty object matches everything.
 * Gateway API conditions: path, method, headers, queryParams, grpc. Istio adds scheme, authority,
 * port, source, destinationSubnets; `withoutHeaders` are headers with `invert: true`.
 */
export interface RouteMatch {
  readonly path?: PathMatch;
  /** Gateway API: Exact on the method name; Istio: any StringMatch on `:method`. */
  readonly method?: StringMatch;
  readonly headers?: readonly HeaderMatch[];
  readonly queryParams?: readonly QueryParamMatch[];
  readonly grpc?: GrpcMethodMatch;
  /** Istio `scheme` (the `:scheme` pseudo-header). */
  readonly scheme?: StringMatch;
  /** Istio `authority` (the raw Host / `:authority`, port included if the client sent one). */
  readonly authority?: StringMatch;
  /** Istio `port`: the destination port (usually resolved at compile time; kept for the mesh). */
  readonly port?: number;
  /** Istio `sourceLabels` / `sourceNamespace` (mesh only). */
  readonly source?: SourceMatch;
  /** Istio L4 `destinationSubnets` (CIDRs); informational in the simulator (no IPs are modelled). */
  readonly destinationSubnets?: readonly string[];
  /**
   * Istio mesh `tls` match `sniHosts` (lower-case, `*.` wildcards): the SNI names of the sidecar's
   * filter chain. The simulator picks among them as Envoy does (exact, then longest wildcard).
   */
  readonly sniHosts?: readonly string[];
}
