import { GATEWAY_GROUP } from '../resources/kinds.js';
import type { Resource } from '../resources/types.js';
import type { GraphDraft } from './draft.js';
import { records, rec, str } from './read.js';
import { resolveBackendRef } from './routes-gateway-api.js';

/**
 * Every kind that is not on the traffic path (GatewayClass, ReferenceGrant, BackendTLSPolicy,
 * Secret, and kinds Route Designer does not model) is a small node: kept, never dropped.
 */
export function addOtherNode(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const subtitle =
    r.kind === 'GatewayClass' ? str(spec.controllerName) : r.kind === 'Secret' ? str(r.object.type) : r.family === 'other' ? r.apiVersion : undefined;
  g.addResourceNode(r, 'other', subtitle);
}

/** BackendTLSPolicy → the Services it targets. */
export function addOtherRefs(r: Resource, g: GraphDraft): void {
  if (r.group !== GATEWAY_GROUP || r.kind !== 'BackendTLSPolicy') return;
  for (const { item } of records(rec(r.object.spec).targetRefs)) {
    const target = resolveBackendRef(g, { ...item, namespace: r.namespace }, r.namespace);
    g.edge('ref', r.id, target.node, target.broken ? { broken: target.broken } : {});
  }
}
