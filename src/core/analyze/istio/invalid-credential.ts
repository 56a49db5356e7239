/**
 * IST0161 InvalidGatewayCredential (istio/istio pkg/config/analysis/analyzers/gateway/secret.go
 * isValidSecret; pilot/pkg/credentials/kube/secrets.go ExtractCertInfo): the Secret an Istio
 * Gateway's credential names holds neither `cert` and `key` nor `tls.crt` and `tls.key`, or its
 * certificate is not well-formed PEM, so istiod cannot load it.
 *
 * Secret values never enter the design (they are redacted on import); the parser keeps, beside
 * the Secret, whether `tls.crt` and `tls.key` were well-formed PEM before redaction
 * (resources/secret-facts.ts). istioctl parses only the certificate; a key that cannot be loaded
 * fails the server just as well, so it is checked too. The generic `cert`/`key` pair, which
 * istiod reads first, is checked for presence only. Keys are read in `data` and `stringData` (the
 * API server folds `stringData` into `data`). When several Secrets of the design may be the
 * credential (compile/istio/credentials.ts), it is reported only if none of them is usable.
 */
import { rec } from '../../compile/read.js';
import type { Diagnostic, RelatedPlace } from '../../diagnostics/types.js';
import { isRecord, type Resource } from '../../resources/types.js';
import { candidateSecrets, credentialRefs } from '../../compile/istio/credentials.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

function keysOf(secret: Resource): Set<string> {
  return new Set([...Object.keys(rec(secret.object.data)), ...Object.keys(rec(secret.object.stringData))]);
}

/** Why istiod cannot load the Secret as a certificate; null when it can (or cannot be told). */
export function credentialProblem(secret: Resource): string | null {
  const keys = keysOf(secret);
  if (keys.has('cert') && keys.has('key')) return null;
  if (!keys.has('tls.crt') || !keys.has('tls.key')) {
    return `lacks a certificate and key pair — tls.crt and tls.key, or cert and key (it holds ${[...keys].sort().join(', ') || 'no keys'})`;
  }
  for (const key of ['tls.crt', 'tls.key'] as const) {
    const verdict = secret.secretFacts?.[key];
    if (verdict?.state === 'invalid') return `has a ${key} that is not well-formed PEM (${verdict.problem})`;
  }
  return null;
}

export function analyzeInvalidCredential(input: IstioAnalysisInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of credentialRefs(input.resources)) {
    const secrets = candidateSecrets(ref, input.resources);
    const problems = secrets.map((s) => ({ s, problem: credentialProblem(s) }));
    if (problems.length === 0 || problems.some((p) => p.problem === null)) continue;
    const message =
      `${problems.map((p) => `Secret ${p.s.namespace}/${p.s.name} ${p.problem ?? ''}`).join('; ')}, so istiod cannot load the ` +
      "Gateway's certificate and the server's TLS fails — store a PEM certificate under tls.crt and its private key under tls.key " +
      '(a kubernetes.io/tls Secret)';
    const related: RelatedPlace[] = secrets.map((s) => {
      const at = isRecord(s.object.data) ? ['data'] : [];
      return { resource: { kind: s.kind, namespace: s.namespace, name: s.name }, path: at.join('.'), role: 'credential', ...input.locate(s, at) };
    });
    out.push({ ...istioProblem(input, ref.gateway, 'IstioInvalidCredential', 'IST0161', 'error', message, ref.path), related });
  }
  return out;
}
