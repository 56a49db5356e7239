/**
 * GRPCRoute → entry templates (gateway-api.md §7). Matches: `method` {type Exact (default) |
 * RegularExpression, service, method} and headers; no matches → every gRPC request. Filters:
 * header modifiers, mirror, ExtensionRef. Precedence: hostname, service chars, method chars,
 * header count, then age and name (precedence.ts). The rule loop: rule-compiler.ts.
 */
import type { BackendScope } from './backends.js';
import type { CompileContext } from './context.js';
import type { CompiledRoute } from './entry-template.js';
import { GRPC_FILTERS, type RuleProblem } from './http-filters.js';
import { REGEX_NOTE, regexError } from './http-match.js';
import { arr, rec, str } from './read.js';
import { compileRules, type RouteRules } from './rule-compiler.js';
import type { RouteModel } from './route-model.js';
import type { GrpcMethodMatch, HeaderMatch, Note, RouteMatch } from './types.js';

interface GrpcMatch {
  readonly match: RouteMatch;
  readonly serviceChars: number;
  readonly methodChars: number;
  readonly headerCount: number;
  readonly notes: Note[];
  readonly problem: RuleProblem | null;
}

function compileGrpcMatch(raw: unknown, where: string): GrpcMatch {
  const m = rec(raw);
  const notes: Note[] = [];
  let problem: RuleProblem | null = null;
  let grpc: GrpcMethodMatch | undefined;
  if (m.method !== undefined) {
    const mm = rec(m.method);
    const type = str(mm.type) === 'RegularExpression' ? 'RegularExpression' : 'Exact';
    grpc = { type, service: str(mm.service), method: str(mm.method) };
    if (type === 'RegularExpression') {
      notes.push(REGEX_NOTE);
      for (const v of [grpc.service, grpc.method]) {
        const err = v === null ? null : regexError(v);
        if (err) problem ??= { reason: 'UnsupportedValue', message: `${where}.method: invalid regular expression: ${err}` };
      }
    } else if (grpc.service === null && grpc.method !== null) {
      notes.push({ code: 'ImplementationSpecific', message: 'an Exact gRPC method match without a service is implementation-specific; here it matches that method of any service' });
    }
  }
  const headers: HeaderMatch[] = [];
  for (const [i, h] of arr(m.headers).entries()) {
    const name = (str(rec(h).name) ?? '').toLowerCase();
    if (headers.some((x) => x.name === name)) continue;
    const regex = str(rec(h).type) === 'RegularExpression';
    if (regex) {
      notes.push(REGEX_NOTE);
      const err = regexError(str(rec(h).value) ?? '');
      if (err) problem ??= { reason: 'UnsupportedValue', message: `${where}.headers[${i}]: invalid regular expression: ${err}` };
    }
    headers.push({ name, match: regex ? { type: 'RegularExpression', value: str(rec(h).value) ?? '' } : { type: 'Exact', value: str(rec(h).value) ?? '' } });
  }
  return {
    match: { ...(grpc ? { grpc } : {}), ...(headers.length > 0 ? { headers } : {}) },
    serviceChars: grpc?.service?.length ?? 0,
    methodChars: grpc?.method?.length ?? 0,
    headerCount: headers.length,
    notes,
    problem,
  };
}

const GRPC_RULES: RouteRules = {
  routeKind: 'GRPCRoute',
  compileMatch: (raw, where) => {
    const m = compileGrpcMatch(raw, where);
    const key = { pathRank: 0, pathChars: 0, hasMethod: false, grpcServiceChars: m.serviceChars, grpcMethodChars: m.methodChars, headerCount: m.headerCount, queryCount: 0 };
    return { match: m.match, key, notes: m.notes, problem: m.problem };
  },
  allowed: GRPC_FILTERS,
  defaultRule: false,
  policies: false,
  defaultMatchIndex: null,
};

export function compileGrpcRoute(ctx: CompileContext, route: RouteModel, scope: BackendScope): CompiledRoute {
  return compileRules(ctx, route, scope, GRPC_RULES);
}
