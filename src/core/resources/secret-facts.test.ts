import { describe, expect, it } from 'vitest';
import { parse } from './parse.js';
import { checkCertificates, checkPrivateKey, decodeBase64 } from './pem.js';

// RFC 7468 (PEM textual encoding): labelled blocks, base64 bodies, explanatory text allowed around them.
const CERT = '-----BEGIN CERTIFICATE-----\nMAAA\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----';
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('PEM checks', () => {
  it.each([
    [CERT, 'valid'],
    [`subject=CN=x\n${CERT}\n${CERT}\n`, 'valid'],
    ['not a certificate', 'invalid'],
    ['-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----', 'invalid'],
    ['-----BEGIN CERTIFICATE-----\nMAA\n-----END CERTIFICATE-----', 'invalid'],
    ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----', 'invalid'], // DER must be a SEQUENCE
    ['-----BEGIN CERTIFICATE-----\nMAAA\n-----END X509 CRL-----', 'invalid'],
    [KEY, 'invalid'],
    ['UkVEQUNURUQ=', 'unknown'],
  ])('certificate %j → %s', (text, state) => expect(checkCertificates(text).state).toBe(state));
  it.each([
    [KEY, 'valid'],
    ['-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----', 'valid'],
    ['-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----', 'invalid'],
    [`${KEY}\n${KEY}`, 'invalid'],
    [CERT, 'invalid'],
    ['-----BEGIN PRIVATE KEY----- REDACTED -----END PRIVATE KEY-----', 'unknown'],
  ])('private key %j → %s', (text, state) => expect(checkPrivateKey(text).state).toBe(state));
  it('decodes base64 (RFC 4648 §4) and refuses what is not', () => {
    expect(decodeBase64(b64('hello'))).toBe('hello');
    expect(decodeBase64('a$b=')).toBeNull();
  });
});

describe('Secret facts are read before redaction and kept beside the resource', () => {
  const secret = (fields: string): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ntype: kubernetes.io/tls\n${fields}`;
  it.each([
    ['data, well-formed', secret(`data:\n  tls.crt: ${b64(CERT)}\n  tls.key: ${b64(KEY)}\n`), { 'tls.crt': 'valid', 'tls.key': 'valid' }],
    ['data, not PEM', secret(`data:\n  tls.crt: ${b64('x')}\n  tls.key: ${b64('y')}\n`), { 'tls.crt': 'invalid', 'tls.key': 'invalid' }],
    ['data, not base64', secret('data:\n  tls.crt: "%%%"\n'), { 'tls.crt': 'invalid' }],
    ['stringData, a PEM key in plain text', secret(`stringData:\n  tls.crt: |\n    ${CERT.replace(/\n/g, '\n    ')}\n  tls.key: |\n    ${KEY.replace(/\n/g, '\n    ')}\n`), { 'tls.crt': 'valid', 'tls.key': 'valid' }],
    ['placeholders (a restored design)', secret('data:\n  tls.crt: UkVEQUNURUQ=\n  tls.key: UkVEQUNURUQ=\n'), { 'tls.crt': 'unknown', 'tls.key': 'unknown' }],
    ['a List item', `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n  data:\n    ca.crt: ${b64('nope')}\n`, { 'ca.crt': 'invalid' }],
  ])('%s', (_, text, expected) => {
    const parsed = parse([{ name: 'a.yaml', text }]);
    const s = parsed.resources.find((r) => r.kind === 'Secret');
    const states = Object.fromEntries(Object.entries(s?.secretFacts ?? {}).map(([k, v]) => [k, v.state]));
    expect(states).toEqual(expected);
    // values are redacted all the same; the verdicts hold no value
    expect(JSON.stringify(parsed)).not.toContain(b64(KEY));
    expect(JSON.stringify(parsed)).not.toContain('AAAA');
  });
  it('objects other than Secrets carry no facts', () => {
    const parsed = parse([{ name: 'a.yaml', text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  ca.crt: x\n` }]);
    expect(parsed.resources[0]?.secretFacts).toBeUndefined();
  });
});
