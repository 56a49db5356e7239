/**
 * Where the parser finds its X.509 reader (x509.ts, key-match.ts). The reader pulls in the ASN.1
 * libraries (~35 KB gzip), which belong in the analysis Worker and the CLI, not in the page's
 * initial bundle, where the parser also runs (edits re-parse the current, already redacted text,
 * which holds no certificate to read). `review()` installs it (verdict/index.ts), so every path
 * that analyses a design reads certificates; without it, a Secret's facts are its PEM verdicts only.
 */
import type { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { KeyMatch } from './key-match.js';
import type { CertificateReading } from './x509.js';

export interface CertificateReader {
  readonly readCertificates: (pem: string) => CertificateReading;
  readonly keyMatch: (keyPem: string, spki: SubjectPublicKeyInfo) => KeyMatch;
}

let installed: CertificateReader | null = null;

export function setCertificateReader(reader: CertificateReader | null): void {
  installed = reader;
}

export function certificateReader(): CertificateReader | null {
  return installed;
}
