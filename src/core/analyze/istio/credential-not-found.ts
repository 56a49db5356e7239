/**
 * IST0101 ReferencedResourceNotFound for a gateway credential (istio/istio
 * pkg/config/analysis/analyzers/gateway/secret.go): an Istio Gateway server's `credentialName`
 * names a Secret the design does not contain (where it is looked for: compile/istio/credentials.ts).
 * Without its certificate the proxy cannot serve the server's TLS. With `--assume-external` a
 * Secret absent from the design is assumed present (DESIGN.md "Objects outside the design").
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { candidateSecrets, credentialRefs, lookupNamespace } from '../../compile/istio/credentials.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

export function analyzeCredentialNotFound(input: IstioAnalysisInput): Diagnostic[] {
  if (input.assumeExternal) return [];
  return credentialRefs(input.resources)
    .filter((ref) => candidateSecrets(ref, input.resources).length === 0)
    .map((ref) => {
      const ns = lookupNamespace(ref);
      const where = ref.namespace === null ? `namespace ${ns} (the Gateway's, standing for the gateway workload's, which istiod reads)` : `namespace ${ns}`;
      const message =
        `Secret ${ref.name} is not in the design: istiod looks for the credential in ${where} and, without it, ` +
        `the server's TLS is not served — add a kubernetes.io/tls Secret ${ref.name} with tls.crt and tls.key there, or correct the name ` +
        '(--assume-external takes Secrets outside the design as present)';
      return istioProblem(input, ref.gateway, 'IstioCredentialNotFound', 'IST0101', 'error', message, ref.path);
    });
}
