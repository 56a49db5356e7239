/** How the certificate checks report (tls/index.ts), and where a Secret's certificate is written. */
import type { RelatedPlace, Severity } from '../../diagnostics/types.js';
import type { FieldPath } from '../../resources/path.js';
import { isRecord, type Resource } from '../../resources/types.js';
import type { TlsCode } from './codes.js';

export type TlsReport = (resource: Resource, path: FieldPath, code: TlsCode, severity: Severity, message: string, related?: readonly RelatedPlace[]) => void;

/** Where a Secret's `tls.crt` (or another key) is written: `stringData` when there, else `data`. */
export function dataPath(secret: Resource, key = 'tls.crt'): FieldPath {
  const plain = secret.object.stringData;
  return isRecord(plain) && key in plain ? ['stringData', key] : ['data', key];
}
