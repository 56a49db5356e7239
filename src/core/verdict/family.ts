import { ISTIO_ANALYZE_CODES } from '../analyze/istio/index.js';
import { REACH_CODES } from '../analyze/reach/types.js';
import { COMPILE_CODES } from '../compile/context.js';
import { ISTIO_CODES } from '../compile/istio/codes.js';
import { PARSE_CODES, type Diagnostic } from '../diagnostics/types.js';
import { DECODE_CODES } from '../resources/decode.js';
import { TLS_CODES } from '../validate/tls/codes.js';
import { TARGET_CODES } from '../validate/target/codes.js';
import { ISTIO_RELEASE_CODES } from '../validate/target-istio/codes.js';

/**
 * Which check of the verdict a problem comes from, for the Problems panel's filter:
 * - `yaml`: the text cannot be read (YAML syntax, encoding, documents that are not objects);
 * - `api-server`: what the API server (or istiod's webhook) refuses at admission: CRD schemas,
 *   CEL rules, names, labels, regexes RE2 refuses;
 * - `controller`: what a controller (or istiod) reports once the object is in: status conditions,
 *   unresolved references, conflicts;
 * - `istioctl`: what `istioctl analyze` reports (any problem with an istioctl code);
 * - `reach`: rules no request can reach, ties, loops and other rule-level findings;
 * - `target`: what the target cluster (issue 14) lacks: its Gateway API release and channel's CRDs,
 *   its implementation's conformance report, its Istio release.
 */
export type ProblemFamily = 'yaml' | 'api-server' | 'controller' | 'istioctl' | 'reach' | 'target';

export const PROBLEM_FAMILIES: readonly { readonly id: ProblemFamily; readonly label: string }[] = [
  { id: 'yaml', label: 'YAML' },
  { id: 'api-server', label: 'API server' },
  { id: 'controller', label: 'Controller status' },
  { id: 'istioctl', label: 'istioctl analyze' },
  { id: 'reach', label: 'Unreachable rules' },
  { id: 'target', label: 'Target cluster' },
];

/** The Istio release check's code (issue 14 scope 6; its own helper owns it), of the target family too. */

const FAMILY_OF = new Map<string, ProblemFamily>([
  ...[...PARSE_CODES, ...DECODE_CODES].map((c) => [c, 'yaml'] as const),
  ...[...COMPILE_CODES, ...ISTIO_CODES, ...TLS_CODES].map((c) => [c, 'controller'] as const),
  ...ISTIO_ANALYZE_CODES.map((c) => [c, 'istioctl'] as const),
  ...REACH_CODES.map((c) => [c, 'reach'] as const),
  ...[...TARGET_CODES, ...ISTIO_RELEASE_CODES].map((c) => [c, 'target'] as const),
]);

export function problemFamily(d: Diagnostic): ProblemFamily {
  const family = FAMILY_OF.get(d.code);
  if (family === 'reach' || family === 'target') return family;
  if (d.istioCode !== undefined) return 'istioctl';
  return family ?? 'api-server';
}
