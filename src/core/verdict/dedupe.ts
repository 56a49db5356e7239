import type { Diagnostic } from '../diagnostics/types.js';

/**
 * One cause, one problem (issue 10 scope 1): the verdict gathers diagnostics from several checks
 * (parse, validate, compile, the istioctl-style analyzers, reachability) and some of them can meet
 * the same cause. Two diagnostics are the same problem when they are at the same place and say
 * the same thing (same code and message), or when they carry the same istioctl code at the same
 * place (compile's IstioGatewayNotFound and an analyzer's IST0101 on one `gateways` entry). The
 * first one given is kept, so callers list the more specific checks first.
 */
export function dedupeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const at = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.endLine}\u0000${d.endColumn}`;
    const keys = [`${at}\u0000${d.code}\u0000${d.message}`];
    if (d.istioCode !== undefined) keys.push(`${at}\u0000istio\u0000${d.istioCode}`);
    if (keys.some((k) => seen.has(k))) continue;
    for (const k of keys) seen.add(k);
    out.push(d);
  }
  return out;
}
