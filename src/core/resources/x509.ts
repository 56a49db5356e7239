/**
 * Reads the certificates of a PEM bundle (RFC 5280 §4.1) into facts: subject, issuer, the
 * subjectAltName DNS and IP entries (§4.2.1.6), validity, basicConstraints cA (§4.2.1.9), the
 * public key's algorithm and size, a SHA-256 fingerprint. Synchronous, no WebCrypto and no
 * network (it runs in the parser, in the analysis Worker and in the CLI). @peculiar/asn1-x509
 * decodes the DER; names are formatted as RFC 4514 strings.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { ECParameters, id_ecPublicKey, id_secp256r1, id_secp384r1, id_secp521r1 } from '@peculiar/asn1-ecc';
import { RSAPublicKey, id_rsaEncryption } from '@peculiar/asn1-rsa';
import { AsnParser } from '@peculiar/asn1-schema';
import { BasicConstraints, Certificate, SubjectAlternativeName, id_ce_basicConstraints, id_ce_subjectAltName, type Name, type SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { CertificateFacts, PublicKeyFacts } from './certificate-facts.js';
import { derBlocks } from './pem-der.js';

/** One parsed certificate: its facts, and its public key for the key check (never kept). */
export interface ReadCertificate {
  readonly facts: CertificateFacts;
  readonly spki: SubjectPublicKeyInfo;
}

export type CertificateReading = { readonly ok: true; readonly certificates: readonly ReadCertificate[] } | { readonly ok: false; readonly problem: string };

const CERTIFICATE = new Set(['CERTIFICATE']);

/** Every CERTIFICATE block of `pem`, in order (leaf first in a `tls.crt` chain). */
export function readCertificates(pem: string): CertificateReading {
  const certificates: ReadCertificate[] = [];
  const blocks = derBlocks(pem, CERTIFICATE);
  for (const [i, block] of blocks.entries()) {
    try {
      certificates.push(readOne(block.der));
    } catch (e) {
      const why = e instanceof Error && e.message !== '' ? `: ${e.message}` : '';
      return { ok: false, problem: `certificate ${i + 1} of ${blocks.length} is not an X.509 certificate this reader can decode${why}` };
    }
  }
  return certificates.length > 0 ? { ok: true, certificates } : { ok: false, problem: 'it holds no CERTIFICATE block' };
}

function readOne(der: Uint8Array): ReadCertificate {
  const cert = AsnParser.parse(der, Certificate);
  const tbs = cert.tbsCertificate;
  const dnsNames: string[] = [];
  const ipAddresses: string[] = [];
  let isCA = false;
  for (const ext of tbs.extensions ?? []) {
    if (ext.extnID === id_ce_subjectAltName) {
      for (const name of AsnParser.parse(ext.extnValue, SubjectAlternativeName)) {
        if (name.dNSName !== undefined) dnsNames.push(name.dNSName);
        if (name.iPAddress !== undefined) ipAddresses.push(name.iPAddress);
      }
    } else if (ext.extnID === id_ce_basicConstraints) {
      isCA = AsnParser.parse(ext.extnValue, BasicConstraints).cA;
    }
  }
  const spki = tbs.subjectPublicKeyInfo;
  const facts: CertificateFacts = {
    subject: formatName(tbs.subject),
    issuer: formatName(tbs.issuer),
    dnsNames,
    ipAddresses,
    notBefore: tbs.validity.notBefore.getTime().toISOString(),
    notAfter: tbs.validity.notAfter.getTime().toISOString(),
    isCA,
    publicKey: publicKeyFacts(spki),
    sha256: [...sha256(der)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':'),
  };
  return { facts, spki };
}

/** RFC 4514 §2.3 short names for the attributes certificates commonly carry; others by OID. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** RFC 4514 orders the RDNs from the last to the first; here they read as written (as openssl prints them). */
export function formatName(name: Name): string {
  return name
    .map((rdn) => rdn.map((atv) => `${SHORT_NAMES[atv.type] ?? atv.type}=${atv.value.toString()}`).join('+'))
    .join(', ');
}

const CURVES: Readonly<Record<string, { readonly name: string; readonly bits: number }>> = {
  [id_secp256r1]: { name: 'P-256', bits: 256 },
  [id_secp384r1]: { name: 'P-384', bits: 384 },
  [id_secp521r1]: { name: 'P-521', bits: 521 },
};

/** RFC 8410 §3 */
export const ID_ED25519 = '1.3.101.112';
const ID_ED448 = '1.3.101.113';

function publicKeyFacts(spki: SubjectPublicKeyInfo): PublicKeyFacts {
  const oid = spki.algorithm.algorithm;
  if (oid === id_rsaEncryption) {
    const key = AsnParser.parse(spki.subjectPublicKey, RSAPublicKey);
    return { algorithm: 'RSA', bits: bitLength(new Uint8Array(key.modulus)) };
  }
  if (oid === id_ecPublicKey) {
    const params = spki.algorithm.parameters ? AsnParser.parse(spki.algorithm.parameters, ECParameters) : null;
    const named = params?.namedCurve;
    const curve = named === undefined ? undefined : CURVES[named];
    return curve ? { algorithm: 'EC', curve: curve.name, bits: curve.bits } : { algorithm: 'EC', ...(named === undefined ? {} : { curve: named }) };
  }
  if (oid === ID_ED25519) return { algorithm: 'Ed25519', bits: 256 };
  if (oid === ID_ED448) return { algorithm: 'Ed448', bits: 456 };
  return { algorithm: oid };
}

function bitLength(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i] ?? 0));
}
