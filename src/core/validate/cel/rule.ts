import type { FieldPath } from '../../resources/path.js';
import type { KubeObject } from '../../resources/types.js';
import type { Channel } from '../../target/availability-format.js';

/**
 * One `x-kubernetes-validations` rule of the Gateway API v1.6.1 CRDs, implemented in
 * TypeScript. `message` is the CRD's message, verbatim. `check` receives the whole object (after
 * schema defaults are NOT applied — rules must treat absent fields as the API server's defaulting
 * would) and calls `report` once per violation, with the path of the field the CRD attaches the
 * rule to (so the diagnostic lands on that YAML line).
 */
export interface CelRule {
  /** Stable diagnostic code, PascalCase, unique across all rules (e.g. `HTTPRouteRedirectWithBackends`). */
  readonly code: string;
  /** Kinds the rule applies to (all gateway.networking.k8s.io). */
  readonly kinds: readonly string[];
  /** The CRD's message, verbatim. */
  readonly message: string;
  /** Where the rule is attached in the CRD, for documentation: e.g. `spec.rules[]`. */
  readonly field: string;
  /**
   * The channels whose CRDs have the rule; absent: both. A rule whose text differs between the
   * channels is two rules of one code, one per channel (generated/channel-rules.js lists them).
   */
  readonly channels?: readonly Channel[];
  /** Kind → the served versions that have the rule, for a kind where not all do; absent: all. */
  readonly versions?: { readonly [kind: string]: readonly string[] };
  check(obj: KubeObject, report: (path: FieldPath, message?: string) => void): void;
}
