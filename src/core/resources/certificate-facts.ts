/**
 * The shapes of what the parser keeps about a Secret's certificate keys (secret-facts.ts reads
 * them, pem.ts judges them). Types only, so that `Resource` can carry them without importing the
 * readers.
 */

/** The keys a certificate reference reads (Kubernetes `kubernetes.io/tls` Secrets; a CA bundle). */
export const CERTIFICATE_KEYS = ['tls.crt', 'tls.key', 'ca.crt'] as const;
export type CertificateKey = (typeof CERTIFICATE_KEYS)[number];

/** 'unknown' = the value was redacted before it was read (a restored design): assumed valid. */
export type PemVerdict = { readonly state: 'valid'; readonly blocks: number } | { readonly state: 'invalid'; readonly problem: string } | { readonly state: 'unknown' };

/** Per key present in the Secret: its verdict. */
export type SecretFacts = Readonly<Partial<Record<CertificateKey, PemVerdict>>>;
