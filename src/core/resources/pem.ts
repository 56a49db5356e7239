/**
 * Is a value a well-formed PEM certificate bundle or private key (RFC 7468)? What a controller
 * checks before it programs a certificate: `-----BEGIN <label>-----`, a base64 body (whitespace
 * allowed, length a multiple of 4 once stripped, not empty), `-----END <label>-----`; text
 * outside the blocks is allowed (RFC 7468 §2). A certificate's DER must start as an ASN.1
 * SEQUENCE (0x30). No X.509 parsing beyond that.
 */
import type { PemVerdict } from './certificate-facts.js';
import { REDACTED_DATA, REDACTED_STRING } from './secrets.js';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END ([A-Z0-9 ]+)-----/g;
const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;
const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

/** A placeholder left by Secret redaction (or by the PEM private-key pass): the value is unknown. */
export function isPlaceholder(value: string): boolean {
  return value === REDACTED_DATA || value === REDACTED_STRING || /^-----BEGIN [A-Z ]*PRIVATE KEY----- REDACTED -----END [A-Z ]*PRIVATE KEY-----\s*$/.test(value.trim());
}

/** `tls.crt`, `ca.crt`: one or more CERTIFICATE blocks. */
export function checkCertificates(pem: string): PemVerdict {
  return checkBlocks(pem, (label) => label === 'CERTIFICATE', 'a PEM certificate (-----BEGIN CERTIFICATE-----)', true);
}

/** `tls.key`: one private key block (PKCS#8, PKCS#1 RSA or SEC1 EC); an encrypted key cannot be loaded. */
export function checkPrivateKey(pem: string): PemVerdict {
  if (pem.includes('ENCRYPTED PRIVATE KEY') || pem.includes('Proc-Type: 4,ENCRYPTED')) return { state: 'invalid', problem: 'the private key is encrypted: a controller cannot load it without its passphrase' };
  const v = checkBlocks(pem, (label) => KEY_LABELS.has(label), 'a PEM private key (-----BEGIN PRIVATE KEY-----)', false);
  if (v.state === 'valid' && v.blocks > 1) return { state: 'invalid', problem: `it holds ${v.blocks} private keys; one is expected` };
  return v;
}

function checkBlocks(pem: string, wanted: (label: string) => boolean, what: string, der: boolean): PemVerdict {
  if (isPlaceholder(pem)) return { state: 'unknown' };
  let blocks = 0;
  for (const m of pem.matchAll(BLOCK)) {
    const [, begin = '', body = '', end = ''] = m;
    if (begin !== end) return { state: 'invalid', problem: `a PEM block begins as ${begin} and ends as ${end}` };
    if (!wanted(begin)) continue;
    const base64 = body.replace(/\s+/g, '');
    if (base64 === '' || base64.length % 4 !== 0 || !BASE64_BODY.test(base64)) return { state: 'invalid', problem: `the body of its ${begin} block is not well-formed base64` };
    if (der && decodeBase64(base64.slice(0, 4))?.charCodeAt(0) !== 0x30) return { state: 'invalid', problem: `its ${begin} block does not hold DER (an ASN.1 SEQUENCE)` };
    blocks++;
  }
  return blocks > 0 ? { state: 'valid', blocks } : { state: 'invalid', problem: `it is not ${what}` };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 → a binary string (one char per byte); null when it is not base64 (RFC 4648 §4, padding optional). */
export function decodeBase64(text: string): string | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) return null;
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of clean.replace(/=+$/, '')) {
    acc = ((acc << 6) | ALPHABET.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}
