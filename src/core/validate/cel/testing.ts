import { formatPath } from '../../resources/path.js';
import type { KubeObject } from '../../resources/types.js';
import { CEL_RULES } from './index.js';
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
}

export function ruleByCode(code: string): CelRule {
  const rule = CEL_RULES.find((r) => r.code === code);
  if (!rule) throw new Error(`no CEL rule ${code}`);
  return rule;
}

/** Runs one rule on an object of one of its kinds; returns the reported paths, formatted. */
export function violations(code: string, obj: KubeObject): string[] {
  const rule = ruleByCode(code);
  if (typeof obj.kind !== 'string' || !rule.kinds.includes(obj.kind)) throw new Error(`${code} does not apply to kind ${String(obj.kind)}`);
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
