/**
 * `RegexInvalid` (error): a user regular expression that RE2 refuses, located at its value, with
 * the reason (backreference, lookaround, …: ../../regex/refusal.ts).
 *
 * - Istio: istiod's validating webhook compiles every `regex` StringMatch of an HTTP match, the
 *   `uriRegexRewrite.match` and CORS origin regexes as RE2, and also refuses an empty regex and one
 *   longer than 1024 characters (istio/istio pkg/config/validation validateStringMatchRegexp,
 *   validateStringRegexp): the VirtualService is rejected.
 * - Gateway API: the dialect is implementation-specific (gateway-api.md §4.2); the Envoy-based
 *   implementations, Istio among them, compile RE2, so such a rule is not programmed (the simulator
 *   drops it with UnsupportedValue, compile/http-match.ts).
 */
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { re2Refusal } from '../../regex/re2.js';
import { gatewayApiRegexes, istioRegexes, type RegexField } from './fields.js';

export const REGEX_CODES = ['RegexInvalid'] as const;
export type RegexCode = (typeof REGEX_CODES)[number];

export interface RegexIssue {
  readonly code: RegexCode;
  readonly severity: 'error';
  readonly message: string;
  readonly path: FieldPath;
}

/** istio/istio validateStringRegexp: a length bound standing in for Envoy's RE2 program size limit. */
const ISTIO_MAX_REGEX_LENGTH = 1024;

export function regexIssues(resource: Resource): RegexIssue[] {
  const fields = regexFields(resource);
  const out: RegexIssue[] = [];
  for (const f of fields) {
    const why = whyRefused(f);
    if (why === null) continue;
    const consequence = f.dialect === 'istio' ? 'istiod rejects this VirtualService' : 'implementations that run RE2 (Envoy-based ones, Istio) do not program this rule';
    out.push({ code: 'RegexInvalid', severity: 'error', message: `invalid regular expression: ${why}; ${consequence}`, path: f.path });
  }
  return out;
}

function regexFields(resource: Resource): Iterable<RegexField> {
  if (resource.family === 'gateway-api' && (resource.kind === 'HTTPRoute' || resource.kind === 'GRPCRoute')) return gatewayApiRegexes(resource.object, resource.kind);
  if (resource.family === 'istio' && resource.kind === 'VirtualService') return istioRegexes(resource.object);
  return [];
}

function whyRefused(f: RegexField): string | null {
  if (f.dialect === 'istio') {
    if (f.pattern === '') return 'Istio refuses an empty regex';
    if (f.pattern === '*') return 'RE2 cannot parse `*` (a repetition of nothing); for a presence check write `{}` (istiod reads `regex: "*"` as presence only in withoutHeaders)';
    if (f.pattern.length > ISTIO_MAX_REGEX_LENGTH) return `Istio refuses a regex longer than ${ISTIO_MAX_REGEX_LENGTH} characters (this one has ${f.pattern.length})`;
  }
  return re2Refusal(f.pattern)?.reason ?? null;
}
