/**
 * Problems are data: every core function that can meet bad input returns diagnostics instead of
 * throwing. A diagnostic points at the exact place in the user's text (1-based line and column,
 * columns counted in UTF-16 units as the editor shows them).
 */
export type Severity = 'error' | 'warning' | 'info';

/** A position range in one source file. Lines and columns are 1-based; the end is exclusive. */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ResourceRef {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

/**
 * Stable codes. Parse and schema codes are listed here; each CEL rule declares its own code in
 * its own file and the union of those is `CelCode` (see validate/cel/codes.ts).
 */
export const PARSE_CODES = [
  'YAMLSyntax',
  'YAMLDuplicateKey',
  'YAMLAliasBomb',
  'YAMLTooDeep',
  'YAMLTooLarge',
  'NotAnObject',
  'MissingApiVersion',
  'MissingKind',
  'MissingName',
  'UnknownKind',
  'UnservedVersion',
  'DuplicateResource',
  'SecretRedacted',
  'UnsafeKey',
] as const;
export type ParseCode = (typeof PARSE_CODES)[number];

export const SCHEMA_CODES = [
  'SchemaType',
  'SchemaEnum',
  'SchemaPattern',
  'SchemaRange',
  'SchemaRequired',
  'SchemaMaxItems',
  'SchemaMinItems',
  'SchemaLength',
  'SchemaUnique',
  'SchemaFormat',
  'SchemaInvalid',
  'UnknownField',
] as const;
export type SchemaCode = (typeof SCHEMA_CODES)[number];

export interface Diagnostic extends SourceRange {
  /** A stable identifier (documented in the README); tests assert on it, never on the wording. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly resource?: ResourceRef;
  /** Field path inside the resource, e.g. `spec.rules[0].matches[1]`; absent for whole-document problems. */
  readonly path?: string;
  /**
   * The `istioctl analyze` message code with the same meaning (e.g. `IST0101`), when one
   * corresponds (istio/istio pkg/config/analysis/msg/messages.yaml). Text output ends the line
   * with `[IST0101]`.
   */
  readonly istioCode?: string;
  /** Other places the problem involves, e.g. the rule that shadows an unreachable rule. */
  readonly related?: readonly RelatedPlace[];
  /** A request that shows the problem (e.g. one the shadowing rule takes), in `simulate`'s terms. */
  readonly witness?: WitnessRequest;
}

/** A place in another (or the same) resource that a diagnostic refers to. */
export interface RelatedPlace extends Partial<SourceRange> {
  readonly resource: ResourceRef;
  /** Field path, e.g. `spec.rules[1]` or `spec.http[0].match[2]`. */
  readonly path: string;
  /** What it is to the problem, e.g. "shadowed by". */
  readonly role: string;
}

/**
 * A concrete request, in the terms `route-designer simulate` takes: `request` is its
 * `--request` line ('GET https://shop.example.com/cart', 'GRPC grpc://h:80/pkg.S/M',
 * 'TLS tls://sni:443', 'TCP tcp://host:port'), `headers` its `-H`s, `gateway` its
 * `--gateway NS/NAME` (null: chosen by the simulator), `mesh` its `--mesh --from NS/WORKLOAD`.
 */
export interface WitnessRequest {
  readonly request: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly gateway: string | null;
  readonly mesh: { readonly from: string; readonly labels?: Readonly<Record<string, string>> } | null;
  readonly sni?: string;
  /** Route tests: the backend's answer to each try, as `--backend-status` takes it (`503,503,200`); only when written. */
  readonly backendStatus?: string;
  /** Route tests: each try's time to answer, as `--backend-delay` takes it (`2s`); only when written. */
  readonly backendDelay?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
}
