/**
 * GRPCRoute → entry templates (gateway-api.md §7). Matches: `method` {type Exact (default) |
 * RegularExpression, service, method} and headers; no matches → every gRPC request. Filters:
 * header modifiers, mirror, ExtensionRef. Precedence: hostname, service chars, method chars,
 * header count, then age and name (precedence.ts).
 */
import { formatPath } from '../resources/path.js';
import { resolveBackend, type BackendScope } from './backends.js';
import { refOf, type CompileContext } from './context.js';
import { collectProblems, isForwardTo, type CompiledRoute, type EntryTemplate } from './entry-template.js';
import { GRPC_FILTERS, compileFilters, type RuleProblem } from './http-filters.js';
import { REGEX_NOTE, dedupe, regexError } from './http-match.js';
import { arr, creationOf, rec, str } from './read.js';
import type { RouteModel } from './route-model.js';
import type { BackendProblem, GrpcMethodMatch, HeaderMatch, Note, Provenance, RouteMatch } from './types.js';

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
  for (const h of arr(m.headers)) {
    const name = (str(rec(h).name) ?? '').toLowerCase();
    if (headers.some((x) => x.name === name)) continue;
    const regex = str(rec(h).type) === 'RegularExpression';
    if (regex) notes.push(REGEX_NOTE);
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

export function compileGrpcRoute(ctx: CompileContext, route: RouteModel, scope: BackendScope): CompiledRoute {
  const r = route.resource;
  const rules = arr(rec(r.object.spec).rules);
  const templates: EntryTemplate[] = [];
  const droppedRules: { index: number; problem: RuleProblem }[] = [];
  const backendProblems: BackendProblem[] = [];
  rules.forEach((rawRule, ruleIndex) => {
    const rule = rec(rawRule);
    const rulePath = ['spec', 'rules', ruleIndex];
    const explicit = arr(rule.matches);
    const matches = (explicit.length > 0 ? explicit : [{}]).map((m, j) => compileGrpcMatch(m, formatPath([...rulePath, 'matches', j])));
    const base: Provenance = { resource: r.id, ref: refOf(r), rule: ruleIndex, match: null, path: formatPath(rulePath) };
    const fc = { ctx, route: r, scope, singlePrefix: null, allowed: GRPC_FILTERS, provenance: base };
    const compiled = compileFilters(rule.filters, { ...fc, path: formatPath([...rulePath, 'filters']) });
    let problem = matches.find((m) => m.problem)?.problem ?? compiled.problem;
    const backends = arr(rule.backendRefs).map((b, k) => {
      const path = formatPath([...rulePath, 'backendRefs', k]);
      const bf = compileFilters(rec(b).filters, { ...fc, path: `${path}.filters` });
      problem ??= bf.problem;
      return resolveBackend(ctx, r, b, { ...base, path }, scope, bf.filters);
    });
    if (problem) {
      droppedRules.push({ index: ruleIndex, problem });
      return;
    }
    const action = isForwardTo(backends);
    backendProblems.push(...collectProblems(action, compiled.filters));
    matches.forEach((m, j) => {
      templates.push({
        entry: {
          dialect: 'gateway-api',
          routeKind: 'GRPCRoute',
          provenance: explicit.length > 0 ? { ...base, match: j, path: formatPath([...rulePath, 'matches', j]) } : base,
          ruleName: str(rule.name),
          match: m.match,
          filters: compiled.filters,
          action,
          timeouts: null,
          retries: null,
          fault: null,
          notes: dedupe(m.notes),
        },
        key: {
          pathRank: 0,
          pathChars: 0,
          hasMethod: false,
          grpcServiceChars: m.serviceChars,
          grpcMethodChars: m.methodChars,
          headerCount: m.headerCount,
          queryCount: 0,
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
