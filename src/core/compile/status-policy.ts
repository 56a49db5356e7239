/**
 * BackendTLSPolicy `status.ancestors[]` (gateway-api.md §6.6, §9.6): one entry per Gateway whose
 * routes send traffic to a targeted Service. Accepted (TargetNotFound when the Service is absent,
 * Conflicted when an older policy targets the same Service and section), ResolvedRefs
 * (InvalidCACertificateRef, InvalidKind for CA references).
 */
import type { Resource } from '../resources/types.js';
import type { RouteResult } from './attach-all.js';
import { GW, type CompileContext } from './context.js';
import { compareAge } from './precedence.js';
import { arr, generationOf, rec, str } from './read.js';
import { condition } from './status-conditions.js';
import type { ObjectStatus, PolicyAncestorStatus, StatusCondition } from './types.js';

interface Target {
  readonly namespace: string;
  readonly name: string;
  readonly section: string | null;
}

function targetsOf(policy: Resource): Target[] {
  return arr(rec(policy.object.spec).targetRefs).flatMap((t) => {
    const ref = rec(t);
    if ((str(ref.group) ?? '') !== '' || str(ref.kind) !== 'Service') return [];
    return [{ namespace: policy.namespace, name: str(ref.name) ?? '', section: str(ref.sectionName) }];
  });
}

export function backendTlsPolicyStatus(ctx: CompileContext, policy: Resource, results: readonly RouteResult[]): ObjectStatus {
  const g = generationOf(policy.object);
  const targets = targetsOf(policy);
  const ancestors = new Map<string, { ref: Resource; controller: string }>();
  for (const { parents } of results) {
    for (const p of parents) {
      if (!p.gateway || !p.accepted) continue;
      const uses = p.compiled.templates.some((t) => t.entry.action.kind === 'forward' && t.entry.action.backends.some((b) => targets.some((x) => b.ref.kind === 'Service' && b.ref.namespace === x.namespace && b.ref.name === x.name)));
      if (uses) ancestors.set(p.gateway.gateway.resource.id, { ref: p.gateway.gateway.resource, controller: p.controllerName });
    }
  }
  const accepted = acceptedCondition(ctx, policy, targets, g);
  const resolved = resolvedCondition(ctx, policy, g);
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

function acceptedCondition(ctx: CompileContext, policy: Resource, targets: readonly Target[], g: number): StatusCondition {
  const missing = targets.filter((t) => !ctx.find('', 'Service', t.namespace, t.name));
  if (targets.length === 0 || (missing.length === targets.length && !ctx.assumeExternal)) {
    return condition('Accepted', false, 'TargetNotFound', targets.length === 0 ? 'no Service target' : `Service ${missing.map((t) => `${t.namespace}/${t.name}`).join(', ')} is not in this design`, g);
  }
  const older = ctx
    .ofKind(GW, 'BackendTLSPolicy')
    .filter((o) => o !== policy && compareAge(o, policy) < 0)
    .find((o) => targetsOf(o).some((a) => targets.some((b) => a.namespace === b.namespace && a.name === b.name && a.section === b.section)));
  if (older) return condition('Accepted', false, 'Conflicted', `BackendTLSPolicy ${older.namespace}/${older.name} already targets the same Service`, g);
  return condition('Accepted', true, 'Accepted', 'policy is accepted', g);
}

function resolvedCondition(ctx: CompileContext, policy: Resource, g: number): StatusCondition {
  for (const c of arr(rec(rec(policy.object.spec).validation).caCertificateRefs)) {
    const ref = rec(c);
    const kind = str(ref.kind) ?? '';
    const name = str(ref.name) ?? '';
    if ((str(ref.group) ?? '') !== '' || (kind !== 'ConfigMap' && kind !== 'Secret')) {
      return condition('ResolvedRefs', false, 'InvalidKind', `caCertificateRef ${kind} ${name} is not a ConfigMap or Secret`, g);
    }
    if (!ctx.find('', kind, policy.namespace, name) && !ctx.assumeExternal) {
      return condition('ResolvedRefs', false, 'InvalidCACertificateRef', `${kind} ${policy.namespace}/${name} is not in this design`, g);
    }
  }
  return condition('ResolvedRefs', true, 'ResolvedRefs', 'all references are resolved', g);
}
