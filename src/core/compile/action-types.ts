/** Actions, filters, backends and route entries (both dialects). Re-exported by types.ts. */
import type { RouteMatch, StringMatch } from './match-types.js';
import type { Dialect, Note, ObjectRef, Provenance } from './types.js';

// ---------------------------------------------------------------------------------------------
// Actions and filters
// ---------------------------------------------------------------------------------------------

/** Header edits. Names lower-cased; `add` appends (comma-joined with an existing value, gateway-api.md §5.2). */
export interface HeaderModifier {
  readonly set: readonly (readonly [string, string])[];
  readonly add: readonly (readonly [string, string])[];
  readonly remove: readonly string[];
}

/**
 * How a path is rewritten (redirect or rewrite).
 * - `ReplaceFullPath`: the path becomes `value` (Gateway API; Istio `redirect.uri`).
 * - `ReplacePrefixMatch`: the matched `prefix` is replaced by `value`. `semantics: 'segment'` is
 *   Gateway API's element-wise rule with its trailing-slash table (gateway-api.md §5.4); `'string'`
 *   is Envoy's `prefix_rewrite` (Istio `rewrite.uri`, `redirect.prefixRewrite`). `prefix` is the
 *   match's prefix, filled per entry (Istio: `/` when the match has no uri; the whole path for an
 *   exact match).
 * - `RegexRewrite`: Istio `uriRegexRewrite` (global substitution, `\1` capture groups).
 */
export type PathModifier =
  | { readonly type: 'ReplaceFullPath'; readonly value: string }
  | { readonly type: 'ReplacePrefixMatch'; readonly value: string; readonly prefix: string; readonly semantics: 'segment' | 'string' }
  | { readonly type: 'RegexRewrite'; readonly pattern: string; readonly substitution: string };

/**
 * A redirect answered by the proxy.
 * `portPolicy` decides the port when `port` is null:
 * - `GatewayAPI`: scheme set → the scheme's well-known port; else the listener port (gateway-api.md §5.3);
 * - `FromProtocolDefault` / `FromRequestPort`: Istio `derivePort`.
 * The Location omits :80 for http and :443 for https.
 */
export interface RedirectAction {
  readonly kind: 'redirect';
  readonly scheme: string | null;
  readonly hostname: string | null;
  readonly port: number | null;
  readonly portPolicy: 'GatewayAPI' | 'FromProtocolDefault' | 'FromRequestPort';
  readonly path: PathModifier | null;
  readonly statusCode: number;
}

/** URL rewrite before forwarding (Gateway API URLRewrite, Istio `rewrite`). */
export interface UrlRewrite {
  readonly hostname: string | null;
  readonly path: PathModifier | null;
}

/**
 * A CORS origin pattern. `Wildcard` is Gateway API's CORSOrigin syntax (`*`, or
 * `scheme://host[:port]` where the host may start with `*.`, `*` covering any number of labels);
 * Istio uses StringMatch entries.
 */
export type OriginMatch = { readonly type: 'Wildcard'; readonly value: string } | StringMatch;

/** CORS (gateway-api.md §5.6, Istio `corsPolicy`). `maxAge` in seconds. */
export interface CorsPolicy {
  readonly allowOrigins: readonly OriginMatch[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly maxAge: number | null;
  readonly allowCredentials: boolean;
  /** Istio `unmatchedPreflights`: preflights from a disallowed origin are forwarded (default) or answered. */
  readonly unmatchedPreflights?: 'Forward' | 'Ignore';
}

/** Fault injection (Istio `fault`); percentages 0–100; without a percentage nothing is injected. */
export interface FaultInjection {
  readonly abort?: { readonly httpStatus: number | null; readonly grpcStatus: string | null; readonly percent: number };
  readonly delay?: { readonly fixedDelay: string; readonly percent: number };
}

/** Timeouts as durations (`10s`, `500ms`); `0s` disables. */
export interface Timeouts {
  readonly request?: string;
  readonly backendRequest?: string;
}

/** Retry policy (Gateway API `retry`, Istio `retries`). */
export interface RetryPolicy {
  /** Maximum number of retries (Gateway API `attempts`, Istio `attempts`); 0 disables. */
  readonly attempts: number;
  /** HTTP status codes retried (Gateway API `codes`). */
  readonly codes?: readonly number[];
  /** Envoy retry conditions (Istio `retryOn`). */
  readonly retryOn?: readonly string[];
  readonly perTryTimeout?: string;
  readonly backoff?: string;
  /**
   * Istio: the retriable status codes are the mesh default's, which depend on the Istio release
   * (none from 1.24, 503 before; target/istio-behaviour.ts istioDefaultRetriableCodes): `codes` is
   * then unset and the simulator resolves them for the target's release.
   */
  readonly istioDefaultCodes?: boolean;
}

/** Why a backend cannot take traffic; its share answers 500 (gRPC UNAVAILABLE, L4 rejected). */
export type BackendProblemReason =
  | 'BackendNotFound'
  | 'RefNotPermitted'
  | 'InvalidKind'
  | 'UnsupportedProtocol'
  /** Istio: the destination subset is defined by no DestinationRule. */
  | 'SubsetNotFound'
  /** The Service has no port with this number. */
  | 'PortNotFound'
  /** The Service's BackendTLSPolicy has no valid CA certificate: TLS to it fails (not a route's reference problem). */
  | 'BackendTLSPolicyInvalid';

export interface BackendProblem {
  readonly reason: BackendProblemReason;
  /** e.g. `Service shop/cart-v3 is not in this design`. */
  readonly message: string;
}

/**
 * A weighted destination. `ref.kind` is `Service` (or `ServiceEntry`, or any other kind named by a
 * backendRef). `problem` non-null → the backend is invalid and its share fails.
 */
export interface BackendTarget {
  readonly ref: ObjectRef;
  readonly group: string;
  readonly port: number | null;
  /** Istio DestinationRule subset; null in Gateway API. */
  readonly subset: string | null;
  /** Istio: the destination host as written (`reviews`, `reviews.ns.svc.cluster.local`). */
  readonly host?: string;
  readonly weight: number;
  readonly problem: BackendProblem | null;
  /** True when the object is absent from the design but assumed present (--assume-external). */
  readonly assumed: boolean;
  /** Filters that run only when this backend is picked (Gateway API backendRef filters, Istio destination headers). */
  readonly filters: readonly Filter[];
  readonly provenance: Provenance;
}

/** A mirror: a copy of the request goes to `backend` for `percent` % of requests. */
export interface MirrorPolicy {
  readonly backend: BackendTarget;
  readonly percent: number;
}

/**
 * Filters run in list order before the action (gateway-api.md §5.1). `Error` is a filter that makes
 * the request fail (e.g. an unresolvable ExtensionRef, which must not be skipped: §5.1).
 * `Unevaluated` is a filter the simulator cannot run (an ExtensionRef it does not know, an
 * ExternalAuth server's verdict): the request goes on as if the filter allowed it, and `note` says so.
 */
export type Filter =
  | { readonly type: 'RequestHeaderModifier'; readonly modifier: HeaderModifier }
  | { readonly type: 'ResponseHeaderModifier'; readonly modifier: HeaderModifier }
  | { readonly type: 'URLRewrite'; readonly rewrite: UrlRewrite }
  | { readonly type: 'RequestMirror'; readonly mirror: MirrorPolicy }
  | { readonly type: 'CORS'; readonly cors: CorsPolicy }
  | { readonly type: 'Error'; readonly status: number; readonly reason: string }
  | { readonly type: 'Unevaluated'; readonly note: Note };

/** Forward to weighted backends. Empty `backends` → 500 (gateway-api.md §6.2). */
export interface ForwardAction {
  readonly kind: 'forward';
  readonly backends: readonly BackendTarget[];
}

/** Answer directly (Istio `directResponse`). */
export interface DirectResponseAction {
  readonly kind: 'directResponse';
  readonly status: number;
  readonly body: string | null;
}

export type RouteAction = ForwardAction | RedirectAction | DirectResponseAction;

/** The route kinds that produce entries. */
export type RouteKind =
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TLSRoute'
  | 'TCPRoute'
  | 'UDPRoute'
  | 'VirtualService'
  /** Istio: an answer of the Gateway server itself (`tls.httpsRedirect`), before any VirtualService. */
  | 'Gateway';

/**
 * The Gateway API precedence key of an entry (gateway-api.md §4.6, §7), kept so the trace can say
 * why an entry comes before another. Istio entries have none (first-match order).
 */
export interface PrecedenceKey {
  /** Characters of the matching hostname when it is not a wildcard, else 0. */
  readonly exactHostnameChars: number;
  /** Characters of the matching hostname (wildcard included); 0 for "any". */
  readonly hostnameChars: number;
  /** HTTPRoute: 2 Exact, 1 PathPrefix, 0 RegularExpression. */
  readonly pathRank: number;
  /** HTTPRoute: PathPrefix length; GRPCRoute: 0. */
  readonly pathChars: number;
  readonly hasMethod: boolean;
  /** GRPCRoute: characters of the matching service / method. */
  readonly grpcServiceChars: number;
  readonly grpcMethodChars: number;
  readonly headerCount: number;
  readonly queryCount: number;
  /** ISO timestamp or null when unknown. */
  readonly creationTimestamp: string | null;
  readonly namespacedName: string;
  readonly ruleIndex: number;
  readonly matchIndex: number;
}

/**
 * One route entry: match → filters → action, with provenance. Entries live in a vhost's ordered
 * list; the first whose `match` holds wins.
 */
export interface RouteEntry {
  readonly dialect: Dialect;
  readonly routeKind: RouteKind;
  readonly provenance: Provenance;
  /** Route rule name (Gateway API `rules[].name`, Istio `http[].name`), if any. */
  readonly ruleName: string | null;
  /** The route hostname that made this entry serve the vhost ('*' for "any"). */
  readonly hostname: string;
  readonly match: RouteMatch;
  readonly filters: readonly Filter[];
  readonly action: RouteAction;
  readonly timeouts: Timeouts | null;
  readonly retries: RetryPolicy | null;
  readonly fault: FaultInjection | null;
  readonly precedence: PrecedenceKey | null;
  /** Implementation-defined choices that apply when this entry is used (e.g. regex dialect). */
  readonly notes: readonly Note[];
}
