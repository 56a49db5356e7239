/**
 * Is `tls.key` the private key of the certificate (the first of `tls.crt`)? Decided without
 * WebCrypto, by comparing the public key that the private key's own structure carries with the
 * certificate's SubjectPublicKeyInfo: RSA modulus and public exponent (PKCS#1 RSAPrivateKey,
 * RFC 8017 §A.1.2, bare or inside PKCS#8, RFC 5208), an EC key's curve and public point (SEC1
 * ECPrivateKey, RFC 5915 §3: `publicKey` is optional — without it the match cannot be
 * confirmed). An Ed25519/Ed448 PKCS#8 key holds only the seed (RFC 8410 §7): deriving the public
 * key needs curve arithmetic this reader does not do, so it says it cannot confirm.
 * Only the answer leaves this file; the key's fields are dropped with the parse.
 */
import { ECParameters, ECPrivateKey, id_ecPublicKey } from '@peculiar/asn1-ecc';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { RSAPrivateKey, RSAPublicKey, id_rsaEncryption } from '@peculiar/asn1-rsa';
import { AsnParser } from '@peculiar/asn1-schema';
import type { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { derBlocks, sameUnsigned } from './pem-der.js';
import { ID_ED25519 } from './x509.js';

export type KeyMatch = { readonly matches: boolean } | { readonly unconfirmed: string };

const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

export function keyMatch(keyPem: string, spki: SubjectPublicKeyInfo): KeyMatch {
  const block = derBlocks(keyPem, KEY_LABELS)[0];
  if (!block) return { unconfirmed: 'the private key block could not be decoded' };
  try {
    if (block.label === 'RSA PRIVATE KEY') return rsaMatch(AsnParser.parse(block.der, RSAPrivateKey), spki);
    if (block.label === 'EC PRIVATE KEY') return ecMatch(AsnParser.parse(block.der, ECPrivateKey), undefined, spki);
    const info = AsnParser.parse(block.der, PrivateKeyInfo);
    const oid = info.privateKeyAlgorithm.algorithm;
    if (oid === id_rsaEncryption) return rsaMatch(AsnParser.parse(info.privateKey.buffer, RSAPrivateKey), spki);
    if (oid === id_ecPublicKey) {
      const params = info.privateKeyAlgorithm.parameters;
      const curve = params ? AsnParser.parse(params, ECParameters).namedCurve : undefined;
      return ecMatch(AsnParser.parse(info.privateKey.buffer, ECPrivateKey), curve, spki);
    }
    if (oid !== spki.algorithm.algorithm) return { matches: false };
    if (oid === ID_ED25519) return { unconfirmed: 'an Ed25519 private key (PKCS#8) does not hold its public key, and deriving it is not done here' };
    return { unconfirmed: `keys of algorithm ${oid} are not compared here` };
  } catch {
    return { unconfirmed: 'the private key could not be decoded' };
  }
}

function rsaMatch(key: RSAPrivateKey, spki: SubjectPublicKeyInfo): KeyMatch {
  if (spki.algorithm.algorithm !== id_rsaEncryption) return { matches: false };
  const pub = AsnParser.parse(spki.subjectPublicKey, RSAPublicKey);
  return { matches: sameUnsigned(key.modulus, pub.modulus) && sameUnsigned(key.publicExponent, pub.publicExponent) };
}

function ecMatch(key: ECPrivateKey, pkcs8Curve: string | undefined, spki: SubjectPublicKeyInfo): KeyMatch {
  if (spki.algorithm.algorithm !== id_ecPublicKey) return { matches: false };
  const certCurve = spki.algorithm.parameters ? AsnParser.parse(spki.algorithm.parameters, ECParameters).namedCurve : undefined;
  const keyCurve = key.parameters?.namedCurve ?? pkcs8Curve;
  if (keyCurve !== undefined && certCurve !== undefined && keyCurve !== certCurve) return { matches: false };
  if (key.publicKey === undefined) return { unconfirmed: 'the EC private key does not hold its public point (RFC 5915 makes it optional), and deriving it is not done here' };
  return { matches: sameUnsigned(key.publicKey, spki.subjectPublicKey) };
}
