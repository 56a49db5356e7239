/** Installs the X.509 reader for the parser (certificate-reader.ts says why it is not imported there). */
import { setCertificateReader } from './certificate-reader.js';
import { keyMatch } from './key-match.js';
import { readCertificates } from './x509.js';

export function installCertificateReader(): void {
  setCertificateReader({ readCertificates, keyMatch });
}
