import { makeResourceId, type Resource } from '../resources/types.js';
import type { GraphDraft } from './draft.js';
import { matchesEquality, readLabels } from './label-selector.js';
import { formatLabels, rec, records, str } from './read.js';
import { isWorkloadKind } from '../resources/workload-kinds.js';
import { isWorkload, podLabelsOf } from './workload-kinds.js';

/**
 * A workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob,
 * Pod) is a small pill under the Services that pick its pods. One that another workload of the
 * design controls (a ReplicaSet of a Deployment, a Pod of a ReplicaSet: `ownerReferences` with
 * `controller: true`) is kept aside: its owner stands for it, as in Kiali's workload view.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/
 */
export function addWorkload(r: Resource, g: GraphDraft): void {
  if (controllerInDesign(r, g)) {
    const node = g.addResourceNode(r, 'other', r.apiVersion);
    node.aside = 'owned';
    return;
  }
  const labels = formatLabels(podLabelsOf(r));
  g.addResourceNode(r, 'workload', labels || undefined);
}

function controllerInDesign(r: Resource, g: GraphDraft): boolean {
  for (const { item } of records(rec(r.object.metadata).ownerReferences)) {
    if (item.controller !== true) continue;
    const kind = str(item.kind);
    const name = str(item.name);
    const apiVersion = str(item.apiVersion) ?? '';
    if (!kind || !name) continue;
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    // Owners of namespaced objects are in the same namespace.
    if (isWorkloadKind(group, kind) && g.index.byResourceId(makeResourceId(group, kind, r.namespace, name))) return true;
  }
  return false;
}

/**
 * The edges from each Service to the workloads whose pods its selector picks: from the rows of
 * the DestinationRule subsets that pick them (a subset keeps those of the Service's endpoints
 * that carry its labels — no labels, all of them), else from the Service itself.
 *
 * A Service selects Pods of its own namespace whose labels match its `spec.selector`, a plain
 * map (equality-based requirements only); "if empty or not present, the service is assumed to
 * have an external process managing its endpoints" — it selects nothing, and an ExternalName
 * Service ignores its selector.
 * @see https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/#ServiceSpec
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export function addWorkloadEdges(r: Resource, g: GraphDraft): void {
  if (!isWorkload(r) || g.nodes.get(r.id)?.role !== 'workload') return;
  const pod = podLabelsOf(r);
  for (const service of g.index.inNamespace('', 'Service', r.namespace)) {
    const spec = rec(service.object.spec);
    if (str(spec.type) === 'ExternalName') continue;
    const selector = readLabels(spec.selector);
    if (Object.keys(selector).length === 0 || !matchesEquality(selector, pod)) continue;
    const nodeId = g.nodeByResource.get(service.id);
    const node = nodeId === undefined ? undefined : g.nodes.get(nodeId);
    if (!node) continue;
    const subsets = node.rows.filter((row) => row.kind === 'subset' && matchesEquality(g.subsetLabels.get(row.id) ?? {}, pod));
    if (subsets.length === 0) g.edge('ref', node.id, r.id);
    for (const row of subsets) g.edge('ref', node.id, r.id, { sourceRow: row.id });
  }
}
