/**
 * A route compiled once, independent of the vhost it will serve: each entry still lacks the
 * hostname through which it serves (and the hostname part of its precedence key).
 */
import { statusReason } from './backends.js';
import type { RuleProblem } from './http-filters.js';
import type { BackendProblem, BackendTarget, Filter, PrecedenceKey, RouteAction, RouteEntry } from './types.js';

export type PartialKey = Omit<PrecedenceKey, 'exactHostnameChars' | 'hostnameChars'>;

export interface EntryTemplate {
  readonly entry: Omit<RouteEntry, 'hostname' | 'precedence'>;
  readonly key: PartialKey | null;
}

export interface CompiledRoute {
  readonly templates: readonly EntryTemplate[];
  readonly ruleCount: number;
  /** Rules dropped as invalid (gateway-api.md §5.1); all dropped → the route is not accepted. */
  readonly droppedRules: readonly { readonly index: number; readonly problem: RuleProblem }[];
  /** Unresolved references (backends and mirrors) for ResolvedRefs. */
  readonly backendProblems: readonly BackendProblem[];
}

/** Completes a template for a vhost: `hostname` is the route hostname serving it ('*' for any). */
export function instantiate(t: EntryTemplate, hostname: string): RouteEntry {
  const wildcard = hostname === '*' || hostname.startsWith('*.');
  const e = t.entry;
  const k = t.key;
  // Written out rather than spread: one per entry per vhost, and on 10,000 HTTPRoutes building the
  // gateway tables took a third of the time this way (bench, parse-validate.bench.ts).
  return {
    dialect: e.dialect,
    routeKind: e.routeKind,
    provenance: e.provenance,
    ruleName: e.ruleName,
    match: e.match,
    filters: e.filters,
    action: e.action,
    timeouts: e.timeouts,
    retries: e.retries,
    fault: e.fault,
    notes: e.notes,
    hostname,
    precedence:
      k === null
        ? null
        : {
            pathRank: k.pathRank,
            pathChars: k.pathChars,
            hasMethod: k.hasMethod,
            headerCount: k.headerCount,
            queryCount: k.queryCount,
            grpcServiceChars: k.grpcServiceChars,
            grpcMethodChars: k.grpcMethodChars,
            creationTimestamp: k.creationTimestamp,
            namespacedName: k.namespacedName,
            ruleIndex: k.ruleIndex,
            matchIndex: k.matchIndex,
            exactHostnameChars: wildcard ? 0 : hostname.length,
            hostnameChars: hostname === '*' ? 0 : hostname.length,
          },
  };
}

/** Every problem of the rule's backends, mirrors and backend-level mirrors. */
export function collectProblems(action: RouteAction, filters: readonly Filter[]): BackendProblem[] {
  const out: BackendProblem[] = [];
  mirrorProblems(filters, out);
  if (action.kind === 'forward') {
    for (const b of action.backends) {
      if (b.problem) out.push(b.problem);
      mirrorProblems(b.filters, out);
    }
  }
  return out;
}

function mirrorProblems(filters: readonly Filter[], out: BackendProblem[]): void {
  for (const f of filters) if (f.type === 'RequestMirror' && f.mirror.backend.problem) out.push(f.mirror.backend.problem);
}

/** The first ResolvedRefs reason among problems, in the order they were found. */
export function firstReason(problems: readonly BackendProblem[]): string | null {
  const p = problems[0];
  return p ? statusReason(p) : null;
}

export function isForwardTo(backends: readonly BackendTarget[]): RouteAction {
  return { kind: 'forward', backends };
}
