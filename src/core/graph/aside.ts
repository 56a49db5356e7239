import { GATEWAY_GROUP, ISTIO_GROUP } from '../resources/kinds.js';
import type { ResourceId } from '../resources/types.js';
import type { GraphDraft } from './draft.js';
import { rec, records, str, strings } from './read.js';

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
  const named = namedConfig(g);
  for (const node of g.nodes.values()) {
    if (node.aside !== undefined || node.role === 'missing') continue;
    if (node.role === 'workload') {
      if (!targeted.has(node.id)) node.aside = 'unselected';
    } else if (node.role === 'other' && node.family === 'other') {
      node.aside = 'unmodelled';
    } else if (node.family === 'core' && !touched.has(node.id) && !named.has(`${node.kind}/${node.namespace}/${node.name}`) && !named.has(`${node.kind}/*/${node.name}`) && (node.kind === 'ConfigMap' || (node.kind === 'Secret' && secretType(g, node.resourceId) !== TLS_SECRET))) {
      node.aside = 'unreferenced';
    }
  }
}

function secretType(g: GraphDraft, id: ResourceId | undefined): unknown {
  return id === undefined ? undefined : g.index.byResourceId(id)?.object.type;
}

/**
 * Certificates and CA bundles the design names without an edge on the canvas: a Gateway's client
 * certificate validation (`spec.tls.frontend` default and per port: `caCertificateRefs`), and an
 * Istio server's `credentialName(s)` — a Secret of the gateway workload's namespace, which the
 * Gateway object does not say, so any namespace (`*`).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#frontendtlsvalidation
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#ServerTLSSettings
 */
function namedConfig(g: GraphDraft): Set<string> {
  const named = new Set<string>();
  for (const r of g.index.resources) {
    const spec = rec(r.object.spec);
    if (r.group === GATEWAY_GROUP && r.kind === 'Gateway') {
      const frontend = rec(rec(spec.tls).frontend);
      const validations = [rec(rec(frontend.default).validation), ...records(frontend.perPort).map(({ item }) => rec(rec(item.tls).validation))];
      for (const v of validations) {
        for (const { item } of records(v.caCertificateRefs)) named.add(`${str(item.kind) ?? ''}/${str(item.namespace) ?? r.namespace}/${str(item.name) ?? ''}`);
      }
    } else if (r.group === ISTIO_GROUP && r.kind === 'Gateway') {
      for (const { item: server } of records(spec.servers)) {
        const tls = rec(server.tls);
        for (const name of [str(tls.credentialName), ...strings(tls.credentialNames)]) if (name) named.add(`Secret/*/${name}`);
      }
    }
  }
  return named;
}
