/**
 * BackendTLSPolicy verdicts (Gateway API v1.6.1 `apis/v1/backendtlspolicy_types.go`): which
 * policies are accepted, which CA references resolve, and which backends they make fail.
 * - Accepted=False: TargetNotFound (no targeted Service), Conflicted (an older policy targets the
 *   same Service and section), NoValidCACertificate (ALL caCertificateRefs invalid), Invalid (a
 *   wellKnownCACertificates value the controller does not know: only `System`).
 * - ResolvedRefs=False: InvalidKind (not core ConfigMap/Secret), InvalidCACertificateRef (absent,
 *   no `ca.crt`, not a PEM certificate).
 * - "Connections using an invalid CACertificateRef MUST fail, and the client MUST receive an HTTP
 *   5xx" (conformance `backendtlspolicy-invalid-ca-certificate-ref`, `-invalid-kind`: 500/502/503):
 *   a backend whose effective policy has no valid CA gets a BackendProblem; its share fails.
 */
import type { Resource } from '../resources/types.js';
import { caBundleProblem, readRef } from './certificates.js';
import { GW, type CompileContext } from './context.js';
import { compareAge } from './precedence.js';
import { arr, num, rec, str } from './read.js';
import type { BackendProblem } from './types.js';

export interface PolicyTarget {
  readonly index: number;
  readonly namespace: string;
  readonly name: string;
  readonly section: string | null;
}

export interface CaRefProblem {
  readonly index: number;
  readonly reason: 'InvalidKind' | 'InvalidCACertificateRef';
  readonly message: string;
}

export interface PolicyVerdict {
  readonly policy: Resource;
  readonly targets: readonly PolicyTarget[];
  /** null = accepted. */
  readonly rejected: { readonly reason: 'TargetNotFound' | 'Conflicted' | 'NoValidCACertificate' | 'Invalid'; readonly message: string; readonly path: readonly (string | number)[] } | null;
  readonly refProblems: readonly CaRefProblem[];
}

const cache = new WeakMap<CompileContext, Map<Resource, PolicyVerdict>>();

export function policyVerdicts(ctx: CompileContext): Map<Resource, PolicyVerdict> {
  let out = cache.get(ctx);
  if (out) return out;
  out = new Map();
  for (const p of ctx.ofKind(GW, 'BackendTLSPolicy')) out.set(p, verdictOf(ctx, p));
  cache.set(ctx, out);
  return out;
}

export function targetsOf(policy: Resource): PolicyTarget[] {
  return arr(rec(policy.object.spec).targetRefs).flatMap((t, index) => {
    const ref = rec(t);
    if ((str(ref.group) ?? '') !== '' || str(ref.kind) !== 'Service') return [];
    return [{ index, namespace: policy.namespace, name: str(ref.name) ?? '', section: str(ref.sectionName) }];
  });
}

const sameTarget = (a: PolicyTarget, b: PolicyTarget): boolean => a.namespace === b.namespace && a.name === b.name && a.section === b.section;

function verdictOf(ctx: CompileContext, policy: Resource): PolicyVerdict {
  const targets = targetsOf(policy);
  const validation = rec(rec(policy.object.spec).validation);
  const refs = arr(validation.caCertificateRefs);
  const refProblems: CaRefProblem[] = [];
  refs.forEach((raw, index) => {
    const ref = readRef(raw, '', policy.namespace);
    const p = caBundleProblem(ctx, policy, { ...ref, namespace: policy.namespace });
    if (p) refProblems.push({ index, reason: p.cause === 'kind' ? 'InvalidKind' : 'InvalidCACertificateRef', message: p.message });
  });
  const reject = (reason: NonNullable<PolicyVerdict['rejected']>['reason'], message: string, path: (string | number)[]): PolicyVerdict => ({ policy, targets, rejected: { reason, message, path }, refProblems });
  const missing = targets.filter((t) => !ctx.find('', 'Service', t.namespace, t.name));
  if (targets.length === 0 || (missing.length === targets.length && !ctx.assumeExternal)) {
    return reject('TargetNotFound', targets.length === 0 ? 'no Service target' : `Service ${missing.map((t) => `${t.namespace}/${t.name}`).join(', ')} is not in this design: add it, or correct targetRefs`, ['spec', 'targetRefs', missing[0]?.index ?? 0]);
  }
  const older = ctx
    .ofKind(GW, 'BackendTLSPolicy')
    .filter((o) => o !== policy && compareAge(o, policy) < 0)
    .find((o) => targetsOf(o).some((a) => targets.some((b) => sameTarget(a, b))));
  if (older) {
    const t = targets.find((b) => targetsOf(older).some((a) => sameTarget(a, b)));
    return reject('Conflicted', `BackendTLSPolicy ${older.namespace}/${older.name} already targets the same Service: remove one of them, or give them different sectionNames`, ['spec', 'targetRefs', t?.index ?? 0]);
  }
  if (refs.length > 0 && refProblems.length === refs.length) {
    return reject('NoValidCACertificate', `no caCertificateRef is valid: ${refProblems.map((p) => p.message).join('; ')}`, ['spec', 'validation', 'caCertificateRefs', 0]);
  }
  const known = str(validation.wellKnownCACertificates);
  if (refs.length === 0 && known !== null && known !== '' && known !== 'System') {
    return reject('Invalid', `wellKnownCACertificates ${known} is not a set of CA certificates this controller knows (System)`, ['spec', 'validation', 'wellKnownCACertificates']);
  }
  return { policy, targets, rejected: null, refProblems };
}

/**
 * The problem of a backend whose BackendTLSPolicy has no valid CA certificate: the policy that
 * applies to the Service port (a policy naming the port's name, else one for the whole Service;
 * the oldest of either), when it was refused for NoValidCACertificate.
 */
export function backendTlsProblem(ctx: CompileContext, service: Resource, port: number | null): BackendProblem | null {
  const verdicts = policyVerdicts(ctx);
  if (verdicts.size === 0) return null;
  const portName = port === null ? null : str(rec(arr(rec(service.object.spec).ports).map(rec).find((p) => num(p.port) === port)).name);
  const applying = (section: string | null): PolicyVerdict[] =>
    [...verdicts.values()]
      .filter((v) => v.targets.some((t) => t.namespace === service.namespace && t.name === service.name && t.section === section))
      .sort((a, b) => compareAge(a.policy, b.policy));
  const effective = (portName === null ? [] : applying(portName))[0] ?? applying(null)[0];
  if (effective?.rejected?.reason !== 'NoValidCACertificate') return null;
  return {
    reason: 'BackendTLSPolicyInvalid',
    message: `BackendTLSPolicy ${effective.policy.namespace}/${effective.policy.name} has no valid CA certificate, so TLS to Service ${service.namespace}/${service.name} fails`,
  };
}
