/**
 * IST0128 NoServerCertificateVerificationDestinationLevel and IST0129 …PortLevel (istio/istio
 * pkg/config/analysis/analyzers/destinationrule/ca-certificates.go): a DestinationRule whose
 * `trafficPolicy.tls` (IST0128) or a `trafficPolicy.portLevelSettings[].tls` (IST0129) originates
 * TLS in mode SIMPLE or MUTUAL without `caCertificates` — unless it names a `credentialName` and
 * the rule has a `workloadSelector` (a gateway then reads the CA from that credential). Nothing in
 * the rule says which CA must have signed the server's certificate.
 *
 * As istioctl: subsets' traffic policies are not read, `insecureSkipVerify` does not silence it
 * (it asks for no verification at all), ISTIO_MUTUAL is not concerned (Istio's own CA).
 */
import { arr, num, rec, str } from '../../compile/read.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { FieldPath } from '../../resources/path.js';
import type { KubeObject } from '../../resources/types.js';
import { istioProblem, type IstioAnalysisInput } from './types.js';

const ISTIO = 'networking.istio.io';

/** The TLS mode when the settings lack a CA as ca-certificates.go decides; null when they are fine. */
function uncheckedMode(tls: KubeObject, hasSelector: boolean): string | null {
  const mode = str(tls.mode);
  if (mode !== 'SIMPLE' && mode !== 'MUTUAL') return null;
  if ((str(tls.caCertificates) ?? '') !== '') return null;
  if ((str(tls.credentialName) ?? '') !== '' && hasSelector) return null;
  return mode;
}

const advice = 'set tls.caCertificates to the CA bundle that signs the server\'s certificate (or, on a gateway, a credentialName with a workloadSelector)';

export function analyzeNoCaCertificate(input: IstioAnalysisInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of input.resources) {
    if (r.group !== ISTIO || r.kind !== 'DestinationRule') continue;
    const spec = rec(r.object.spec);
    const host = str(spec.host) ?? '';
    const hasSelector = spec.workloadSelector !== undefined && spec.workloadSelector !== null;
    const policy = rec(spec.trafficPolicy);
    const top = uncheckedMode(rec(policy.tls), hasSelector);
    if (top !== null) {
      const path: FieldPath = ['spec', 'trafficPolicy', 'tls'];
      const message = `TLS mode ${top} to ${host} with no caCertificates: the server's certificate is not checked against a CA you chose — ${advice}`;
      out.push(istioProblem(input, r, 'IstioDestinationRuleNoCaCertificate', 'IST0128', 'warning', message, path));
    }
    arr(policy.portLevelSettings).forEach((raw, i) => {
      const setting = rec(raw);
      const mode = uncheckedMode(rec(setting.tls), hasSelector);
      if (mode === null) return;
      const port = num(rec(setting.port).number);
      const message = `TLS mode ${mode} to ${host} port ${port ?? '?'} with no caCertificates: the server's certificate is not checked against a CA you chose — ${advice}`;
      out.push(istioProblem(input, r, 'IstioDestinationRulePortNoCaCertificate', 'IST0129', 'warning', message, ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls']));
    });
  }
  return out;
}
