/**
 * Runtime problems as located diagnostics (the same facts as the status, at the field that causes
 * them): routes not accepted, unresolved references, dropped rules, invalid listeners, refused
 * ListenerSets. Codes: CompileCode (context.ts), documented in the README.
 */
import type { RouteResult } from './attach-all.js';
import { statusReason } from './backends.js';
import type { CompileContext } from './context.js';
import type { GatewayModel, ListenerSetModel } from './gateways.js';
import type { BackendTarget, Filter } from './types.js';

export function reportProblems(ctx: CompileContext, results: readonly RouteResult[], gateways: readonly GatewayModel[], sets: readonly ListenerSetModel[]): void {
  for (const g of gateways) {
    for (const l of g.listeners) {
      const first = l.problems[0];
      if (first && l.owner === g.resource) ctx.diagnose(l.owner, 'ListenerNotValid', 'warning', `listener ${l.name}: ${first.condition === 'Conflicted' ? 'Conflicted' : `${first.condition}=False`} ${first.reason}: ${first.message}`, ['spec', 'listeners', l.index]);
    }
  }
  for (const s of sets) {
    if (!s.accepted) ctx.diagnose(s.resource, 'ListenerSetNotAccepted', 'warning', `${s.reason}: ${s.message}`, ['spec', 'parentRef']);
    else for (const l of s.listeners) {
      const first = l.problems[0];
      if (first) ctx.diagnose(s.resource, 'ListenerNotValid', 'warning', `listener ${l.name}: ${first.reason}: ${first.message}`, ['spec', 'listeners', l.index]);
    }
  }
  for (const { route, parents } of results) {
    const r = route.resource;
    for (const p of parents) {
      if (!p.accepted) ctx.diagnose(r, 'RouteNotAccepted', 'warning', `not accepted by ${p.parentRef.kind} ${p.parentRef.namespace}/${p.parentRef.name}: ${p.reason}: ${p.message}`, ['spec', 'parentRefs', p.parentRef.index]);
    }
    const compiled = parents.find((p) => p.accepted)?.compiled;
    if (!compiled) continue;
    for (const d of compiled.droppedRules) ctx.diagnose(r, 'RuleDropped', 'warning', `rule ${d.index} is dropped (${d.problem.reason}): ${d.problem.message}`, ['spec', 'rules', d.index]);
    const seen = new Set<string>();
    for (const t of compiled.templates) {
      const backends = t.entry.action.kind === 'forward' ? t.entry.action.backends : [];
      for (const b of [...backends, ...mirrors(t.entry.filters), ...backends.flatMap((x) => mirrors(x.filters))]) {
        if (!b.problem || seen.has(b.provenance.path)) continue;
        seen.add(b.provenance.path);
        ctx.diagnose(r, 'RefsNotResolved', 'warning', `${statusReason(b.problem)}: ${b.problem.message}; its share of requests fails`, b.provenance.path);
      }
    }
  }
}

function mirrors(filters: readonly Filter[]): BackendTarget[] {
  return filters.flatMap((f) => (f.type === 'RequestMirror' ? [f.mirror.backend] : []));
}
