/**
 * Certificate facts as problems (issue 13): what the certificates of the design say, read before
 * redaction (resources/x509.ts), against where they are served. A listener (or Istio server)
 * hostname no certificate of it covers; a certificate expired, not yet valid or expiring within
 * 30 days of `now`; a private key that is not the certificate's; and, for a BackendTLSPolicy, what
 * the design can and cannot confirm of the backend's certificate. Nothing is guessed: a value
 * redacted before it was read, or a certificate this reader cannot decode, gives no problem.
 */
import type { Diagnostic, RelatedPlace, SourceRange } from '../../diagnostics/types.js';
import { formatPath, type FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { backendTlsNotes } from './backend-tls.js';
import { certificateCovers, coveredNames } from '../../compile/tls/hostnames.js';
import { secretCertificates, secretProblems } from './secret-checks.js';
import { dataPath, type TlsReport } from './report.js';
import { tlsSites } from '../../compile/tls/sites.js';

export interface TlsInput {
  readonly resources: readonly Resource[];
  readonly locate: (resource: Resource, path: FieldPath) => SourceRange;
  /** Today, for validity (the CLI and the app pass the real date; tests a fixed one). */
  readonly now: Date;
}

export function tlsDiagnostics(input: TlsInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report: TlsReport = (resource, path, code, severity, message, related) => {
    out.push({
      code,
      severity,
      message,
      ...input.locate(resource, path),
      resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name },
      ...(path.length > 0 ? { path: formatPath(path) } : {}),
      ...(related && related.length > 0 ? { related } : {}),
    });
  };
  for (const r of input.resources) if (r.group === '' && r.kind === 'Secret') secretProblems(r, input.now, report);
  hostnameProblems(input, report);
  backendTlsNotes(input.resources, report);
  return out;
}

function hostnameProblems(input: TlsInput, report: TlsReport): void {
  for (const site of tlsSites(input.resources)) {
    const leaves = site.secrets.map((s) => ({ secret: s, certs: secretCertificates(s) }));
    // A certificate that cannot be read (redacted before this session, undecodable) may cover it.
    if (leaves.length === 0 || leaves.some((l) => l.certs === null)) continue;
    for (const host of site.hostnames) {
      if (leaves.some((l) => l.certs?.[0] && certificateCovers(l.certs[0], host.name))) continue;
      const what = leaves.map((l) => `Secret ${l.secret.namespace}/${l.secret.name} (${l.certs?.[0] ? coveredNames(l.certs[0]) : 'no certificate'})`).join('; ');
      const related = leaves.map((l) => place(input, l.secret, dataPath(l.secret), 'certificate'));
      report(
        site.resource,
        host.path,
        'CertificateHostnameNotCovered',
        'warning',
        `${site.label} serves ${host.name} with a certificate that does not cover it — ${what}: clients that check the server's name (RFC 6125) refuse the connection. ` +
          `Add ${host.name} (or a wildcard for it) to the certificate's subject alternative names, or reference a certificate that has it`,
        related,
      );
    }
  }
}

function place(input: TlsInput, resource: Resource, path: FieldPath, role: string): RelatedPlace {
  return { ...input.locate(resource, path), resource: { kind: resource.kind, namespace: resource.namespace, name: resource.name }, path: formatPath(path), role };
}
