/**
 * The reachability analysis' contract (issue 10, scope 5): per route rule (and per match of a rule
 * with several), whether a request can reach it — with a witness request the simulator sends to
 * it — or whether earlier / higher-precedence entries cover every request it would match.
 */
import type { RouteTable } from '../../compile/types.js';
import type { Diagnostic, ResourceRef, SourceRange, WitnessRequest } from '../../diagnostics/types.js';
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';

/** A rule (`spec.rules[1]`, `spec.http[0]`) or, with `match`, one match of it. */
export interface ReachRuleRef {
  readonly resource: ResourceRef;
  /** Field path of the rule: `spec.rules[1]` (Gateway API) or `spec.http[0]` (Istio). */
  readonly path: string;
  /** Index of the match inside the rule; absent for the rule as a whole. */
  readonly match?: number;
}

/** A rule that comes first and takes the requests. */
export interface ReachShadow {
  readonly resource: ResourceRef;
  /** Field path of the shadowing rule or match (`spec.rules[0]`, `spec.http[0].match[1]`). */
  readonly path: string;
}

export type RuleReach =
  | { readonly rule: ReachRuleRef; readonly state: 'reachable'; readonly witness: WitnessRequest }
  | { readonly rule: ReachRuleRef; readonly state: 'shadowed'; readonly by: readonly ReachShadow[] }
  | { readonly rule: ReachRuleRef; readonly state: 'undecided'; readonly reason: string };

export interface ReachInput {
  readonly resources: readonly Resource[];
  readonly table: RouteTable;
  /** Resolves a field to its place in the text (compile's `locate`); without it, the resource's first line. */
  readonly locate?: (resource: Resource, path: FieldPath) => SourceRange;
}

export interface ReachResult {
  /** One per rule that serves somewhere in the table, plus one per match of rules with several matches. */
  readonly rules: readonly RuleReach[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The codes this analysis reports (documented in README.md "Unreachable rules"). */
export const REACH_CODES = [
  'RuleUnreachable',
  'MatchUnreachable',
  'RuleTieByAge',
  'RuleTieByName',
  'WeightsAllZero',
  'RedirectLoop',
  'RewriteEmptyPath',
  'RewriteDoubleSlash',
] as const;
export type ReachCode = (typeof REACH_CODES)[number];
