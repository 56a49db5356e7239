import type { ResourceId } from '../resources/types.js';
import type { GraphDraft } from './draft.js';

/** Secret types that carry a certificate the design draws (listener certificates, CA bundles). */
const TLS_SECRET = 'kubernetes.io/tls';

/**
 * Marks the nodes the canvas keeps aside (see AsideReason): what the design does not model, the
 * workloads no Service picks, and configuration nothing refers to. A kept-aside node is still a
 * node of the graph — selectable, inspected, listed — only not drawn unless asked.
 */
export function markAside(g: GraphDraft): void {
  const touched = new Set<string>();
  const targeted = new Set<string>();
  for (const e of g.edges) {
    touched.add(e.source);
    touched.add(e.target);
    targeted.add(e.target);
  }
  for (const node of g.nodes.values()) {
    if (node.aside !== undefined || node.role === 'missing') continue;
    if (node.role === 'workload') {
      if (!targeted.has(node.id)) node.aside = 'unselected';
    } else if (node.role === 'other' && node.family === 'other') {
      node.aside = 'unmodelled';
    } else if (node.family === 'core' && !touched.has(node.id) && (node.kind === 'ConfigMap' || (node.kind === 'Secret' && secretType(g, node.resourceId) !== TLS_SECRET))) {
      node.aside = 'unreferenced';
    }
  }
}

function secretType(g: GraphDraft, id: ResourceId | undefined): unknown {
  return id === undefined ? undefined : g.index.byResourceId(id)?.object.type;
}
