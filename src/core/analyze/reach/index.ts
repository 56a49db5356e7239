/**
 * analyzeReach: for every HTTP/gRPC rule (and every match of a rule with several) of the compiled
 * table, whether a request can reach it — with a witness the simulator sends there — or which
 * earlier / higher-precedence rules take every request it would match (Gateway API precedence,
 * gateway-api.md §4.6; Istio first match, IST0130/IST0131), or undecided. Plus the rule checks of
 * checks.ts (ties decided by age or name, all-zero weights, redirect loops, bad rewrites).
 */
import type { Diagnostic, RelatedPlace } from '../../diagnostics/types.js';
import { parseFieldPath } from '../../compile/context.js';
import { rulesAfterCatchAll } from './after-catch-all.js';
import { ruleChecks } from './checks.js';
import { describe, locator, refOf, rulePath, type Locator } from './place.js';
import type { ReachInput, ReachResult, ReachShadow, RuleReach } from './types.js';
import { collectUnits, type Unit } from './units.js';
import { shadowWitness, Verifier } from './witness.js';
import type { RouteEntry } from '../../compile/types.js';

export type { ReachInput, ReachResult, RuleReach, ReachRuleRef, ReachShadow, ReachCode } from './types.js';
export { REACH_CODES } from './types.js';

const UNDECIDED = 'no single earlier rule covers it and no request built from its conditions reaches it (a regex not sampled, or several earlier rules that cover it together)';

export function analyzeReach(input: ReachInput): ReachResult {
  const verifier = new Verifier(input.table);
  const units = collectUnits(input.table, verifier);
  // Units by resource, then rule: nested maps join no key string per unit.
  const byRule: Unit[][] = [];
  const byResource = new Map<string, Map<number | null, Unit[]>>();
  for (const u of units.values()) {
    const { resource, rule } = u.entry.provenance;
    let rules = byResource.get(resource);
    if (!rules) byResource.set(resource, (rules = new Map()));
    const list = rules.get(rule);
    if (list) list.push(u);
    else {
      const created = [u];
      rules.set(rule, created);
      byRule.push(created);
    }
  }
  const locate = locator(input);
  const rules: RuleReach[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const group of byRule) {
    group.sort((a, b) => (a.entry.provenance.match ?? 0) - (b.entry.provenance.match ?? 0));
    const first = group[0];
    if (!first) continue;
    const ruleRef = { resource: refOf(first.entry), path: rulePath(first.entry) };
    const allShadowed = group.every((u) => stateOf(u) === 'shadowed');
    const reachable = group.find((u) => u.witness);
    if (reachable?.witness) rules.push({ rule: ruleRef, state: 'reachable', witness: reachable.witness });
    else if (allShadowed) rules.push({ rule: ruleRef, state: 'shadowed', by: shadows(group) });
    else rules.push({ rule: ruleRef, state: 'undecided', reason: UNDECIDED });
    if (group.length > 1) {
      for (const u of group) rules.push(unitReach(u, ruleRef));
    }
    if (allShadowed) diagnostics.push(unreachable(verifier, first, group, locate, 'rule'));
    else for (const u of group) if (stateOf(u) === 'shadowed') diagnostics.push(unreachable(verifier, u, [u], locate, 'match'));
  }
  for (const [resource, found] of rulesAfterCatchAll(input.resources, units)) {
    for (const f of found) {
      const ref = { kind: resource.kind, namespace: resource.namespace, name: resource.name };
      const byPath = rulePath(f.by);
      rules.push({ rule: { resource: ref, path: f.path }, state: 'shadowed', by: [{ resource: refOf(f.by), path: byPath }] });
      const at = input.locate ? input.locate(resource, parseFieldPath(f.path)) : { file: resource.source.file, line: resource.source.line, column: 1, endLine: resource.source.line, endColumn: 1 };
      const by = locate(f.by, byPath);
      diagnostics.push({
        code: 'RuleUnreachable',
        severity: 'warning',
        message: `VirtualService ${ref.namespace}/${ref.name} ${f.path} can never match: ${byPath} before it matches every request (only the last rule may match everything), and Istio generates no route after it: move it before ${byPath}, or remove it`,
        ...at,
        resource: ref,
        path: f.path,
        istioCode: 'IST0130',
        related: [{ resource: refOf(f.by), path: byPath, role: 'shadowed by', ...(by ?? {}) }],
      });
    }
  }
  diagnostics.push(...ruleChecks(input.table, units, locate));
  return { rules, diagnostics };
}

function stateOf(u: Unit): RuleReach['state'] {
  if (u.witness) return 'reachable';
  return u.open === 0 && u.by.size > 0 ? 'shadowed' : 'undecided';
}

function shadows(group: readonly Unit[]): ReachShadow[] {
  const seen = new Map<string, ReachShadow>();
  for (const u of group) {
    for (const { entry } of u.by.values()) {
      const s = { resource: refOf(entry), path: rulePath(entry) };
      seen.set(`${s.resource.kind}/${s.resource.namespace}/${s.resource.name}/${s.path}`, s);
    }
  }
  return [...seen.values()];
}

function unitReach(u: Unit, rule: { resource: RuleReach['rule']['resource']; path: string }): RuleReach {
  const ref = { ...rule, match: u.entry.provenance.match ?? 0 };
  const state = stateOf(u);
  if (state === 'reachable' && u.witness) return { rule: ref, state, witness: u.witness };
  if (state === 'shadowed') return { rule: ref, state, by: shadows([u]) };
  return { rule: ref, state: 'undecided', reason: UNDECIDED };
}

function unreachable(verifier: Verifier, unit: Unit, group: readonly Unit[], locate: Locator, level: 'rule' | 'match'): Diagnostic {
  const e = unit.entry;
  const istio = e.dialect === 'istio';
  const path = level === 'rule' ? rulePath(e) : e.provenance.path;
  const by = shadows(group);
  const firstBy = [...unit.by.values()][0];
  const tie = firstBy ? tieCode(firstBy.entry, e) : null;
  const names = by.map((s) => `${s.resource.kind} ${s.resource.namespace}/${s.resource.name} ${s.path}`).join(', ');
  const what = level === 'rule' ? `${describe(e)} can never match` : `match ${e.provenance.match ?? 0} of ${describe(e)} can never match`;
  const fix = tie
    ? `its match is identical to ${names}'s, which wins only by ${tie === 'RuleTieByAge' ? 'being older' : 'namespace/name order'}: make one of them more specific, or remove it`
    : istio
      ? `${names} come${by.length === 1 ? 's' : ''} first and take${by.length === 1 ? 's' : ''} every request it matches: move it before ${by[0] ? `${by[0].resource.name} ${by[0].path}` : 'them'}, narrow that rule, or remove it`
      : `${names} take${by.length === 1 ? 's' : ''} precedence for every request it matches (the Gateway API's HTTPRoute precedence: exact and longer paths, then more specific matches, first): make it more specific than that rule, narrow that rule, or remove it`;
  const related: RelatedPlace[] = [...unit.by.values()].flatMap(({ entry }) => {
    const at = locate(entry, rulePath(entry));
    return [{ resource: refOf(entry), path: rulePath(entry), role: 'shadowed by', ...(at ?? {}) }];
  });
  const at = locate(e, path) ?? { file: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
  const witness = firstBy ? shadowWitness(verifier, firstBy.site, e, firstBy.entry) : null;
  return {
    code: tie ?? (level === 'rule' ? 'RuleUnreachable' : 'MatchUnreachable'),
    severity: 'warning',
    message: `${what}: ${fix}`,
    ...at,
    resource: refOf(e),
    path,
    ...(istio ? { istioCode: level === 'rule' ? 'IST0130' : 'IST0131' } : {}),
    related,
    ...(witness ? { witness } : {}),
  };
}

/** Identical matches from two routes, ordered only by age (or name): Gateway API precedence's last steps. */
function tieCode(a: RouteEntry, b: RouteEntry): 'RuleTieByAge' | 'RuleTieByName' | null {
  if (!a.precedence || !b.precedence || a.provenance.resource === b.provenance.resource) return null;
  if (JSON.stringify(a.match) !== JSON.stringify(b.match) || a.hostname !== b.hostname) return null;
  const ta = a.precedence.creationTimestamp;
  const tb = b.precedence.creationTimestamp;
  return ta !== null && tb !== null && ta !== tb ? 'RuleTieByAge' : 'RuleTieByName';
}
