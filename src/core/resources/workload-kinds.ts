/**
 * Workloads: the kinds whose pods a Service or an Istio subset can pick. Route Designer draws them
 * (as pills under the Services that select them) but does not check their spec. Here, below the
 * graph, so that the parser can say so; the graph reads their pod labels (graph/workload-kinds.ts).
 */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'apps/ReplicaSet',
  'core/ReplicationController',
  'batch/Job',
  'batch/CronJob',
  'core/Pod',
]);

/** `group/kind`, the core group named `core`. */
export const workloadKey = (group: string, kind: string): string => `${group === '' ? 'core' : group}/${kind}`;

export function isWorkloadKind(group: string, kind: string): boolean {
  return WORKLOAD_KINDS.has(workloadKey(group, kind));
}
