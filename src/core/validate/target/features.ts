/**
 * TargetFeatureUnsupported and TargetFeatureNotReported (issue 14 scope 3): for each use of a
 * conformance feature's field (FEATURE_USES) by an object an implementation judges (judges.ts),
 * what that implementation's conformance report says of the feature: unsupported → a warning
 * naming the feature and the report; neither supported nor unsupported → an info. Core features of
 * a profile whose core tests passed count as supported (reports.ts featureStatus).
 */
import { formatPath } from '../../resources/path.js';
import { isRecord, type Resource } from '../../resources/types.js';
import { featureStatus, type FeatureStatus, type ReportData } from '../../target/reports.js';
import { reportPath } from '../../target/target.js';
import { conditionHolds } from './conditions.js';
import { parentRefs, type Judge, type Judges } from './judges.js';
import type { TargetReport } from './report.js';
import { FEATURES_BY_KIND, occurrences, type KindFeature, type Occurrence } from './uses.js';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export function featureProblems(resources: readonly Resource[], judges: Judges, report: TargetReport): void {
  if (!judges.any) return;
  const backends = backendJudges(resources, judges);
  let tls: Resource[] | undefined;
  const tlsRoutes = (): readonly Resource[] => (tls ??= resources.filter((r) => r.group === GATEWAY_GROUP && r.kind === 'TLSRoute'));
  for (const r of resources) {
    const features = FEATURES_BY_KIND.get(r.kind);
    if (features === undefined || r.group !== (r.kind === 'Service' ? '' : GATEWAY_GROUP)) continue;
    const own = r.kind === 'Service' ? (backends.get(`${r.namespace}/${r.name}`) ?? []) : r.kind === 'BackendTLSPolicy' ? policyJudges(r, backends, judges) : judges.of(r);
    if (own.length === 0) continue;
    const found = occurrences(r.kind, r.object);
    const said = new Set<string>();
    for (const kf of features) {
      const uses: readonly Occurrence[] = kf.use.path === '' ? [{ path: ['kind'], value: r.kind }] : (found.get(kf.use.path) ?? []);
      for (const use of uses) {
        if (kf.use.value !== undefined && String(use.value) !== String(kf.use.value)) continue;
        if (!conditionHolds(kf.condition, { resource: r, use, tlsRoutes })) continue;
        for (const judge of judgesOfUse(r, kf, use, own, judges)) {
          const key = `${kf.feature}\u0000${formatPath(use.path)}\u0000${judge.implementation.project}`;
          if (said.has(key)) continue;
          said.add(key);
          judgeUse(r, kf, use, judge, report);
        }
      }
    }
  }
}

/** A use inside `spec.parentRefs[i]` is judged by that parent's judges; mesh features only through a Service parent. */
function judgesOfUse(r: Resource, kf: KindFeature, use: Occurrence, own: readonly Judge[], judges: Judges): readonly Judge[] {
  const i = use.path[2];
  const base = use.path[1] === 'parentRefs' && typeof i === 'number' ? judges.ofParent(r, i) : own;
  if (kf.use.path === '' || (r.kind !== 'HTTPRoute' && r.kind !== 'GRPCRoute')) return base;
  const via = kf.feature.startsWith('Mesh') ? 'mesh' : 'gateway';
  return base.filter((j) => j.via === via);
}

/** featureStatus once per report and feature (a big design asks the same few questions many times). */
const STATUS = new WeakMap<ReportData, Map<string, FeatureStatus>>();
function statusOf(rep: ReportData, feature: string): FeatureStatus {
  let known = STATUS.get(rep);
  if (!known) STATUS.set(rep, (known = new Map()));
  let status = known.get(feature);
  if (status === undefined) known.set(feature, (status = featureStatus(rep, feature)));
  return status;
}

function judgeUse(r: Resource, kf: KindFeature, use: Occurrence, judge: Judge, report: TargetReport): void {
  const rep = judge.implementation.report;
  const status = statusOf(rep, kf.feature);
  if (status === 'supported') return;
  const who = `${judge.implementation.project} ${rep.version}`;
  const what = kf.use.path === '' ? `${r.kind} ${r.namespace === '' ? r.name : `${r.namespace}/${r.name}`}` : `${formatPath(use.path)}${typeof use.value === 'object' ? '' : `: ${String(use.value)}`}`;
  if (status === 'unsupported') {
    report(r, use.path, 'TargetFeatureUnsupported', 'warning', `${what} uses ${kf.feature}, which ${who} reports unsupported (${reportPath(rep)})`, 'value');
  } else {
    report(r, use.path, 'TargetFeatureNotReported', 'info', `${what} uses ${kf.feature}, which is not covered by ${who}'s conformance report (${reportPath(rep)}): it claims neither support nor its absence`, 'value');
  }
}

/** Service `ns/name` → the gateway judges of the HTTPRoutes whose backendRefs name it. */
function backendJudges(resources: readonly Resource[], judges: Judges): Map<string, Judge[]> {
  const out = new Map<string, Judge[]>();
  for (const r of resources) {
    if (r.group !== GATEWAY_GROUP || r.kind !== 'HTTPRoute') continue;
    const mine = judges.of(r).filter((j) => j.via === 'gateway');
    if (mine.length === 0 && parentRefs(r).length > 0) continue;
    const rules = isRecord(r.object.spec) && Array.isArray(r.object.spec.rules) ? r.object.spec.rules : [];
    for (const rule of rules) {
      const refs = isRecord(rule) && Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
      for (const ref of refs) {
        if (!isRecord(ref) || (ref.kind ?? 'Service') !== 'Service' || (ref.group ?? '') !== '' || typeof ref.name !== 'string') continue;
        const key = `${typeof ref.namespace === 'string' ? ref.namespace : r.namespace}/${ref.name}`;
        const list = out.get(key) ?? [];
        for (const j of mine) if (!list.some((k) => k.implementation.project === j.implementation.project)) list.push(j);
        out.set(key, list);
      }
    }
  }
  return out;
}

/** A BackendTLSPolicy is judged by the implementations that send to the Services it targets. */
function policyJudges(r: Resource, backends: Map<string, Judge[]>, judges: Judges): readonly Judge[] {
  const refs = isRecord(r.object.spec) && Array.isArray(r.object.spec.targetRefs) ? r.object.spec.targetRefs : [];
  const out: Judge[] = [];
  for (const ref of refs) {
    if (!isRecord(ref) || ref.kind !== 'Service' || typeof ref.name !== 'string') continue;
    for (const j of backends.get(`${r.namespace}/${ref.name}`) ?? []) if (!out.some((k) => k.implementation.project === j.implementation.project)) out.push(j);
  }
  return out.length > 0 ? out : judges.of(r);
}
