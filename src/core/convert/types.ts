/**
 * Conversion between Istio and the Gateway API (DESIGN.md "Conversion", `convert` CLI contract).
 * A conversion returns the objects of the other dialect and a loss report: every behaviour that could
 * not be carried over is named, located in the user's text, never silently dropped.
 */
import type { SourceLocations } from '../resources/locations.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { RequestProtocol } from '../simulate/types.js';
import type { Target } from '../target/target.js';

export type ConvertTarget = 'gateway-api' | 'istio';

export interface ConvertOptions {
  readonly to: ConvertTarget;
  /** Istio → Gateway API: one Service per DestinationRule subset (`S-SUBSET`) instead of a loss entry. */
  readonly subsetsAsServices?: boolean;
  /** DESIGN.md `--assume-external`: referenced objects absent from the design are present and valid (no MissingBackendStatus). */
  readonly assumeExternal?: boolean;
  /** Resolves loss entries to exact file:line:column; without it an entry points at its document's first line. */
  readonly locations?: SourceLocations;
  /**
   * The cluster the output is for (issue 14): Gateway API objects are written at apiVersions its
   * release and channel serve, and what it cannot express is refused (KindNotInTarget,
   * NotInTargetRelease). Absent: today's output, byte for byte.
   */
  readonly target?: Target;
}

/**
 * Stable loss codes (README documents them). Tests assert on codes, never on messages.
 * Istio → Gateway API, then Gateway API → Istio, then both.
 */
export const LOSS_CODES = [
  'OrderNotPreserved',
  'HostFallthrough',
  'UnsupportedMatch',
  'WithoutHeaders',
  'SourceMatch',
  'MethodMatch',
  'DirectResponse',
  'FaultInjection',
  'CorsPolicy',
  'RetryConditions',
  'Subset',
  'SubsetNotFound',
  'Delegate',
  'RewriteNotRepresentable',
  'RedirectNotRepresentable',
  'BackendPortUnknown',
  'ExternalHostBackend',
  'TLSModeNotRepresentable',
  'TLSSettings',
  'ServerNotRepresentable',
  'MeshHostNotService',
  'ExportTo',
  'GatewayNotInDesign',
  'SharedGatewayWorkload',
  'TLSMatch',
  'TCPMatch',
  'HostNotRepresentable',
  'HeaderOperation',
  'UnsupportedKind',
  'UnsupportedFilter',
  'UnsupportedBackend',
  'ListenerNotRepresentable',
  'GatewayAddresses',
  'NamespaceSelector',
  'CrossNamespaceCertificate',
  'RefNotPermitted',
  'MissingBackendStatus',
  'Timeouts',
  'SessionPersistence',
  'ParentNotInDesign',
  'GRPCRequestsOnly',
  'NoParentRefs',
  'RouteNotAttached',
  'NoRules',
  'KindNotInTarget',
  'NotInTargetRelease',
  'RouteTooLarge',
  'InvalidInTarget',
] as const;
export type LossCode = (typeof LOSS_CODES)[number];

/** Informational codes: what the converter did that a reader should know, with no change of behaviour. */
export type NoteCode =
  | 'RoutesMerged'
  | 'PrefixSplit'
  | 'PrefixAsRegex'
  | 'UnreachableRuleDropped'
  | 'OrderConstraintsAdded'
  | 'KeptIstioObject'
  | 'DroppedGatewayObject'
  | 'SubsetService'
  | 'HttpsRedirectRoute'
  | 'ListenerIsolation';

/** A source object named by a loss entry or an origin. */
export interface SourceRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * A Gateway API HTTPRoute match in its YAML form (gateway-api.md §4.2–§4.5): a request satisfies it
 * when every condition given holds. Paths compare without the query; header names ignore case.
 */
export interface RequestMatch {
  readonly path?: { readonly type: 'Exact' | 'PathPrefix' | 'RegularExpression'; readonly value: string };
  readonly headers?: readonly RequestCondition[];
  readonly queryParams?: readonly RequestCondition[];
  readonly method?: string;
}

export interface RequestCondition {
  /** Default `Exact`. */
  readonly type?: 'Exact' | 'RegularExpression';
  readonly name: string;
  readonly value: string;
}

/** Requests a loss entry names: every condition given holds. */
export interface AffectedRequests {
  /** Host names or wildcards (`*.example.com`, `*`): the request's host is one of them. */
  readonly hosts?: readonly string[];
  /** The request satisfies every one of these matches (an intersection, written out when it cannot be computed). */
  readonly allOf?: readonly RequestMatch[];
  /** Only requests that no route took before conversion (a default answer, e.g. 404). */
  readonly unrouted?: boolean;
  /** Only requests of these kinds (simulate/types.ts RequestProtocol: `http` is plain HTTP, not gRPC). */
  readonly protocols?: readonly RequestProtocol[];
}

/**
 * One thing a conversion could not carry over (or, as a note, restructured), located in the source
 * and scoped to the requests it affects. The proof check (equivalence.ts) reads the scope: a
 * difference between the decisions before and after is explained only by an entry whose scope
 * decided that request.
 */
export interface LossEntry<C extends string = LossCode> {
  readonly code: C;
  readonly message: string;
  readonly resource: SourceRef;
  /** Field path in the source resource, e.g. `spec.http[2].match[0].withoutHeaders`. */
  readonly path: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /**
   * The element of `resource` whose requests are affected: a rule or match (`spec.http[2].match[0]`,
   * `spec.rules[1]`), a listener or server (`spec.listeners[0]`, `spec.servers[1]`), or `''` for the
   * whole resource — every request it (or an element inside it) decided before conversion.
   * `null`: no element; only `requests` says which requests are affected.
   */
  readonly scope: string | null;
  /**
   * The converted element accepts requests the source element did not (a match condition was left
   * out): requests it decides after conversion are affected too, even when another rule (or no
   * rule) decided them before.
   */
  readonly widens?: boolean;
  /** When present, only these requests (any of them) are affected; with `scope` null, exactly these. */
  readonly requests?: readonly AffectedRequests[];
}

/**
 * Where an element of the output comes from: output object and field path (`spec.http[3].match[1]`,
 * `spec.rules[0]`) → source object and field path. The proof check maps the rule that decides a
 * request after conversion back to the source through it.
 */
export interface Origin {
  readonly target: SourceRef;
  readonly path: string;
  readonly source: SourceRef;
  readonly sourcePath: string;
}

export interface ConvertResult {
  /** The converted objects (plus pass-through ones), deterministic order; each serializable with serializeObject. */
  readonly items: KubeObject[];
  /** What could not be carried over. Empty ⇔ the conversion is lossless. */
  readonly loss: LossEntry[];
  /** What the converter restructured (merges, splits, added constraints) without changing behaviour. */
  readonly notes: LossEntry<NoteCode>[];
  /** Where each converted rule and match comes from (rule and match level). */
  readonly origins: Origin[];
}

/** The converter's input: parsed resources (with their source). */
export type ConvertInput = readonly Resource[];
