/**
 * The target's implementation as the simulator uses it (SimulateOptions.target): its confirmed
 * choices (implementation-table.ts), plus what its conformance report claims where the table is
 * silent — an implementation that claims MeshClusterIPMatching routes mesh requests by the Service
 * dialled (GEP-1294). `implementation: null`: a target with no implementation (the spec's core).
 */
import type { GatewayTable, Note } from '../compile/types.js';
import { implementationForController } from '../target/controllers.js';
import { featureStatus } from '../target/reports.js';
import { DEFAULT_TARGET, type Target } from '../target/target.js';
import { regexTests } from './implementation-regex.js';
import { behaviourOf, type ImplementationBehaviour } from './implementation-table.js';
import type { RequestView } from './request-view.js';

export interface TargetView {
  readonly implementation: ImplementationBehaviour | null;
  /** The target's Istio release (`1.23`); null or absent: the newest (its mesh default retry codes, envoy-retry.ts). */
  readonly istio?: string | null;
}

export function targetView(target: Target): TargetView {
  const impl = target.implementation;
  const istio = target.istio;
  if (impl === null) return { implementation: null, istio };
  const known = behaviourOf(impl.project);
  if (known.mesh || featureStatus(impl.report, 'MeshClusterIPMatching') !== 'supported') return { implementation: known, istio };
  const source = `its conformance report (${impl.report.version}) claims MeshClusterIPMatching`;
  return { implementation: { ...known, mesh: { value: 'cluster-ip', source } }, istio };
}

/** The view with the target's implementation, and its regex reading where it is not RE2 full match. */
export function viewWithTarget(v: RequestView, t: TargetView | null): RequestView {
  if (!t) return v;
  const r = t.implementation?.regex?.value;
  return r && (r.path !== 'whole' || r.values !== 'whole') ? { ...v, target: t, regex: regexTests(r) } : { ...v, target: t };
}

/**
 * A Gateway whose GatewayClass is in the design with the controllerName of a known implementation
 * is simulated as that implementation behaves (issue 14 scope 1: "makes that implementation the
 * target of its Gateways unless the command line or the app says otherwise"), judged by its newest
 * report on the target's channel — as the problems check judges it (validate/target/judges.ts).
 * null when the target names an implementation (it wins), or the class is absent or its controller unknown.
 */
export function classJudgement(gw: GatewayTable, target: Target | undefined): { readonly view: TargetView; readonly note: Note } | null {
  if (target?.implementation || !gw.gatewayClass) return null;
  const { name, controllerName } = gw.gatewayClass;
  const implementation = implementationForController(controllerName, (target ?? DEFAULT_TARGET).channel);
  if (!implementation) return null;
  return {
    view: targetView({ ...(target ?? DEFAULT_TARGET), implementation }),
    note: { code: 'Info', message: `judged as ${implementation.project}: GatewayClass ${name}'s controller ${controllerName}` },
  };
}

