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
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1;
}
