import type { ResourceEdit } from '../resources/edit.js';
import type { FieldPath } from '../resources/path.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { removeAll } from './immutable.js';
import { referencesTo, type Reference } from './references.js';

export interface RemoveResult {
  readonly edits: ResourceEdit[];
  /** References that now point at nothing (when not cleaned up): shown to the user as broken. */
  readonly dangling: readonly Reference[];
}

/**
 * Deletes a resource. With `cleanUp`, references to it are removed where the API allows a list
 * entry to go (a parentRef, a backendRef, a certificateRef, an Istio gateway or destination);
 * references that are required fields (a Gateway's gatewayClassName, a DestinationRule's host)
 * are left and reported as dangling. Without `cleanUp` every reference is reported as dangling.
 */
export function removeResource(resources: readonly Resource[], target: Resource, options: { cleanUp: boolean }): RemoveResult {
  const refs = referencesTo(resources, target).filter((r) => r.from !== target);
  const edits: ResourceEdit[] = [{ type: 'delete', resource: target }];
  if (!options.cleanUp) return { edits, dangling: refs };
  const dangling: Reference[] = [];
  const byResource = new Map<Resource, FieldPath[]>();
  for (const ref of refs) {
    const entry = removableEntry(ref);
    if (!entry) dangling.push(ref);
    else byResource.set(ref.from, [...(byResource.get(ref.from) ?? []), entry]);
  }
  for (const [resource, paths] of byResource) {
    edits.push({ type: 'replace', resource, object: removeAll<KubeObject>(resource.object, paths) });
  }
  return { edits, dangling };
}

/** The list entry holding a reference, when the reference lives in a list (else null). */
function removableEntry(ref: Reference): FieldPath | null {
  const p = ref.path;
  if (ref.form === 'istioGateway') return p;
  if (ref.form === 'istioHost') {
    const i = p.indexOf('destination');
    return i > 0 ? p.slice(0, i) : null; // spec.http[i].route[j]
  }
  if (p[p.length - 1] === 'name' && typeof p[p.length - 2] === 'number') return p.slice(0, -1);
  if (p.includes('requestMirror')) return p.slice(0, p.indexOf('requestMirror'));
  return null;
}
