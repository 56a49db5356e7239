/**
 * BackendTLSPolicy (Gateway API v1.6.1 `BackendTLSPolicyValidation`): the Gateway verifies the
 * backend's certificate against `caCertificateRefs` (or the system trust store,
 * `wellKnownCACertificates: System`) and checks it is for `hostname` (or, when given, one of
 * `subjectAltNames`). The certificate the backend serves is never in a design, so whether it
 * has those names and chains to that CA cannot be confirmed: said as a note, with what can be
 * confirmed — that each CA bundle is present and parses, and what it holds. Never a guess.
 */
import { arr, rec, str } from '../../compile/read.js';
import type { CertificateFacts } from '../../resources/certificate-facts.js';
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { readCertificates } from '../../resources/x509.js';
import type { TlsReport } from './report.js';

const GW = 'gateway.networking.k8s.io';

export function backendTlsNotes(resources: readonly Resource[], report: TlsReport): void {
  for (const r of resources) {
    if (r.group !== GW || r.kind !== 'BackendTLSPolicy') continue;
    const validation = rec(rec(r.object.spec).validation);
    const hostname = str(validation.hostname);
    const sans = arr(validation.subjectAltNames).map(rec).map((s) => str(s.hostname) ?? str(s.uri)).filter((s): s is string => s !== null);
    if (hostname === null && sans.length === 0) continue;
    const names = sans.length > 0 ? `one of the subject alternative names ${sans.join(', ')}` : hostname;
    const cas = caFacts(r, resources, validation);
    const path: FieldPath = hostname !== null ? ['spec', 'validation', 'hostname'] : ['spec', 'validation', 'subjectAltNames'];
    report(
      r,
      path,
      'BackendTLSNotConfirmed',
      'info',
      `cannot confirm that the certificate the backend serves is for ${names ?? ''} and chains to the CA it trusts: that certificate is not in the design. ${cas}`,
    );
  }
}

function caFacts(policy: Resource, resources: readonly Resource[], validation: Record<string, unknown>): string {
  const parts: string[] = [];
  if (str(validation.wellKnownCACertificates) === 'System') parts.push('The CA is the system trust store of the Gateway\'s proxy, which the design does not hold.');
  for (const raw of arr(validation.caCertificateRefs)) {
    const ref = rec(raw);
    const kind = str(ref.kind) ?? '';
    const name = str(ref.name) ?? '';
    const obj = resources.find((x) => x.group === '' && x.kind === kind && x.namespace === policy.namespace && x.name === name);
    if (!obj) {
      parts.push(`${kind} ${policy.namespace}/${name} is not in the design.`);
      continue;
    }
    const certs = kind === 'Secret' ? secretCa(obj) : configMapCa(obj);
    parts.push(typeof certs === 'string' ? `${kind} ${policy.namespace}/${name}: ${certs}.` : `Confirmed: ${kind} ${policy.namespace}/${name} holds ${describe(certs)}.`);
  }
  return parts.join(' ');
}

function configMapCa(obj: Resource): readonly CertificateFacts[] | string {
  const text = str(rec(obj.object.data)['ca.crt']);
  if (text === null) return 'no ca.crt in data';
  const reading = readCertificates(text);
  return reading.ok ? reading.certificates.map((c) => c.facts) : `its ca.crt cannot be read (${reading.problem})`;
}

function secretCa(obj: Resource): readonly CertificateFacts[] | string {
  const v = obj.secretFacts?.['ca.crt'];
  if (v?.state === 'valid' && v.certificates) return v.certificates;
  if (v?.state === 'unknown') return 'its ca.crt cannot be read: redacted before this session';
  return 'its ca.crt cannot be read';
}

function describe(certs: readonly CertificateFacts[]): string {
  const each = certs.map((c) => `${c.subject}${c.isCA ? ' (a CA)' : ''}, valid until ${c.notAfter.slice(0, 10)}`);
  return `${certs.length} certificate${certs.length === 1 ? '' : 's'}: ${each.join('; ')}`;
}
