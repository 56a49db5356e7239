/**
 * IST0161 InvalidGatewayCredential (istio/istio pkg/config/analysis/analyzers/gateway/secret.go
 * isValidSecret; pilot/pkg/credentials/kube/secrets.go ExtractCertInfo): the Secret an Istio
 * Gateway's credential names holds neither `cert` and `key` nor `tls.crt` and `tls.key`.
 *
 * Secret values never enter the design (they are redacted on import), so only the keys are read,
 * in `data` and `stringData` (the API server folds `stringData` into `data`); istioctl also parses
 * the certificate, which needs the values. When several Secrets of the design may be the
 * credential (gateway-credentials.ts), it is reported only if none of them is usable.
 */
import { rec } from '../../compile/read.js';
import type { Diagnostic, RelatedPlace } from '../../diagnostics/types.js';
import { isRecord, type Resource } from '../../resources/types.js';
import { candidateSecrets, credentialRefs } from './gateway-credentials.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

const PAIRS: readonly (readonly [string, string])[] = [
  ['cert', 'key'],
  ['tls.crt', 'tls.key'],
];

function keysOf(secret: Resource): Set<string> {
  return new Set([...Object.keys(rec(secret.object.data)), ...Object.keys(rec(secret.object.stringData))]);
}

/** True when the Secret has a certificate and key pair istiod reads. */
export function hasCertificateKeys(secret: Resource): boolean {
  const keys = keysOf(secret);
  return PAIRS.some(([c, k]) => keys.has(c) && keys.has(k));
}

export function analyzeInvalidCredential(input: IstioAnalysisInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ref of credentialRefs(input.resources)) {
    const secrets = candidateSecrets(ref, input.resources);
    if (secrets.length === 0 || secrets.some(hasCertificateKeys)) continue;
    const names = secrets.map((s) => `${s.namespace}/${s.name} (it holds ${[...keysOf(s)].sort().join(', ') || 'no keys'})`);
    const message =
      `Secret ${names.join('; ')} lacks a certificate and key pair — tls.crt and tls.key, or cert and key — so istiod cannot load ` +
      "the Gateway's certificate and the server's TLS fails: store the certificate under tls.crt and its private key under tls.key " +
      '(a kubernetes.io/tls Secret)';
    const related: RelatedPlace[] = secrets.map((s) => {
      const at = isRecord(s.object.data) ? ['data'] : [];
      return { resource: { kind: s.kind, namespace: s.namespace, name: s.name }, path: at.join('.'), role: 'credential', ...input.locate(s, at) };
    });
    out.push({ ...istioProblem(input, ref.gateway, 'IstioInvalidCredential', 'IST0161', 'error', message, ref.path), related });
  }
  return out;
}
