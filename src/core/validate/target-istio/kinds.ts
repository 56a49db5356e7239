/**
 * Gateway API kinds an Istio release does not translate (issue 14 scope 6, "Gateway API support
 * level"): with an Istio release in the target, a Gateway API object of a kind that release does
 * not read is said (IstioKindNotSupported, warning), and one it reads only behind
 * PILOT_ENABLE_ALPHA_GATEWAY_API=true is noted (IstioKindAlphaOnly, info). The facts and their
 * sources are in target/istio-releases.ts (istio/istio collections.gen.go pilotStableGatewayAPI /
 * pilotGatewayAPI at each tag, and the release notes). Only objects Istio would serve are judged:
 * the target names Istio as its implementation, or names none.
 */
import type { Diagnostic, SourceRange } from '../../diagnostics/types.js';
import { GATEWAY_GROUP } from '../../resources/kinds.js';
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { istioGatewayApiKindSupport } from '../../target/istio-releases.js';

const GATEWAY_GROUPS = new Set([GATEWAY_GROUP, 'gateway.networking.x-k8s.io']);

export interface IstioKindsInput {
  readonly resources: readonly Resource[];
  readonly target: { readonly istio: string | null; readonly implementation?: { readonly project: string } | null };
  readonly locate: (resource: Resource, path: FieldPath, prefer?: 'key' | 'value') => SourceRange;
}

export function istioKindDiagnostics(input: IstioKindsInput): Diagnostic[] {
  const release = input.target.istio;
  const project = input.target.implementation?.project;
  if (release === null || (project !== undefined && project !== 'istio')) return [];
  const out: Diagnostic[] = [];
  for (const resource of input.resources) {
    if (!GATEWAY_GROUPS.has(resource.group)) continue;
    const support = istioGatewayApiKindSupport(release, resource.kind);
    if (support === undefined || support === 'stable') continue;
    const alpha = support === 'alpha';
    out.push({
      code: alpha ? 'IstioKindAlphaOnly' : 'IstioKindNotSupported',
      severity: alpha ? 'info' : 'warning',
      message: alpha
        ? `Istio ${release} translates ${resource.kind} only when istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=true (an alpha Gateway API kind in that release)`
        : `Istio ${release} does not translate ${resource.kind}: an Istio ${release} cluster ignores this object (no route, no status)`,
      ...input.locate(resource, ['kind'], 'value'),
      resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
      path: 'kind',
    });
  }
  return out;
}
