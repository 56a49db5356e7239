/**
 * The checks of one certificate Secret on its own: validity of each certificate of `tls.crt`
 * against `now` (RFC 5280 §4.1.2.5: valid from notBefore through notAfter, inclusive), and
 * whether `tls.key` is the first certificate's private key.
 */
import type { CertificateFacts } from '../../resources/certificate-facts.js';
import type { Resource } from '../../resources/types.js';
import { EXPIRY_WARNING_DAYS } from './codes.js';
import { dataPath, type TlsReport } from './report.js';

const DAY = 24 * 60 * 60 * 1000;

/** The certificates of a Secret's `tls.crt`, leaf first; null when they cannot be read (redacted, undecodable, absent). */
export function secretCertificates(secret: Resource): readonly CertificateFacts[] | null {
  const v = secret.secretFacts?.['tls.crt'];
  return v?.state === 'valid' && v.certificates ? v.certificates : null;
}

/** Whole days from `now` until `notAfter` (negative once expired). */
export function daysLeft(cert: CertificateFacts, now: Date): number {
  return Math.floor((Date.parse(cert.notAfter) - now.getTime()) / DAY);
}

export function secretProblems(secret: Resource, now: Date, report: TlsReport): void {
  const certs = secretCertificates(secret);
  if (certs) validityProblems(secret, certs, now, report);
  const key = secret.secretFacts?.['tls.key'];
  if (key?.state === 'valid' && key.keyMatches === false) {
    report(
      secret,
      dataPath(secret, 'tls.key'),
      'CertificateKeyMismatch',
      'error',
      `the tls.key of Secret ${secret.namespace}/${secret.name} is not the private key of its certificate (${certs?.[0]?.subject ?? 'tls.crt'}): the proxy cannot load the pair and the listener's TLS fails — store the key the certificate was issued for`,
    );
  }
}

function validityProblems(secret: Resource, certs: readonly CertificateFacts[], now: Date, report: TlsReport): void {
  const at = dataPath(secret);
  const which = (i: number): string => (certs.length === 1 ? 'its certificate' : i === 0 ? 'its certificate (the leaf)' : `certificate ${i + 1} of its chain`);
  const name = `Secret ${secret.namespace}/${secret.name}`;
  const t = now.getTime();
  const expired = certs.findIndex((c) => Date.parse(c.notAfter) < t);
  if (expired !== -1) {
    const c = certs[expired] as CertificateFacts;
    report(secret, at, 'CertificateExpired', 'error', `${which(expired)} in ${name} (${c.subject}) expired on ${day(c.notAfter)}: clients refuse it — renew it`);
    return;
  }
  const early = certs.findIndex((c) => Date.parse(c.notBefore) > t);
  if (early !== -1) {
    const c = certs[early] as CertificateFacts;
    report(secret, at, 'CertificateNotYetValid', 'error', `${which(early)} in ${name} (${c.subject}) is not valid before ${day(c.notBefore)}: clients refuse it until then`);
    return;
  }
  const soonest = certs.map((c, i) => ({ c, i, left: daysLeft(c, now) })).sort((a, b) => a.left - b.left)[0];
  if (soonest && soonest.left < EXPIRY_WARNING_DAYS) {
    const when = soonest.left === 0 ? 'today' : `in ${soonest.left} day${soonest.left === 1 ? '' : 's'}`;
    report(secret, at, 'CertificateExpiringSoon', 'warning', `${which(soonest.i)} in ${name} (${soonest.c.subject}) expires ${when}, on ${day(soonest.c.notAfter)}: renew it before then`);
  }
}

const day = (iso: string): string => iso.slice(0, 10);
