/**
 * Conversion between Istio and the Gateway API (DESIGN.md "Conversion", `convert` CLI contract).
 * A conversion returns the objects of the other dialect and a loss report: every behaviour that could
 * not be carried over is named, located in the user's text, never silently dropped.
 */
import type { SourceLocations } from '../resources/locations.js';
import type { KubeObject, Resource } from '../resources/types.js';

export type ConvertTarget = 'gateway-api' | 'istio';

export interface ConvertOptions {
  readonly to: ConvertTarget;
  /** Istio → Gateway API: one Service per DestinationRule subset (`S-SUBSET`) instead of a loss entry. */
  readonly subsetsAsServices?: boolean;
  /** DESIGN.md `--assume-external`: referenced objects absent from the design are present and valid (no MissingBackendStatus). */
  readonly assumeExternal?: boolean;
  /** Resolves loss entries to exact file:line:column; without it an entry points at its document's first line. */
  readonly locations?: SourceLocations;
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
  'MultipleTCPRoutes',
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
  | 'HttpsRedirectRoute';

export interface LossEntry<C extends string = LossCode> {
  readonly code: C;
  readonly message: string;
  readonly resource: { readonly kind: string; readonly namespace: string; readonly name: string };
  /** Field path in the source resource, e.g. `spec.http[2].match[0]`. */
  readonly path: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface ConvertResult {
  /** The converted objects (plus pass-through ones), deterministic order; each serializable with serializeObject. */
  readonly items: KubeObject[];
  /** What could not be carried over. Empty ⇔ the conversion is lossless. */
  readonly loss: LossEntry[];
  /** What the converter restructured (merges, splits, added constraints) without changing behaviour. */
  readonly notes: LossEntry<NoteCode>[];
}

/** The converter's input: parsed resources (with their source). */
export type ConvertInput = readonly Resource[];
