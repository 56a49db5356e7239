/**
 * What every `istioctl analyze`-style analyzer reads and how it reports. Analyzers are pure
 * functions of the design (plus the compiled table when it helps) and return diagnostics that
 * carry the istioctl message code (istio/istio pkg/config/analysis/msg/messages.yaml).
 */
import type { Diagnostic, RelatedPlace, Severity, SourceRange } from '../../diagnostics/types.js';
import type { RouteTable } from '../../compile/types.js';
import { formatPath, type FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';

export interface IstioAnalysisInput {
  readonly resources: readonly Resource[];
  /** `CompileResult.table` of the same resources; null when compile did not run. */
  readonly table: RouteTable | null;
  /** Resolves a field of a resource to its place in the text (as compile's `locate` option). */
  readonly locate: (resource: Resource, path: FieldPath) => SourceRange;
  /** DESIGN.md "Objects outside the design": Services, Secrets… absent from the design are assumed present. */
  readonly assumeExternal: boolean;
}

export type IstioAnalyzer = (input: IstioAnalysisInput) => Diagnostic[];

/** One problem, located at `path` in `resource`, with its istioctl code. */
export function istioProblem(
  input: IstioAnalysisInput,
  resource: Resource,
  code: string,
  istioCode: string,
  severity: Severity,
  message: string,
  path: FieldPath,
): Diagnostic {
  return {
    code,
    severity,
    message,
    istioCode,
    ...input.locate(resource, path),
    resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
    ...(path.length > 0 ? { path: formatPath(path) } : {}),
  };
}

/** A related place in another resource, located (e.g. the Gateway whose servers miss the host). */
export function relatedPlace(input: IstioAnalysisInput, resource: Resource, path: FieldPath, role: string): RelatedPlace {
  return { ...input.locate(resource, path), resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name }, path: formatPath(path), role };
}
