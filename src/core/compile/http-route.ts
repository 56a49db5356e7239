/**
 * HTTPRoute → entry templates: one entry per (rule, match), rules and matches defaulted as in
 * gateway-api.md §4.1, filters as in §5, backends as in §6 (the loop: rule-compiler.ts).
 */
import type { BackendScope } from './backends.js';
import type { CompileContext } from './context.js';
import type { CompiledRoute } from './entry-template.js';
import { HTTP_FILTERS } from './http-filters.js';
import { compileHttpMatch } from './http-match.js';
import { compileRules, type RouteRules } from './rule-compiler.js';
import type { RouteModel } from './route-model.js';

const HTTP_RULES: RouteRules = {
  routeKind: 'HTTPRoute',
  compileMatch: (raw, where) => {
    const m = compileHttpMatch(raw, where);
    const p = m.precedence;
    // Written out rather than spread: this runs once per match of every route.
    const key = { pathRank: p.pathRank, pathChars: p.pathChars, hasMethod: p.hasMethod, headerCount: p.headerCount, queryCount: p.queryCount, grpcServiceChars: 0, grpcMethodChars: 0 };
    return { match: m.match, key, notes: m.notes, problem: m.problem, prefix: m.prefix };
  },
  allowed: HTTP_FILTERS,
  defaultRule: true,
  policies: true,
  defaultMatchIndex: 0,
};

export function compileHttpRoute(ctx: CompileContext, route: RouteModel, scope: BackendScope): CompiledRoute {
  return compileRules(ctx, route, scope, HTTP_RULES);
}
