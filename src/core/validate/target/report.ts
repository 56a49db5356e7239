import type { Diagnostic, SourceRange } from '../../diagnostics/types.js';
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import type { TargetCode } from './codes.js';

/** Where a problem is: the text range of a field of a resource (verdict: SourceLocations.range). */
export type Locate = (resource: Resource, path: FieldPath, prefer?: 'key' | 'value') => SourceRange;

export type TargetReport = (resource: Resource, path: FieldPath, code: TargetCode, severity: Diagnostic['severity'], message: string, prefer: 'key' | 'value') => void;
