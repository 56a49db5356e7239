/**
 * The codes of what the API server (or istiod's admission webhook) refuses in an object's
 * metadata and header values, beyond the CRD schema and its CEL rules. Documented in the README
 * ("What the API server refuses").
 */
export const APISERVER_CODES = [
  'NameInvalid',
  'NamespaceInvalid',
  'LabelKeyInvalid',
  'LabelValueInvalid',
  'AnnotationKeyInvalid',
  'AnnotationsTooLarge',
  'HeaderValueInvalid',
  'DurationInvalid',
] as const;
export type ApiServerCode = (typeof APISERVER_CODES)[number];

export interface ApiServerIssue {
  readonly code: ApiServerCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly path: readonly (string | number)[];
  /** Place the mark on the key (a label key) rather than the value. */
  readonly prefer?: 'key' | 'value';
}
