/**
 * TLSRoute, TCPRoute, UDPRoute → entry templates (gateway-api.md §8): no request matching beyond
 * the listener (and SNI for TLSRoute, via the vhost); one entry per rule, weighted backends.
 */
import { formatPath } from '../resources/path.js';
import { resolveBackend, type BackendScope } from './backends.js';
import { refOf, type CompileContext } from './context.js';
import { collectProblems, isForwardTo, type CompiledRoute, type EntryTemplate } from './entry-template.js';
import { arr, creationOf, rec, str } from './read.js';
import type { RouteModel } from './route-model.js';
import type { BackendProblem } from './types.js';

export function compileL4Route(ctx: CompileContext, route: RouteModel, scope: BackendScope): CompiledRoute {
  const r = route.resource;
  const rules = arr(rec(r.object.spec).rules);
  const templates: EntryTemplate[] = [];
  const backendProblems: BackendProblem[] = [];
  rules.forEach((rawRule, ruleIndex) => {
    const rule = rec(rawRule);
    const rulePath = ['spec', 'rules', ruleIndex];
    const base = { resource: r.id, ref: refOf(r), rule: ruleIndex, match: null, path: formatPath(rulePath) };
    const backends = arr(rule.backendRefs).map((b, k) => resolveBackend(ctx, r, b, { ...base, path: formatPath([...rulePath, 'backendRefs', k]) }, scope));
    const action = isForwardTo(backends);
    backendProblems.push(...collectProblems(action, []));
    templates.push({
      entry: { dialect: 'gateway-api', routeKind: route.kind, provenance: base, ruleName: str(rule.name), match: {}, filters: [], action, timeouts: null, retries: null, fault: null, notes: [] },
      key: {
        pathRank: 0,
        pathChars: 0,
        hasMethod: false,
        grpcServiceChars: 0,
        grpcMethodChars: 0,
        headerCount: 0,
        queryCount: 0,
        creationTimestamp: creationOf(r.object),
        namespacedName: `${r.namespace}/${r.name}`,
        ruleIndex,
        matchIndex: 0,
      },
    });
  });
  return { templates, ruleCount: rules.length, droppedRules: [], backendProblems };
}
