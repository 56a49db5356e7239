import type { Diagnostic } from '../diagnostics/types.js';

/** Codes after which a document is missing from the parsed resources (it could not be read as an object). */
const BREAKING: ReadonlySet<string> = new Set(['YAMLSyntax', 'YAMLDuplicateKey', 'YAMLTooDeep', 'YAMLAliasBomb', 'YAMLTooLarge', 'NotAnObject', 'MissingApiVersion', 'MissingKind']);

/** True when the diagnostic means a document is missing from the design (so it is not compiled). */
export function isBreaking(d: Diagnostic): boolean {
  return d.severity === 'error' && BREAKING.has(d.code);
}
