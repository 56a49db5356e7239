/**
 * The rule loop HTTPRoute and GRPCRoute share (gateway-api.md §4.1, §5, §6, §7): each rule's
 * matches (no matches → one match-everything), its filters and its backends' filters, the first
 * problem of any drops the rule (§5.1); otherwise one entry template per match, the rule's action
 * and filters on each. The kinds differ only in what `RouteRules` says.
 */
import { formatPath } from '../resources/path.js';
import { resolveBackend, type BackendScope } from './backends.js';
import { refOf, type CompileContext } from './context.js';
import { collectProblems, isForwardTo, type CompiledRoute, type EntryTemplate, type PartialKey } from './entry-template.js';
import { compileFilters, type CompiledFilters, type FilterContext, type RuleProblem } from './http-filters.js';
import { dedupe } from './http-match.js';
import { arr, creationOf, rec, str } from './read.js';
import { readRetry, readTimeouts } from './rule-policies.js';
import type { RouteModel } from './route-model.js';
import type { BackendProblem, BackendTarget, Note, Provenance, RouteMatch } from './types.js';

/** One compiled match: its condition, the match's part of the precedence key, notes and problem. */
export interface RuleMatch {
  readonly match: RouteMatch;
  readonly key: Omit<PartialKey, 'creationTimestamp' | 'namespacedName' | 'ruleIndex' | 'matchIndex'>;
  readonly notes: readonly Note[];
  readonly problem: RuleProblem | null;
  /** HTTPRoute: the PathPrefix value, which ReplacePrefixMatch needs when it is the rule's only match. */
  readonly prefix?: string | null;
}

export interface RouteRules {
  readonly routeKind: 'HTTPRoute' | 'GRPCRoute';
  readonly compileMatch: (raw: unknown, where: string) => RuleMatch;
  /** Filter types the kind allows (http-filters.ts). */
  readonly allowed: readonly string[];
  /** HTTPRoute: a route without rules has one default rule (the CRD default). */
  readonly defaultRule: boolean;
  /** HTTPRoute: `timeouts` and `retry` are read. */
  readonly policies: boolean;
  /**
   * The match index a rule without matches reports: HTTPRoute 0 (the CRD default
   * `matches: [{path: PathPrefix /}]`), GRPCRoute none.
   */
  readonly defaultMatchIndex: number | null;
}

export function compileRules(ctx: CompileContext, route: RouteModel, scope: BackendScope, kind: RouteRules): CompiledRoute {
  const r = route.resource;
  const rawRules = arr(rec(r.object.spec).rules);
  const rules = rawRules.length === 0 && kind.defaultRule ? [{}] : rawRules;
  const templates: EntryTemplate[] = [];
  const droppedRules: { index: number; problem: RuleProblem }[] = [];
  const backendProblems: BackendProblem[] = [];
  // The same for every entry of the route: read once.
  const creationTimestamp = creationOf(r.object);
  const namespacedName = `${r.namespace}/${r.name}`;
  const ref = refOf(r);
  rules.forEach((rawRule, ruleIndex) => {
    const rule = rec(rawRule);
    // formatPath(['spec', 'rules', ruleIndex, ...]) spelt out: every key below is a plain one.
    const rulePath = formatPath(['spec', 'rules', ruleIndex]);
    const explicit = arr(rule.matches);
    // Plain loops here and below: this body runs for every rule of the design.
    const matchPaths: string[] = [];
    const matches: RuleMatch[] = [];
    if (explicit.length === 0) matches.push(kind.compileMatch({}, `${rulePath}.matches[0]`));
    for (let j = 0; j < explicit.length; j++) {
      const path = `${rulePath}.matches[${j}]`;
      matchPaths.push(path);
      matches.push(kind.compileMatch(explicit[j], path));
    }
    const base: Provenance = { resource: r.id, ref, rule: ruleIndex, match: null, path: rulePath };
    const singlePrefix = matches.length === 1 ? (matches[0]?.prefix ?? null) : null;
    const fc = { ctx, route: r, scope, singlePrefix, allowed: kind.allowed, provenance: base, path: '' };
    const compiled = filtersOf(rule.filters, fc, rulePath);
    let problem: RuleProblem | null = null;
    for (const m of matches) if (m.problem && !problem) problem = m.problem;
    problem ??= compiled.problem;
    const rawBackends = arr(rule.backendRefs);
    if (compiled.redirect && rawBackends.length > 0) {
      problem ??= { reason: 'IncompatibleFilters', message: `${base.path}: RequestRedirect filter must not be used together with backendRefs` };
    }
    const backends: BackendTarget[] = [];
    for (let k = 0; k < rawBackends.length; k++) {
      const b = rawBackends[k];
      const path = `${rulePath}.backendRefs[${k}]`;
      const bf = filtersOf(rec(b).filters, fc, path);
      problem ??= bf.problem;
      backends.push(resolveBackend(ctx, r, b, { resource: r.id, ref, rule: ruleIndex, match: null, path }, scope, bf.filters));
    }
    if (problem) {
      droppedRules.push({ index: ruleIndex, problem });
      return;
    }
    const action = compiled.redirect ?? isForwardTo(backends);
    for (const p of collectProblems(action, compiled.filters)) backendProblems.push(p);
    const timeouts = kind.policies ? readTimeouts(rule.timeouts) : null;
    const retries = kind.policies ? readRetry(rule.retry) : null;
    matches.forEach((m, j) => {
      templates.push({
        entry: {
          dialect: 'gateway-api',
          routeKind: kind.routeKind,
          provenance: { resource: r.id, ref, rule: ruleIndex, match: explicit.length > 0 ? j : kind.defaultMatchIndex, path: explicit.length > 0 ? (matchPaths[j] ?? `${rulePath}.matches[${j}]`) : rulePath },
          ruleName: str(rule.name),
          match: m.match,
          filters: compiled.filters,
          action,
          timeouts,
          retries,
          fault: null,
          notes: dedupe(m.notes),
        },
        // Written out rather than spread: one per match of every route.
        key: {
          pathRank: m.key.pathRank,
          pathChars: m.key.pathChars,
          hasMethod: m.key.hasMethod,
          headerCount: m.key.headerCount,
          queryCount: m.key.queryCount,
          grpcServiceChars: m.key.grpcServiceChars,
          grpcMethodChars: m.key.grpcMethodChars,
          creationTimestamp,
          namespacedName,
          ruleIndex,
          matchIndex: j,
        },
      });
    });
  });
  return { templates, ruleCount: rules.length, droppedRules, backendProblems };
}

/** The filter list of the rule or backend at `owner`; most have none, and then no context is copied for it. */
function filtersOf(raw: unknown, fc: FilterContext, owner: string): CompiledFilters {
  if (raw === undefined) return { filters: [], redirect: null, problem: null };
  return compileFilters(raw, { ...fc, path: `${owner}.filters` });
}
