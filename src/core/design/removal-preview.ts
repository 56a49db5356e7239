import { formatPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import { referencesTo } from './references.js';
import { removeResource } from './remove.js';

/** One line of what deleting an object does to another that names it. */
export interface RemovalChange {
  /** `HTTPRoute shop/cart` */
  readonly from: string;
  /** Where the reference is: `spec.rules[0].backendRefs[1].name`. */
  readonly path: string;
  /** `removed`: the entry goes (clean up); `broken`: it stays and is flagged. */
  readonly outcome: 'removed' | 'broken';
}

export interface RemovalPreview {
  readonly cleanUp: readonly RemovalChange[];
  readonly keep: readonly RemovalChange[];
}

/** What each way of deleting `target` will change, so the user can choose knowing it. */
export function previewRemoval(resources: readonly Resource[], target: Resource): RemovalPreview {
  const refs = referencesTo(resources, target).filter((r) => r.from !== target);
  const dangling = new Set(removeResource(resources, target, { cleanUp: true }).dangling.map((r) => `${r.from.id}|${formatPath(r.path)}`));
  const line = (ref: (typeof refs)[number], outcome: RemovalChange['outcome']): RemovalChange => ({
    from: `${ref.from.kind} ${ref.from.namespace ? `${ref.from.namespace}/` : ''}${ref.from.name}`,
    path: formatPath(ref.path),
    outcome,
  });
  return {
    cleanUp: refs.map((r) => line(r, dangling.has(`${r.from.id}|${formatPath(r.path)}`) ? 'broken' : 'removed')),
    keep: refs.map((r) => line(r, 'broken')),
  };
}
