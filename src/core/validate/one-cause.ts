import type { Diagnostic } from '../diagnostics/types.js';

/**
 * Schema codes that judge a value's shape (its enum, pattern or format). When a more specific
 * rule (a CEL rule, an API-server check) reports the same field, it names the same cause with a
 * better message: a path type `Prefix` fails the CRD's enum and its CEL rule alike.
 */
const SHAPE_CODES: ReadonlySet<string> = new Set(['SchemaEnum', 'SchemaPattern', 'SchemaFormat']);

/**
 * CEL rules of the CRDs that fire together on one field for one cause: consequence (or vaguer
 * word) → the rule that names the cause.
 * - a `tls` block on an HTTP/TCP/UDP listener also lacks certificates: remove the block;
 * - an IP address as a TLSRoute hostname is also not an RFC 1123 hostname (IPv6);
 * - an infrastructure label or annotation key of 253 characters or more without '/' has a name
 *   over 63 characters; the prefix rule, which counts such a key whole, only echoes it.
 */
const SUPERSEDES: ReadonlyMap<string, string> = new Map([
  ['GatewayListenerTLSCertificateRequired', 'GatewayListenerTLSForbidden'],
  ['TLSRouteHostnameInvalid', 'TLSRouteHostnameIP'],
  ['GatewayInfrastructureLabelKeyPrefixTooLong', 'GatewayInfrastructureLabelKeyInvalid'],
  ['GatewayInfrastructureAnnotationKeyPrefixTooLong', 'GatewayInfrastructureAnnotationKeyInvalid'],
]);

const isSpecific = (code: string): boolean => !code.startsWith('Schema') && code !== 'UnknownField';

/**
 * One cause gives one problem: among the diagnostics of one resource, drops a schema shape
 * issue (SchemaEnum, SchemaPattern, SchemaFormat) on a field that a specific rule also reports,
 * and the consequence of a SUPERSEDES pair reported on the same field as its cause. Problems of
 * different causes on one field (a value too long and of the wrong characters) are all kept.
 */
export function oneCausePerProblem(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  if (diagnostics.length < 2) return diagnostics;
  const codesAt = new Map<string, Set<string>>();
  for (const d of diagnostics) {
    if (d.path === undefined) continue;
    const codes = codesAt.get(d.path);
    if (codes) codes.add(d.code);
    else codesAt.set(d.path, new Set([d.code]));
  }
  return diagnostics.filter((d) => {
    const codes = d.path === undefined ? undefined : codesAt.get(d.path);
    if (!codes || codes.size < 2) return true;
    if (SHAPE_CODES.has(d.code)) return ![...codes].some(isSpecific);
    const cause = SUPERSEDES.get(d.code);
    return cause === undefined || !codes.has(cause);
  });
}
