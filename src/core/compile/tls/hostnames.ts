/**
 * Does a certificate cover a name? Service identity as RFC 6125 §6.4 checks it, with the rules
 * the proxies apply: only subjectAltName dNSName entries count (§6.4.4: the CN is a fallback only
 * without any DNS SAN, which Envoy and Go no longer use); names compare case-insensitively
 * (§6.4.1); a wildcard is a whole left-most label and stands for exactly one label (§6.4.3:
 * `*.example.com` covers `a.example.com`, not `example.com` nor `a.b.example.com`; Envoy's
 * `dnsNameMatch` takes no partial-label wildcard such as `f*.example.com`).
 *
 * A Gateway API listener hostname `*.example.com` is itself a suffix match (v1.6.1 `Listener.
 * hostname`: it matches `test.example.com` and `foo.test.example.com`): the certificate covers it
 * when it carries that same wildcard, which covers the one-label names of it; Istio server hosts
 * read the same way.
 */
import type { CertificateFacts } from '../../resources/certificate-facts.js';

const lower = (s: string): string => s.toLowerCase().replace(/\.$/, '');

/** Is the (exact) name `host` covered by the SAN `san`? */
export function sanCovers(san: string, host: string): boolean {
  const s = lower(san);
  const h = lower(host);
  if (!s.startsWith('*.')) return s === h;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot) === s.slice(1) && !h.startsWith('*');
}

/** Is the listener hostname (exact or `*.` wildcard) covered by one of the certificate's DNS SANs? */
export function certificateCovers(cert: CertificateFacts, hostname: string): boolean {
  const h = lower(hostname);
  if (h.startsWith('*.')) return cert.dnsNames.some((san) => lower(san) === h);
  return cert.dnsNames.some((san) => sanCovers(san, h));
}

/** The names a certificate is for, as a reader sees them (DNS SANs, IP SANs; the subject when it has none). */
export function coveredNames(cert: CertificateFacts): string {
  const names = [...cert.dnsNames, ...cert.ipAddresses];
  return names.length > 0 ? names.join(', ') : `no subject alternative name (subject ${cert.subject})`;
}
