/**
 * The RouteTable: the compiled form of a design, close to what a proxy runs (Envoy-like).
 *
 *   RouteTable
 *   ├─ gateways[]            one per Gateway (Gateway API) or per merged Istio gateway (same selector)
 *   │   └─ ports[]           one per listening port
 *   │       └─ listeners[]   Gateway API listeners / Istio servers, in selection order
 *   │           └─ vhosts    virtual hosts by domain (exact map + wildcard suffix map + catch-all)
 *   │               └─ entries[]  ORDERED route entries (match → action); the first that matches wins
 *   └─ mesh.services         per destination Service (GAMMA) or mesh host (Istio `mesh`), per port
 *
 * Both dialects compile to the same entries: Gateway API precedence (gateway-api.md §4.6) is
 * resolved at compile time into the entry order; Istio's first-match order is kept as written.
 * Every entry keeps provenance (resource, rule index, match index) so that answers point back at
 * YAML lines and canvas nodes.
 *
 * The table is plain data (Maps allowed, so it survives structured clone into a Worker). The
 * simulator never re-derives routing semantics from the resources: everything it needs is here.
 *
 * Additive changes only: an Istio compiler is written against these types.
 */
import type { ResourceId } from '../resources/types.js';

/** Which API family produced a table element. */
export type Dialect = 'gateway-api' | 'istio';

/** A Kubernetes object named in answers, as in DESIGN.md's JSON (`{"kind","namespace","name"}`). */
export interface ObjectRef {
  readonly kind: string;
  /** '' for cluster-scoped kinds (GatewayClass, Namespace). */
  readonly namespace: string;
  readonly name: string;
}

/**
 * Where a table element comes from: the resource, and inside it the rule and match indices.
 * `path` is the field path in the resource (`spec.rules[1].matches[0]`, `spec.http[2].match[0]`,
 * `spec.listeners[1]`) so the UI and diagnostics can locate it.
 */
export interface Provenance {
  readonly resource: ResourceId;
  readonly ref: ObjectRef;
  /** Index of the rule (Gateway API `spec.rules[i]`, Istio `spec.http[i]` / `tcp[i]` / `tls[i]`); null for none. */
  readonly rule: number | null;
  /** Index of the match inside the rule; null when the rule has no explicit matches (defaulted / match-all). */
  readonly match: number | null;
  /** Field path of the match (or of the rule when `match` is null). */
  readonly path: string;
  /** Istio delegation: the root VirtualService rule this entry was merged into. */
  readonly delegatedFrom?: Provenance;
}

/** Implementation-defined choices and assumptions surfaced with every answer (DESIGN.md `notes`). */
export type NoteCode =
  /** The spec leaves this to the implementation (regex dialect/precedence, all-zero weights, repeated headers…). */
  | 'ImplementationSpecific'
  /** A referenced object is not in the design (and --assume-external was not given). */
  | 'NotInDesign'
  /** A referenced object is not in the design and was assumed present and valid (--assume-external). */
  | 'AssumedExternal'
  /** metadata.creationTimestamp missing: precedence fell through to namespace/name. */
  | 'AgeUnknown'
  /** Several candidates (gateways…) fitted; the first was taken. */
  | 'Ambiguous'
  /** A feature the simulator models only partly (e.g. a data-plane-only behaviour). */
  | 'Simplified'
  /** Plain information (e.g. how a default was applied). */
  | 'Info';

export interface Note {
  readonly code: NoteCode;
  readonly message: string;
}

export type { StringMatch, PathMatch, HeaderMatch, QueryParamMatch, GrpcMethodMatch, SourceMatch, RouteMatch } from './match-types.js';
export type { HeaderModifier, PathModifier, RedirectAction, UrlRewrite, OriginMatch, CorsPolicy, FaultInjection, Timeouts, RetryPolicy, BackendProblemReason, BackendProblem, BackendTarget, MirrorPolicy, Filter, ForwardAction, DirectResponseAction, RouteAction, RouteKind, PrecedenceKey, RouteEntry } from './action-types.js';
export type { PathIndex, VirtualHost, HostIndex, ListenerProtocol, RejectedAttachment, ListenerEntry, PortTable, GatewayTable, MeshScope, MeshRouteSet, MeshPort, MeshService, MeshTable, RouteTable, CompileOptions, CompileResult } from './table-types.js';
export type { StatusCondition, SupportedKind, ListenerStatus, StatusParentRef, RouteParentStatus, PolicyAncestorStatus, ObjectStatus, StatusItem, StatusList } from './status-types.js';
