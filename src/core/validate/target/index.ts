/**
 * The problems a target cluster brings (issue 14 scope 3): what its Gateway API release and
 * channel do not serve (TargetKindNotServed, TargetFieldNotInRelease: errors, the API server
 * refuses them), and what the implementation judging each object reports unsupported
 * (TargetFeatureUnsupported: warning) or does not cover (TargetFeatureNotReported: info).
 *
 * The default target (the newest release, experimental channel, no implementation) lacks nothing
 * a design can hold that today's schema accepts, and judges no feature unless a GatewayClass names
 * a known controller: on a design without one this costs a lookup per object.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { formatPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import type { Target } from '../../target/target.js';
import { featureProblems } from './features.js';
import { judgesFor } from './judges.js';
import type { Locate, TargetReport } from './report.js';
import { servedProblems } from './served.js';

export { TARGET_CODES, type TargetCode } from './codes.js';

export interface TargetInput {
  readonly resources: readonly Resource[];
  readonly target: Target;
  readonly locate: Locate;
}

export function targetDiagnostics(input: TargetInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report: TargetReport = (resource, path, code, severity, message, prefer) => {
    out.push({
      code,
      severity,
      message,
      ...input.locate(resource, path, prefer),
      resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
      ...(path.length > 0 ? { path: formatPath(path) } : {}),
    });
  };
  servedProblems(input.resources, input.target, report);
  featureProblems(input.resources, judgesFor(input.resources, input.target), report);
  return out;
}
