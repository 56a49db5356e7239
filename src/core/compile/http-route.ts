/**
 * HTTPRoute → entry templates: one entry per (rule, match), rules and matches defaulted as in
 * gateway-api.md §4.1, filters as in §5, backends as in §6.
 */
import { formatPath } from '../resources/path.js';
import type { BackendScope } from './backends.js';
import { resolveBackend } from './backends.js';
import type { CompileContext } from './context.js';
import { refOf } from './context.js';
import { collectProblems, isForwardTo, type CompiledRoute, type EntryTemplate } from './entry-template.js';
import { HTTP_FILTERS, compileFilters, type RuleProblem } from './http-filters.js';
import { compileHttpMatch, dedupe } from './http-match.js';
import { arr, creationOf, rec, str } from './read.js';
import { readRetry, readTimeouts } from './rule-policies.js';
import type { RouteModel } from './route-model.js';
import type { BackendProblem, Provenance } from './types.js';

export function compileHttpRoute(ctx: CompileContext, route: RouteModel, scope: BackendScope): CompiledRoute {
  const r = route.resource;
  const rawRules = arr(rec(r.object.spec).rules);
  const rules = rawRules.length > 0 ? rawRules : [{}];
  const templates: EntryTemplate[] = [];
  const droppedRules: { index: number; problem: RuleProblem }[] = [];
  const backendProblems: BackendProblem[] = [];
  rules.forEach((rawRule, ruleIndex) => {
    const rule = rec(rawRule);
    const rulePath = ['spec', 'rules', ruleIndex];
    const explicit = arr(rule.matches);
    const matches = (explicit.length > 0 ? explicit : [{}]).map((m, j) => compileHttpMatch(m, formatPath([...rulePath, 'matches', j])));
    const base: Provenance = { resource: r.id, ref: refOf(r), rule: ruleIndex, match: null, path: formatPath(rulePath) };
    const only = matches.length === 1 ? matches[0] : undefined;
    const fc = { ctx, route: r, scope, singlePrefix: only?.prefix ?? null, allowed: HTTP_FILTERS, provenance: base };
    const compiled = compileFilters(rule.filters, { ...fc, path: formatPath([...rulePath, 'filters']) });
    let problem = matches.find((m) => m.problem)?.problem ?? compiled.problem;
    const rawBackends = arr(rule.backendRefs);
    if (compiled.redirect && rawBackends.length > 0) {
      problem ??= { reason: 'IncompatibleFilters', message: `${base.path}: RequestRedirect filter must not be used together with backendRefs` };
    }
    const backends = rawBackends.map((b, k) => {
      const path = formatPath([...rulePath, 'backendRefs', k]);
      const bf = compileFilters(rec(b).filters, { ...fc, path: `${path}.filters` });
      problem ??= bf.problem;
      return resolveBackend(ctx, r, b, { ...base, path }, scope, bf.filters);
    });
    if (problem) {
      droppedRules.push({ index: ruleIndex, problem });
      return;
    }
    const action = compiled.redirect ?? isForwardTo(backends);
    backendProblems.push(...collectProblems(action, compiled.filters));
    const timeouts = readTimeouts(rule.timeouts);
    const retries = readRetry(rule.retry);
    matches.forEach((m, j) => {
      templates.push({
        entry: {
          dialect: 'gateway-api',
          routeKind: 'HTTPRoute',
          // A rule without matches has the CRD default `matches: [{path: PathPrefix /}]`: match 0.
          provenance: explicit.length > 0 ? { ...base, match: j, path: formatPath([...rulePath, 'matches', j]) } : { ...base, match: 0 },
          ruleName: str(rule.name),
          match: m.match,
          filters: compiled.filters,
          action,
          timeouts,
          retries,
          fault: null,
          notes: dedupe(m.notes),
        },
        key: {
          ...m.precedence,
          grpcServiceChars: 0,
          grpcMethodChars: 0,
          creationTimestamp: creationOf(r.object),
          namespacedName: `${r.namespace}/${r.name}`,
          ruleIndex,
          matchIndex: j,
        },
      });
    });
  });
  return { templates, ruleCount: rules.length, droppedRules, backendProblems };
}
