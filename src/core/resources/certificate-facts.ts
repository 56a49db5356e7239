/**
 * The shapes of what the parser keeps about a Secret's certificate keys (secret-facts.ts reads
 * them, pem.ts judges them, x509.ts reads the certificates). Types only, so that `Resource` can
 * carry them without importing the readers. No key material is ever kept: of `tls.key` only its
 * verdict and whether it pairs with the certificate (`keyMatches`).
 */

/** The keys a certificate reference reads (Kubernetes `kubernetes.io/tls` Secrets; a CA bundle). */
export const CERTIFICATE_KEYS = ['tls.crt', 'tls.key', 'ca.crt'] as const;
export type CertificateKey = (typeof CERTIFICATE_KEYS)[number];

/** A certificate's public key, as its SubjectPublicKeyInfo names it (RFC 5280 §4.1.2.7). */
export interface PublicKeyFacts {
  /** 'RSA', 'EC', 'Ed25519', 'Ed448', or the algorithm's OID when it is none of those. */
  readonly algorithm: string;
  /** RSA: the modulus length in bits; EC: the curve's size. */
  readonly bits?: number;
  /** EC: the named curve ('P-256', 'P-384', 'P-521', or its OID). */
  readonly curve?: string;
}

/** What one certificate of a PEM bundle says (RFC 5280 §4.1), read by x509.ts. JSON-safe. */
export interface CertificateFacts {
  /** RFC 4514 form, e.g. `CN=shop.example.com, O=Example`. */
  readonly subject: string;
  readonly issuer: string;
  /** subjectAltName dNSName entries, as written (lower-cased by readers that compare). */
  readonly dnsNames: readonly string[];
  /** subjectAltName iPAddress entries (dotted IPv4, or IPv6). */
  readonly ipAddresses: readonly string[];
  /** Validity, as ISO 8601 instants. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** basicConstraints cA (RFC 5280 §4.2.1.9). */
  readonly isCA: boolean;
  readonly publicKey: PublicKeyFacts;
  /** SHA-256 of the DER, upper-case hex pairs joined by ':' (as `openssl x509 -fingerprint -sha256`). */
  readonly sha256: string;
}

/**
 * 'unknown' = the value was redacted before it was read (a restored design): assumed valid.
 * A valid `tls.crt`/`ca.crt` carries its certificates' facts (`certificates`, leaf first), or
 * `unreadable` when a block is well-formed PEM but not an X.509 certificate this reader parses.
 * A valid `tls.key` of a Secret with a readable `tls.crt` says whether it is the private key of
 * the first certificate (`keyMatches`), or why that cannot be confirmed (`keyUnconfirmed`).
 */
export type PemVerdict =
  | {
      readonly state: 'valid';
      readonly blocks: number;
      readonly certificates?: readonly CertificateFacts[];
      readonly unreadable?: string;
      readonly keyMatches?: boolean;
      readonly keyUnconfirmed?: string;
    }
  | { readonly state: 'invalid'; readonly problem: string }
  | { readonly state: 'unknown' };

/** Per key present in the Secret: its verdict. */
export type SecretFacts = Readonly<Partial<Record<CertificateKey, PemVerdict>>>;
