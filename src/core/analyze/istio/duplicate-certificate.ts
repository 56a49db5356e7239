/**
 * IST0138 GatewayDuplicateCertificate (istio/istio pkg/config/analysis/analyzers/gateway/certificate.go):
 * two Gateways whose TLS servers use the same certificate — the same `credentialName`, or (both
 * without one) the same `serverCertificate` and `privateKey` files. Browsers reuse an HTTP/2
 * connection for every host the certificate covers, so a request may reach the other Gateway's
 * filter chain and get a 404 (envoyproxy/envoy#6767).
 *
 * As istioctl: the other Gateways are those whose selector includes every label of this one's (all
 * Gateways when this one has none), in any namespace (PILOT_SCOPE_GATEWAY_TO_NAMESPACE is off by
 * default); ports are not compared. Reported at the server's certificate field, once per server.
 */
import { nameSome } from '../../compile/istio/gateway-conflicts.js';
import { selectorKey } from '../../compile/istio/gateway-merge.js';
import type { IstioGatewayModel } from '../../compile/istio/model.js';
import { arr, rec, str } from '../../compile/read.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { FieldPath } from '../../resources/path.js';
import { istioGateways } from './istio-gateways.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

interface ServerTls {
  readonly index: number;
  readonly credentialName: string;
  readonly serverCertificate: string;
  readonly privateKey: string;
}

function tlsServers(g: IstioGatewayModel): ServerTls[] {
  return arr(rec(g.resource.object.spec).servers).flatMap((raw, index) => {
    const s = rec(raw);
    if (s.tls === undefined || s.tls === null) return [];
    const tls = rec(s.tls);
    return [{ index, credentialName: str(tls.credentialName) ?? '', serverCertificate: str(tls.serverCertificate) ?? '', privateKey: str(tls.privateKey) ?? '' }];
  });
}

/**
 * certificate.go haveSameCertificate as a key: servers with the same key have the same
 * certificate; null for a server that names none (no credential, or files without a key).
 */
function certificateKey(s: ServerTls): string | null {
  if (s.credentialName !== '') return `credential\u0000${s.credentialName}`;
  if (s.serverCertificate === '' || s.privateKey === '') return null;
  return `files\u0000${s.serverCertificate}\u0000${s.privateKey}`;
}

/** Every label of `x` is in `y` with the same value (certificate.go selectorSubset). */
function isSubset(x: readonly (readonly [string, string])[], y: Readonly<Record<string, string>> | null): boolean {
  return x.every(([k, v]) => y?.[k] === v);
}

function certificatePath(s: ServerTls): FieldPath {
  return ['spec', 'servers', s.index, 'tls', s.credentialName !== '' ? 'credentialName' : 'serverCertificate'];
}

export function analyzeDuplicateCertificate(input: IstioAnalysisInput): Diagnostic[] {
  const gateways = istioGateways(input.resources).map((g) => ({ g, servers: tlsServers(g), labels: Object.entries(g.selector ?? {}) }));
  const byCertificate = new Map<string, IstioGatewayModel[]>();
  for (const { g, servers } of gateways) {
    for (const s of servers) {
      const key = certificateKey(s);
      if (key === null) continue;
      const list = byCertificate.get(key);
      if (list === undefined) byCertificate.set(key, [g]);
      else if (list[list.length - 1] !== g) list.push(g);
    }
  }
  // Gateways with the same selector share with the same others: computed once per certificate and selector.
  const sharingOf = new Map<string, string[]>();
  const out: Diagnostic[] = [];
  for (const { g, servers, labels } of gateways) {
    for (const s of servers) {
      const key = certificateKey(s);
      if (key === null) continue;
      const memo = `${key}\u0000${selectorKey(g)}`;
      let candidates = sharingOf.get(memo);
      if (candidates === undefined) {
        candidates = (byCertificate.get(key) ?? []).filter((o) => isSubset(labels, o.selector)).map((o) => o.name).sort();
        sharingOf.set(memo, candidates);
      }
      const sharing = candidates.filter((n) => n !== g.name);
      if (sharing.length === 0) continue;
      const what = s.credentialName !== '' ? `credentialName ${s.credentialName}` : `certificate ${s.serverCertificate}`;
      const message =
        `Gateway ${nameSome(sharing)} serves the same certificate (${what}) on workloads this Gateway also selects: a client that reuses ` +
        "an HTTP/2 connection for another of the certificate's hosts can reach the other Gateway's server and get 404 — " +
        'give each Gateway its own certificate, or serve these hosts from one Gateway';
      out.push(istioProblem(input, g.resource, 'IstioDuplicateCertificate', 'IST0138', 'warning', message, certificatePath(s)));
    }
  }
  return out;
}
