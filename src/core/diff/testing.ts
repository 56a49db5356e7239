/** Test support for diff: design texts → diffDesigns, and a check that every witness shows its change. Tests only. */
import { parseRequest } from '../simulate/parse-request.js';
import { parse } from '../resources/parse.js';
import { compile } from '../compile/index.js';
import type { RouteTable } from '../compile/types.js';
import type { WitnessRequest } from '../diagnostics/types.js';
import { diffTables, simulateWitness } from './behaviour.js';
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

/**
 * What the random-design properties check of a diff, as messages (none when it holds): every
 * witness shows its change; skipping alike sites loses no class; every request of `grid` that
 * behaves differently on the two versions falls in a reported class (compared up to coarseKey).
 */
export function diffFaults(before: string, after: string, grid: readonly WitnessRequest[]): string[] {
  const r = diffText(before, after);
  const [ta, tb] = [tableOf(before), tableOf(after)];
  const faults: string[] = [];
  for (const c of r.changes) if (!showsChange(ta, tb, c.witness)) faults.push(`${c.class}: ${c.witness.request} ${JSON.stringify(c.witness.mesh)} shows no change`);
  const [found, everySite] = [classWords(r), classWords(diffTables(ta, tb, { everySite: true }))];
  if (JSON.stringify(found) !== JSON.stringify(everySite)) faults.push(`the alike-site shortcut changed the classes: ${JSON.stringify(found)} ≠ ${JSON.stringify(everySite)}`);
  const reported = new Set(r.changes.map((c) => {
    const q = parsed(c.witness.request, c.witness.headers);
    return `${coarseKey(c.before, q)}\u0000${coarseKey(c.after, q)}`;
  }));
  for (const w of grid) {
    const req = parsed(w.request, w.headers);
    const [oa, ob] = [outcomeOf(simulateWitness(ta, req, w)), outcomeOf(simulateWitness(tb, req, w))];
    if (behaviourKey(oa, req) !== behaviourKey(ob, req) && !reported.has(`${coarseKey(oa, req)}\u0000${coarseKey(ob, req)}`)) {
      faults.push(`${w.request}${w.mesh ? ` from ${w.mesh.from}` : ''} ${JSON.stringify(w.headers)} changes but falls in no reported class`);
    }
  }
  return faults;
}


/** The grid's one header condition: `x-h` with this value, or none. */
export const headersOf = (value: string | null): Readonly<Record<string, string>> => (value === null ? {} : { 'x-h': value });
