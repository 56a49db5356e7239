/**
 * The DER bodies of a PEM text's blocks with a given label (RFC 7468 §2: text outside the blocks
 * is ignored). Shared by the certificate reader (x509.ts) and the key check (key-match.ts).
 */
import { decodeBase64 } from './pem.js';

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \1-----/g;

export interface DerBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

export function derBlocks(pem: string, labels: ReadonlySet<string>): DerBlock[] {
  const out: DerBlock[] = [];
  for (const m of pem.matchAll(BLOCK)) {
    const [, label = '', body = ''] = m;
    if (!labels.has(label)) continue;
    const binary = decodeBase64(body);
    if (binary === null) continue;
    const der = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
    out.push({ label, der });
  }
  return out;
}

/** Two byte strings equal, ignoring leading zero bytes (ASN.1 INTEGERs carry one for the sign). */
export function sameUnsigned(a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean {
  const x = strip(new Uint8Array(a));
  const y = strip(new Uint8Array(b));
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function strip(bytes: Uint8Array): Uint8Array {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}
