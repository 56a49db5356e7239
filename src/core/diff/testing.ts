/** Test support for diff: design texts → diffDesigns, and a check that every witness shows its change. Tests only. */
import { parseRequest } from '../simulate/parse-request.js';
import { parse } from '../resources/parse.js';
import { compile } from '../compile/index.js';
import type { RouteTable } from '../compile/types.js';
import type { WitnessRequest } from '../diagnostics/types.js';
import { simulateWitness } from './behaviour.js';
import { diffDesigns } from './index.js';
import { behaviourKey, outcomeOf } from './outcome.js';
import type { DesignDiff, DiffOutcome } from './types.js';
import type { Request } from '../simulate/types.js';

export function diffText(before: string, after: string): DesignDiff {
  return diffDesigns([{ name: 'before.yaml', text: before }], [{ name: 'after.yaml', text: after }]);
}

export function tableOf(text: string): RouteTable {
  return compile(parse([{ name: 'design.yaml', text }]).resources).table;
}

/**
 * Does the witness, read from its text as `route-designer simulate` reads it, behave differently
 * on the two tables? (The full path: parseRequest, simulate with its gateway or mesh client.)
 */
export function showsChange(before: RouteTable, after: RouteTable, w: WitnessRequest): boolean {
  const r = parseRequest(w.request, Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`));
  if (!r.ok) return false;
  return behaviourKey(outcomeOf(simulateWitness(before, r.request, w)), r.request) !== behaviourKey(outcomeOf(simulateWitness(after, r.request, w)), r.request);
}

/**
 * behaviourKey without the rewritten path: a full-path rewrite (ReplaceFullPath, an Istio rewrite
 * after a regex or exact match) forwards every request to one path, so each path boundary that
 * reaches it is a class of its own (prefixSwap in outcome.ts can tell no prefix); the grid
 * properties ask that a changed request falls in a reported class up to that path.
 */
export function coarseKey(o: DiffOutcome, incoming: Request): string {
  return behaviourKey({ ...o, request: o.request === null ? null : { ...o.request, path: incoming.path } }, incoming);
}

/** `class` of each change, sorted. */
export function classes(d: Pick<DesignDiff, 'changes'>): string[] {
  return d.changes.map((c) => c.class).sort();
}

/** The distinct class words, sorted (two classes may read alike: only a response header differs, say). */
export function classWords(d: Pick<DesignDiff, 'changes'>): string[] {
  return [...new Set(classes(d))];
}

/** A request line and headers read as `simulate --request` / `-H` read them (the property tests' grid). */
export function parsed(line: string, headers: Readonly<Record<string, string>>): Request {
  const r = parseRequest(line, Object.entries(headers).map(([k, v]) => `${k}: ${v}`));
  if (!r.ok) throw new Error(r.error);
  return r.request;
}
