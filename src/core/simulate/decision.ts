/** Building Decisions: the empty answer for "nothing matched" and the final assembly. */
import type { Dialect, Note, ObjectRef } from '../compile/types.js';
import type { Decision, TraceStep } from './types.js';

/** What the walk found before a rule was applied. */
export interface WalkState {
  readonly dialect: Dialect | null;
  readonly gateway: ObjectRef | null;
  readonly listener: string | null;
  readonly trace: TraceStep[];
  readonly notes: Note[];
}

export function newState(): WalkState {
  return { dialect: null, gateway: null, listener: null, trace: [], notes: [] };
}

/** A decision with no route: `status` for everyone, with the reason. */
export function noRoute(state: WalkState, status: number | string, reason: string): Decision {
  return {
    status,
    outcomes: [{ probability: 1, status, reason }],
    dialect: state.dialect,
    gateway: state.gateway,
    listener: state.listener,
    route: null,
    rule: null,
    match: null,
    backends: [],
    request: null,
    responseHeaders: { set: {}, add: {}, remove: [] },
    redirect: null,
    mirrors: [],
    timeouts: null,
    retries: null,
    notes: uniqueNotes(state.notes),
    trace: state.trace,
  };
}

export function uniqueNotes(notes: readonly Note[]): Note[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const k = `${n.code}\u0000${n.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function step(state: WalkState, s: TraceStep): void {
  state.trace.push(s);
}

/** The same decision with its fields in DESIGN.md's order (JSON output keeps insertion order). */
export function inOrder(d: Decision): Decision {
  return {
    status: d.status,
    outcomes: d.outcomes,
    dialect: d.dialect,
    gateway: d.gateway,
    listener: d.listener,
    ...(d.certificate ? { certificate: d.certificate } : {}),
    route: d.route,
    rule: d.rule,
    match: d.match,
    backends: d.backends,
    request: d.request,
    responseHeaders: d.responseHeaders,
    redirect: d.redirect,
    mirrors: d.mirrors,
    timeouts: d.timeouts,
    retries: d.retries,
    // Only with a backend behaviour: without one the answer keeps exactly its old keys.
    ...(d.attempts ? { attempts: d.attempts } : {}),
    ...(d.elapsedMs !== undefined ? { elapsedMs: d.elapsedMs } : {}),
    notes: d.notes,
    trace: d.trace,
  };
}
