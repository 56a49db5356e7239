/**
 * The target's implementation as the simulator uses it (SimulateOptions.target): its confirmed
 * choices (implementation-table.ts), plus what its conformance report claims where the table is
 * silent — an implementation that claims MeshClusterIPMatching routes mesh requests by the Service
 * dialled (GEP-1294). `implementation: null`: a target with no implementation (the spec's core).
 */
import { featureStatus } from '../target/reports.js';
import type { Target } from '../target/target.js';
import { behaviourOf, type ImplementationBehaviour } from './implementation-table.js';

export interface TargetView {
  readonly implementation: ImplementationBehaviour | null;
}

export function targetView(target: Target): TargetView {
  const impl = target.implementation;
  if (impl === null) return { implementation: null };
  const known = behaviourOf(impl.project);
  if (known.mesh || featureStatus(impl.report, 'MeshClusterIPMatching') !== 'supported') return { implementation: known };
  const source = `its conformance report (${impl.report.version}) claims MeshClusterIPMatching`;
  return { implementation: { ...known, mesh: { value: 'cluster-ip', source } } };
}
