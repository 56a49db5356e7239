/**
 * BackendTLSPolicy `status.ancestors[]` (gateway-api.md §6.6, §9.6): one entry per Gateway whose
 * routes send traffic to a targeted Service. Accepted (TargetNotFound when the Service is absent,
 * Conflicted when an older policy targets the same Service and section, NoValidCACertificate,
 * Invalid), ResolvedRefs (InvalidCACertificateRef, InvalidKind for CA references): backend-tls.ts.
 */
import type { Resource } from '../resources/types.js';
import type { RouteResult } from './attach-all.js';
import { GW, type CompileContext } from './context.js';
import { compareAge } from './precedence.js';
import { generationOf } from './read.js';
import { policyVerdicts } from './backend-tls.js';
import { condition } from './status-conditions.js';
import type { ObjectStatus, PolicyAncestorStatus } from './types.js';

export function backendTlsPolicyStatus(ctx: CompileContext, policy: Resource, results: readonly RouteResult[]): ObjectStatus {
  const g = generationOf(policy.object);
  const verdict = policyVerdicts(ctx).get(policy);
  const targets = verdict?.targets ?? [];
  const ancestors = new Map<string, { ref: Resource; controller: string }>();
  for (const { parents } of results) {
    for (const p of parents) {
      if (!p.gateway || !p.accepted) continue;
      const uses = p.compiled.templates.some((t) => t.entry.action.kind === 'forward' && t.entry.action.backends.some((b) => targets.some((x) => b.ref.kind === 'Service' && b.ref.namespace === x.namespace && b.ref.name === x.name)));
      if (uses) ancestors.set(p.gateway.gateway.resource.id, { ref: p.gateway.gateway.resource, controller: p.controllerName });
    }
  }
  const rejected = verdict?.rejected ?? null;
  const accepted = rejected ? condition('Accepted', false, rejected.reason, rejected.message, g) : condition('Accepted', true, 'Accepted', 'policy is accepted', g);
  const first = verdict?.refProblems[0];
  const resolved = first
    ? condition('ResolvedRefs', false, first.reason, (verdict?.refProblems ?? []).map((p) => `caCertificateRefs[${p.index}]: ${p.message}`).join('; '), g)
    : condition('ResolvedRefs', true, 'ResolvedRefs', 'all references are resolved', g);
  return {
    ancestors: [...ancestors.values()]
      .sort((a, b) => compareAge(a.ref, b.ref))
      .map(({ ref, controller }): PolicyAncestorStatus => ({
        ancestorRef: { group: GW, kind: 'Gateway', namespace: ref.namespace, name: ref.name },
        controllerName: controller,
        conditions: [accepted, resolved],
      })),
  };
}
