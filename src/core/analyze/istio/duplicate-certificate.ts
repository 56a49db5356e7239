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

/** certificate.go haveSameCertificate. */
function sameCertificate(a: ServerTls, b: ServerTls): boolean {
  if (a.credentialName !== '' && b.credentialName !== '') return a.credentialName === b.credentialName;
  if (a.credentialName !== '' || b.credentialName !== '') return false;
  return a.serverCertificate !== '' && a.serverCertificate === b.serverCertificate && a.privateKey !== '' && a.privateKey === b.privateKey;
}

/** Every label of `x` is in `y` with the same value (certificate.go selectorSubset). */
const isSubset = (x: Readonly<Record<string, string>> | null, y: Readonly<Record<string, string>> | null): boolean =>
  Object.entries(x ?? {}).every(([k, v]) => y?.[k] === v);

function certificatePath(s: ServerTls): FieldPath {
  return ['spec', 'servers', s.index, 'tls', s.credentialName !== '' ? 'credentialName' : 'serverCertificate'];
}

export function analyzeDuplicateCertificate(input: IstioAnalysisInput): Diagnostic[] {
  const gateways = istioGateways(input.resources).map((g) => ({ g, servers: tlsServers(g) }));
  const out: Diagnostic[] = [];
  for (const { g, servers } of gateways) {
    const others = gateways.filter((o) => o.g.resource.id !== g.resource.id && isSubset(g.selector, o.g.selector));
    for (const s of servers) {
      const sharing = others.filter((o) => o.servers.some((t) => sameCertificate(s, t))).map((o) => o.g.name).sort();
      if (sharing.length === 0) continue;
      const what = s.credentialName !== '' ? `credentialName ${s.credentialName}` : `certificate ${s.serverCertificate}`;
      const message =
        `Gateway ${sharing.join(', ')} serves the same certificate (${what}) on workloads this Gateway also selects: a client that reuses ` +
        "an HTTP/2 connection for another of the certificate's hosts can reach the other Gateway's server and get 404 — " +
        'give each Gateway its own certificate, or serve these hosts from one Gateway';
      out.push(istioProblem(input, g.resource, 'IstioDuplicateCertificate', 'IST0138', 'warning', message, certificatePath(s)));
    }
  }
  return out;
}
