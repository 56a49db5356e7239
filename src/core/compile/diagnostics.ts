/**
 * Runtime problems as located diagnostics (the same facts as the status, at the field that causes
 * them): routes not accepted, unresolved references, dropped rules, invalid listeners, refused
 * ListenerSets. Codes: CompileCode (context.ts), documented in the README.
 */
import type { RouteResult } from './attach-all.js';
import { isRouteRefProblem, statusReason } from './backends.js';
import { policyVerdicts } from './backend-tls.js';
import { GW, type CompileContext } from './context.js';
import type { GatewayModel, ListenerSetModel } from './gateways.js';
import type { ListenerModel } from './listener-model.js';
import { classParametersProblem } from './status-gateway.js';
import type { BackendTarget, Filter } from './types.js';

export function reportProblems(ctx: CompileContext, results: readonly RouteResult[], gateways: readonly GatewayModel[], sets: readonly ListenerSetModel[]): void {
  const placed = new Set<string>();
  // Each field that causes a problem once (a Gateway's CA reference shared by several listeners,
  // each certificateRef); problems of the listener itself: the first.
  const listener = (l: ListenerModel): void => {
    const own = l.problems.find((p) => !p.at);
    for (const p of l.problems) {
      if (p.at === undefined && p !== own) continue;
      const at = p.at ?? { resource: l.owner, path: ['spec', 'listeners', l.index] };
      const key = `${at.resource.id} ${at.path.join('.')}`;
      if (placed.has(key)) continue;
      placed.add(key);
      ctx.diagnose(at.resource, 'ListenerNotValid', 'warning', `listener ${l.name}: ${p.condition === 'Conflicted' ? 'Conflicted' : `${p.condition}=False`} ${p.reason}: ${p.message}`, at.path);
    }
  };
  for (const c of ctx.ofKind(GW, 'GatewayClass')) {
    const p = classParametersProblem(ctx, c);
    if (p) ctx.diagnose(c, 'GatewayClassNotAccepted', 'warning', `Accepted=False InvalidParameters: ${p}`, ['spec', 'parametersRef']);
  }
  for (const g of gateways) {
    for (const p of g.checks.problems) {
      const code = p.condition === 'Accepted' ? 'GatewayNotAccepted' : 'GatewayRefsNotResolved';
      ctx.diagnose(g.resource, code, 'warning', `${p.condition}=False ${p.reason}: ${p.message}`, p.path);
    }
    for (const path of g.checks.insecure) {
      ctx.diagnose(g.resource, 'FrontendValidationInsecure', 'info', 'InsecureFrontendValidationMode: clients without a valid certificate are let through; use AllowValidOnly once clients present certificates', path);
    }
    for (const l of g.listeners) if (l.owner === g.resource) listener(l);
  }
  for (const s of sets) {
    if (!s.accepted) ctx.diagnose(s.resource, 'ListenerSetNotAccepted', 'warning', `${s.reason}: ${s.message}`, ['spec', 'parentRef']);
    else for (const l of s.listeners) listener(l);
  }
  reportPolicies(ctx);
  for (const { route, parents } of results) {
    const r = route.resource;
    for (const p of parents) {
      if (!p.accepted) ctx.diagnose(r, 'RouteNotAccepted', 'warning', `not accepted by ${p.parentRef.kind} ${p.parentRef.namespace}/${p.parentRef.name}: ${p.reason}: ${p.message}`, ['spec', 'parentRefs', p.parentRef.index]);
    }
    const compiled = parents.find((p) => p.accepted)?.compiled;
    if (!compiled) continue;
    for (const d of compiled.droppedRules) ctx.diagnose(r, 'RuleDropped', 'warning', `rule ${d.index} is dropped (${d.problem.reason}): ${d.problem.message}`, ['spec', 'rules', d.index]);
    // backendProblems holds every problem of the kept rules' backends and mirrors (collectProblems):
    // none, and no template has one to report.
    if (compiled.backendProblems.length === 0) continue;
    const seen = new Set<string>();
    for (const t of compiled.templates) {
      const backends = t.entry.action.kind === 'forward' ? t.entry.action.backends : [];
      for (const b of [...backends, ...mirrors(t.entry.filters), ...backends.flatMap((x) => mirrors(x.filters))]) {
        if (!b.problem || !isRouteRefProblem(b.problem) || seen.has(b.provenance.path)) continue;
        seen.add(b.provenance.path);
        ctx.diagnose(r, 'RefsNotResolved', 'warning', `${statusReason(b.problem)}: ${b.problem.message}; its share of requests fails`, b.provenance.path);
      }
    }
  }
}

function mirrors(filters: readonly Filter[]): BackendTarget[] {
  return filters.flatMap((f) => (f.type === 'RequestMirror' ? [f.mirror.backend] : []));
}

/** BackendTLSPolicy: one problem per cause — a refused target, or each invalid CA reference. */
function reportPolicies(ctx: CompileContext): void {
  for (const v of policyVerdicts(ctx).values()) {
    const r = v.rejected;
    if (r && r.reason !== 'NoValidCACertificate') ctx.diagnose(v.policy, 'BackendTLSPolicyNotAccepted', 'warning', `Accepted=False ${r.reason}: ${r.message}`, [...r.path]);
    const none = r?.reason === 'NoValidCACertificate';
    for (const p of v.refProblems) {
      const then = none ? '; no CA certificate of the policy is valid, so it is not accepted (NoValidCACertificate) and requests to its Services fail (500)' : '';
      ctx.diagnose(v.policy, 'BackendTLSPolicyRefsNotResolved', 'warning', `ResolvedRefs=False ${p.reason}: ${p.message}${then}`, ['spec', 'validation', 'caCertificateRefs', p.index]);
    }
  }
}
