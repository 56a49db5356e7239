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

/**
 * BackendTLSPolicy → the Services it targets, and → the CA bundles of the design it names
 * (`validation.caCertificateRefs`: local references, ConfigMap or Secret; one that is absent is
 * reported by validation, not drawn).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#backendtlspolicyvalidation
 */
export function addOtherRefs(r: Resource, g: GraphDraft): void {
  if (r.group !== GATEWAY_GROUP || r.kind !== 'BackendTLSPolicy') return;
  const spec = rec(r.object.spec);
  for (const { item } of records(spec.targetRefs)) {
    const target = resolveBackendRef(g, { ...item, namespace: r.namespace }, r.namespace);
    g.edge('ref', r.id, target.node, target.broken ? { broken: target.broken } : {});
  }
  for (const { item } of records(rec(spec.validation).caCertificateRefs)) {
    const group = str(item.group) ?? '';
    const kind = str(item.kind) ?? '';
    const name = str(item.name) ?? '';
    const ca = group === '' && (kind === 'ConfigMap' || kind === 'Secret') ? g.index.get('', kind, r.namespace, name) : undefined;
    if (ca) g.edge('ref', r.id, ca.id);
  }
}
