/**
 * The contract of `diff` (issue 12, scope 1): which requests behave differently between two
 * versions of a design, with a witness request per class, plus the controller status and the
 * problems that change. A change is a change of behaviour, never of provenance (DESIGN.md
 * "diff --format json").
 */
import type { ObjectRef } from '../compile/types.js';
import type { Diagnostic, WitnessRequest } from '../diagnostics/types.js';
import type { DecisionBackend, DecisionMirror, ForwardedRequest, Outcome, ResponseHeaderEdits, Decision } from '../simulate/types.js';

/** What a request's answer is, as compared: every field but the route, rule and match is behaviour. */
export interface DiffOutcome {
  readonly status: number | string;
  /** Outcomes merged by status, with exact probabilities. */
  readonly outcomes: readonly Pick<Outcome, 'probability' | 'status'>[];
  /** The rule that decided (not compared: shown so the reviewer finds it). */
  readonly route: ObjectRef | null;
  readonly rule: number | null;
  /** Backends merged by identity (kind, namespace, name, port, subset), with their probabilities. */
  readonly backends: readonly Pick<DecisionBackend, 'kind' | 'namespace' | 'name' | 'port' | 'subset' | 'probability' | 'problem'>[];
  readonly redirect: Decision['redirect'];
  /** The request as the backend receives it (rewrites and header edits applied). */
  readonly request: ForwardedRequest | null;
  readonly responseHeaders: ResponseHeaderEdits;
  readonly mirrors: readonly DecisionMirror[];
  readonly timeouts: Decision['timeouts'];
  readonly retries: Decision['retries'];
}

/** One class of requests whose answer changes the same way, with one request that shows it. */
export interface BehaviourChange {
  /** e.g. `200 shop/cart-v1 → 200 shop/cart-v1 90%, shop/cart-v2 10%`. */
  readonly class: string;
  /** Give it to `simulate` on each version (same gateway / mesh client) to see the change. */
  readonly witness: WitnessRequest;
  /** How many of the candidate requests fell in this class. */
  readonly requests: number;
  readonly before: DiffOutcome;
  readonly after: DiffOutcome;
}

/** One field of an object's controller status that differs (`null`: absent in that version). */
export interface StatusChange {
  readonly object: { readonly kind: string; readonly namespace: string; readonly name: string };
  /** e.g. `conditions.Accepted`, `listeners.https.attachedRoutes`, `parents.Gateway infra/edge#https.conditions.Accepted`. */
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface ProblemChanges {
  /** Problems of the new version that the old one did not have (compared by code, object and path). */
  readonly added: readonly Diagnostic[];
  /** Problems of the old version the new one no longer has. */
  readonly fixed: readonly Diagnostic[];
}

export interface DesignDiff {
  readonly changes: readonly BehaviourChange[];
  readonly status: readonly StatusChange[];
  readonly problems: ProblemChanges;
  /**
   * False when a version could not be compiled (documents that do not read): `changes` and
   * `status` are then empty, and `problems` says why.
   */
  readonly compared: boolean;
  /** How many distinct candidate requests were sent to both versions. */
  readonly candidates: number;
  /**
   * Sites (`gateway NS/NAME listener L host H`, `mesh Service NS/NAME port P`) with too many
   * boundaries to cross all (over CROSS_LIMIT): there only each rule's own requests were sent.
   */
  readonly uncrossed: readonly string[];
}
