/**
 * The certificate Secrets Istio Gateways name (`tls.credentialName`, and each of
 * `tls.credentialNames`) and the Secrets of the design that may be them.
 *
 * istiod reads a credential in the namespace of the gateway *workload* (the Pods the selector
 * picks; istio/istio pkg/config/analysis/analyzers/gateway/secret.go getGatewayNamespace), or in
 * the namespace a `ns/name` credential names. The design holds no Pods, so the Gateway's own
 * namespace stands for the workload's; when the Secret is not there but the design has a Secret of
 * that name in another namespace (Istio's own tasks put the Gateway in `default` and the Secret in
 * `istio-system`, next to the ingress gateway), the workload may well run there: that Secret is
 * taken as the credential and nothing is reported missing.
 */
import { arr, rec, str } from '../read.js';
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { istioGateways } from './read-gateway.js';

export interface CredentialRef {
  readonly gateway: Resource;
  /** `spec.servers[i].tls.credentialName` or `…credentialNames[j]`. */
  readonly path: FieldPath;
  readonly name: string;
  /** The namespace a `ns/name` credential names; null for a plain name. */
  readonly namespace: string | null;
}

export function credentialRefs(resources: readonly Resource[]): CredentialRef[] {
  const out: CredentialRef[] = [];
  for (const g of istioGateways(resources)) {
    arr(rec(g.resource.object.spec).servers).forEach((raw, i) => {
      const tls = rec(rec(raw).tls);
      const at: FieldPath = ['spec', 'servers', i, 'tls'];
      const named: [string | null, FieldPath][] = [[str(tls.credentialName), [...at, 'credentialName']]];
      arr(tls.credentialNames).forEach((n, j) => named.push([str(n), [...at, 'credentialNames', j]]));
      for (const [text, path] of named) {
        if (text === null || text === '') continue;
        const slash = text.indexOf('/');
        out.push({ gateway: g.resource, path, name: slash === -1 ? text : text.slice(slash + 1), namespace: slash === -1 ? null : text.slice(0, slash) });
      }
    });
  }
  return out;
}

/** The Secrets of the design that may be the credential (see above); empty when none. */
export function candidateSecrets(ref: CredentialRef, resources: readonly Resource[]): Resource[] {
  const named = resources.filter((r) => r.group === '' && r.kind === 'Secret' && r.name === ref.name);
  if (ref.namespace !== null) return named.filter((r) => r.namespace === ref.namespace);
  const local = named.filter((r) => r.namespace === ref.gateway.namespace);
  return local.length > 0 ? local : named;
}

/** Where istiod looks for the Secret, as the messages say it. */
export function lookupNamespace(ref: CredentialRef): string {
  return ref.namespace ?? ref.gateway.namespace;
}
