import type { ResourceEdit } from '../resources/edit.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { setAt } from './immutable.js';
import { referencesTo, type Reference } from './references.js';

/**
 * Renames a resource and makes every reference to it follow (parentRefs, backendRefs,
 * certificateRefs, Istio gateways and destination hosts), keeping each reference's own form:
 * `reviews` stays short, `shop/edge` keeps its namespace, `reviews.shop.svc.cluster.local` stays long.
 */
export function renameResource(resources: readonly Resource[], target: Resource, newName: string): ResourceEdit[] {
  const objects = new Map<Resource, KubeObject>();
  objects.set(target, setAt(target.object, ['metadata', 'name'], newName));
  for (const ref of referencesTo(resources, target)) {
    const current = objects.get(ref.from) ?? ref.from.object;
    objects.set(ref.from, setAt(current, ref.path, renamedValue(ref, current, newName)));
  }
  return [...objects].map(([resource, object]) => ({ type: 'replace', resource, object }));
}

function renamedValue(ref: Reference, obj: KubeObject, newName: string): string {
  let cur: unknown = obj;
  for (const seg of ref.path) cur = (cur as Record<string | number, unknown>)[seg];
  const old = String(cur);
  if (ref.form === 'istioGateway') return old.includes('/') ? `${old.split('/', 1)[0]}/${newName}` : newName;
  if (ref.form === 'istioHost') {
    const dot = old.indexOf('.');
    return dot === -1 ? newName : `${newName}${old.slice(dot)}`;
  }
  return newName;
}
