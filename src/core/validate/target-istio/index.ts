/**
 * Istio-release problems (issue 14 scope 6): a networking.istio.io field or value that the target's
 * Istio release does not have yet (target/istio-fields.ts, from istio/api's CRDs and istiod's
 * validation at each release tag). A target without an Istio release (`istio: null`) means the
 * newest, where every field exists: no problem then.
 */
import type { Diagnostic, SourceRange } from '../../diagnostics/types.js';
import { ISTIO_GROUP } from '../../resources/kinds.js';
import { formatPath, type FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { ISTIO_FIELD_INTROS } from '../../target/istio-fields.js';
import { compareIstioMinors } from '../../target/istio-releases.js';
import { istioKindDiagnostics } from './kinds.js';
import { fieldUses } from './uses.js';

export { ISTIO_RELEASE_CODES, type IstioReleaseCode } from './codes.js';

export interface IstioReleaseInput {
  readonly resources: readonly Resource[];
  /** The target (only its Istio release is read): `'1.22'` … `'1.29'`, or null for the newest. */
  readonly target: { readonly istio: string | null; readonly implementation?: { readonly project: string } | null };
  readonly locate: (resource: Resource, path: FieldPath, prefer?: 'key' | 'value') => SourceRange;
}

export function istioReleaseDiagnostics(input: IstioReleaseInput): Diagnostic[] {
  return [...istioFieldDiagnostics(input), ...istioKindDiagnostics(input)];
}

function istioFieldDiagnostics(input: IstioReleaseInput): Diagnostic[] {
  const release = input.target.istio;
  if (release === null) return [];
  const later = ISTIO_FIELD_INTROS.filter((f) => compareIstioMinors(f.since, release) > 0);
  if (later.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const resource of input.resources) {
    if (resource.group !== ISTIO_GROUP) continue;
    for (const intro of later) {
      if (intro.kind !== resource.kind) continue;
      for (const use of fieldUses(resource.object, intro)) {
        const subject = intro.value === undefined ? `field ${formatPath(use.path)} (${intro.what})` : `${formatPath(use.path)} value ${intro.value.text}`;
        out.push({
          code: 'IstioFieldNotInRelease',
          severity: 'error',
          message:
            `${resource.kind} ${subject} is not in Istio ${release}: Istio ${intro.since} added it (${intro.source}). ` +
            `An Istio ${release} cluster rejects or ignores it — remove it, or target Istio ${intro.since} or later`,
          ...input.locate(resource, use.path, use.at),
          resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
          path: formatPath(use.path),
        });
      }
    }
  }
  return out;
}
