/**
 * IST0128 NoServerCertificateVerificationDestinationLevel and IST0129 …PortLevel (istio/istio
 * pkg/config/analysis/analyzers/destinationrule/ca-certificates.go): a DestinationRule whose
 * `trafficPolicy.tls` (IST0128) or a `trafficPolicy.portLevelSettings[].tls` (IST0129) originates
 * TLS in mode SIMPLE or MUTUAL without `caCertificates` — unless it names a `credentialName` and
 * the rule has a `workloadSelector` (a gateway then reads the CA from that credential). Nothing in
 * the rule says which CA must have signed the server's certificate.
 *
 * As istioctl: subsets' traffic policies are not read, ISTIO_MUTUAL is not concerned (Istio's own
 * CA). Unlike istioctl (level Warning), the level is `info`: istiod now verifies such a server
 * against the proxy's system CA bundle (pilot/pkg/networking/core/cluster_tls.go uses
 * `caCertificates` or else "system", which the agent serves from the OS CA file:
 * security/pkg/nodeagent/sds/sdsservice.go, pkg/security/security.go GetOSRootFilePath; the API
 * no longer says an omitted CA skips verification), so
 * only a server whose certificate no public CA signs fails — e.g. Bookinfo's TLS origination to
 * www.googleapis.com is right as it is. With `insecureSkipVerify: true` nothing is verified: a
 * `warning`.
 */
import { arr, num, rec, str } from '../../compile/read.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { KubeObject } from '../../resources/types.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

const ISTIO = 'networking.istio.io';

interface Unchecked {
  readonly mode: string;
  readonly skipVerify: boolean;
}

/** The TLS mode when the settings lack a CA as ca-certificates.go decides; null when they are fine. */
function unchecked(tls: KubeObject, hasSelector: boolean): Unchecked | null {
  const mode = str(tls.mode);
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return null;
  if ((str(tls.caCertificates) ?? '') !== '') return null;
  if ((str(tls.credentialName) ?? '') !== '' && hasSelector) return null;
  return { mode, skipVerify: tls.insecureSkipVerify === true };
}

function describe(u: Unchecked, to: string): { severity: 'info' | 'warning'; message: string } {
  if (u.skipVerify) {
    return {
      severity: 'warning',
      message: `TLS mode ${u.mode} to ${to} with insecureSkipVerify and no caCertificates: the server's certificate is not verified at all — set tls.caCertificates to the CA bundle that signs it and drop insecureSkipVerify`,
    };
  }
  return {
    severity: 'info',
    message:
      `TLS mode ${u.mode} to ${to} with no caCertificates: the proxy verifies the server's certificate against its system CA bundle only — ` +
      "if a private CA signs it, set tls.caCertificates to that CA's bundle (or, on a gateway, a credentialName with a workloadSelector)",
  };
}

export function analyzeNoCaCertificate(input: IstioAnalysisInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of input.resources) {
    if (r.group !== ISTIO || r.kind !== 'DestinationRule') continue;
    const spec = rec(r.object.spec);
    const host = str(spec.host) ?? '';
    const hasSelector = spec.workloadSelector !== undefined && spec.workloadSelector !== null;
    const policy = rec(spec.trafficPolicy);
    const top = unchecked(rec(policy.tls), hasSelector);
    if (top !== null) {
      const { severity, message } = describe(top, host);
      out.push(istioProblem(input, r, 'IstioDestinationRuleNoCaCertificate', 'IST0128', severity, message, ['spec', 'trafficPolicy', 'tls']));
    }
    arr(policy.portLevelSettings).forEach((raw, i) => {
      const setting = rec(raw);
      const u = unchecked(rec(setting.tls), hasSelector);
      if (u === null) return;
      const { severity, message } = describe(u, `${host} port ${num(rec(setting.port).number) ?? '?'}`);
      out.push(istioProblem(input, r, 'IstioDestinationRulePortNoCaCertificate', 'IST0129', severity, message, ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls']));
    });
  }
  return out;
}
