import { rec } from './read.js';
import type { Resource } from '../resources/types.js';
import { readLabels, type LabelMap } from './label-selector.js';
import { isWorkloadKind, workloadKey } from '../resources/workload-kinds.js';

/**
 * Where each workload kind (resources/workload-kinds.ts) keeps the labels its pods carry. A
 * controller's pods get the labels of its pod template (`spec.template.metadata.labels`; a
 * CronJob's one level down, in its job template); a Pod has its own.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#pod-template
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#writing-a-cronjob-spec
 */
const WORKLOADS: Readonly<Record<string, (object: Resource['object']) => unknown>> = {
  'apps/Deployment': template,
  'apps/StatefulSet': template,
  'apps/DaemonSet': template,
  'apps/ReplicaSet': template,
  'core/ReplicationController': template,
  'batch/Job': template,
  'batch/CronJob': (o) => rec(rec(rec(rec(rec(o.spec).jobTemplate).spec).template).metadata).labels,
  'core/Pod': (o) => rec(o.metadata).labels,
};

function template(o: Resource['object']): unknown {
  return rec(rec(rec(o.spec).template).metadata).labels;
}

export function isWorkload(r: Pick<Resource, 'group' | 'kind'>): boolean {
  return isWorkloadKind(r.group, r.kind);
}

/** The labels of the pods a workload runs (empty when it has none, or is not a workload). */
export function podLabelsOf(r: Resource): LabelMap {
  const read = WORKLOADS[workloadKey(r.group, r.kind)];
  return read ? readLabels(read(r.object)) : {};
}
