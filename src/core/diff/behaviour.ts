/**
 * Behaviour changes between two route tables: every candidate request (candidates.ts) is
 * simulated on both — the very simulate `route-designer simulate` runs — and compared by
 * behaviour (outcome.ts). Requests that change the same way (same behaviour before, same after)
 * form one class, shown by its first witness.
 */
import type { RouteTable } from '../compile/types.js';
import type { WitnessRequest } from '../diagnostics/types.js';
import { simulate } from '../simulate/index.js';
import type { Decision, Request, SimulateOptions } from '../simulate/types.js';
import type { Target } from '../target/target.js';
import { candidateRequests } from './candidates.js';
import { sameSites } from './same-sites.js';
import { behaviourKey, describeChange, outcomeOf } from './outcome.js';
import type { BehaviourChange } from './types.js';

export interface TableDiff {
  readonly changes: readonly BehaviourChange[];
  readonly candidates: number;
  /** Sites whose boundaries were too many to cross (candidates.ts): there the answer is not exhaustive. */
  readonly uncrossed: readonly string[];
}

export interface DiffTablesOptions {
  /**
   * Send the candidates of every site, also of those alike in both tables (same-sites.ts); the
   * answer is the same, only slower: the tests check the shortcut with it.
   */
  readonly everySite?: boolean;
  /** Simulate every request for this target (`--target`), as `simulate --target` does. Absent: none. */
  readonly target?: Target;
}

export function diffTables(before: RouteTable, after: RouteTable, options: DiffTablesOptions = {}): TableDiff {
  const { requests: candidates, uncrossed } = candidateRequests([before, after], options.everySite === true ? undefined : sameSites(before, after));
  const classes = new Map<string, { change: BehaviourChange; requests: number }>();
  for (const c of candidates) {
    const a = outcomeOf(simulateWitness(before, c.request, c.witness, options.target));
    const b = outcomeOf(simulateWitness(after, c.request, c.witness, options.target));
    const ka = behaviourKey(a, c.request);
    const kb = behaviourKey(b, c.request);
    if (ka === kb) continue;
    const key = `${ka}\u0000${kb}`;
    const seen = classes.get(key);
    if (seen) seen.requests++;
    else classes.set(key, { change: { class: describeChange(a, b, c.request), witness: c.witness, requests: 1, before: a, after: b }, requests: 1 });
  }
  const changes = [...classes.values()].map(({ change, requests }) => ({ ...change, requests }));
  return { changes, candidates: candidates.length, uncrossed };
}

/** simulate with the witness's gateway or mesh client, as `simulate --gateway` / `--mesh --from` (and `--target`) do. */
export function simulateWitness(table: RouteTable, request: Request, w: WitnessRequest, target?: Target): Decision {
  const options: SimulateOptions = { traceAll: false, ...(target ? { target } : {}) };
  const [gns = '', gname = ''] = (w.gateway ?? '').split('/');
  const [mns = '', workload = ''] = (w.mesh?.from ?? '').split('/');
  return simulate(table, request, {
    ...options,
    ...(w.gateway ? { gateway: { namespace: gns, name: gname } } : {}),
    ...(w.mesh ? { mesh: { namespace: mns, workload, labels: w.mesh.labels ?? {} } } : {}),
  });
}
