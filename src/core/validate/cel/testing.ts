import { formatPath } from '../../resources/path.js';
import type { KubeObject } from '../../resources/types.js';
import type { Channel } from '../../target/availability-format.js';
import { CEL_RULES, ruleApplies } from './index.js';
import type { CelRule } from './rule.js';

/**
 * Support for the rule tables (`*.test.ts` beside this file); free of any test framework so it
 * type-checks with the core. A case names a rule by code, an object, and the formatted paths the
 * rule must report (none: the object passes).
 */
export interface CelCase {
  readonly code: string;
  readonly name: string;
  readonly obj: KubeObject;
  readonly want: readonly string[];
  /** The channel whose rule judges the object; default experimental, as validate's. */
  readonly channel?: Channel;
}

export function ruleByCode(code: string): CelRule {
  const rule = CEL_RULES.find((r) => r.code === code);
  if (!rule) throw new Error(`no CEL rule ${code}`);
  return rule;
}

/**
 * Runs the rule of `code` that the object's kind, version and `channel` have (default
 * experimental); returns the reported paths, formatted.
 */
export function violations(code: string, obj: KubeObject, channel: Channel = 'experimental'): string[] {
  ruleByCode(code);
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const version = typeof obj.apiVersion === 'string' ? (obj.apiVersion.split('/').at(-1) ?? '') : '';
  const rule = CEL_RULES.find((r) => r.code === code && ruleApplies(r, kind, version, channel));
  if (!rule) throw new Error(`${code} does not apply to ${kind} ${version} in the ${channel} channel`);
  const out: string[] = [];
  rule.check(obj, (path, message) => {
    if (message !== undefined && message !== rule.message) throw new Error(`${code} reported a message other than its own`);
    out.push(formatPath(path));
  });
  return out;
}

/** Codes of rules starting with `prefix` that the cases do not cover with both a passing and a failing object. */
export function uncovered(cases: readonly CelCase[], prefix: string): string[] {
  return CEL_RULES.filter((r) => r.code.startsWith(prefix))
    .map((r) => r.code)
    .filter((code) => !(cases.some((c) => c.code === code && c.want.length === 0) && cases.some((c) => c.code === code && c.want.length > 0)));
}

/** A Gateway API object of `kind` with `spec` (and optionally `status`). */
export function gatewayApiObject(kind: string, spec: KubeObject, status?: KubeObject): KubeObject {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind, metadata: { name: 'x', namespace: 'ns' }, spec, ...(status ? { status } : {}) };
}
