/** The codes of the certificate checks (tls/index.ts), each documented in README.md "Certificates". */
export const TLS_CODES = [
  'CertificateHostnameNotCovered',
  'CertificateExpired',
  'CertificateNotYetValid',
  'CertificateExpiringSoon',
  'CertificateKeyMismatch',
  'BackendTLSNotConfirmed',
] as const;
export type TlsCode = (typeof TLS_CODES)[number];

/** A certificate expiring within this many days of today is reported (CertificateExpiringSoon). */
export const EXPIRY_WARNING_DAYS = 30;
