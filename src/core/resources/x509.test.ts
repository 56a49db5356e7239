import { describe, expect, it } from 'vitest';
import { certificatePem, keyPair, privateKeyPem, tlsSecretYaml, type KeyType } from '../../testing/certificates.js';
import { parse } from './parse.js';
import { secretFactsOf } from './secret-facts.js';
import { readCertificates } from './x509.js';
import { installCertificateReader } from './install-certificate-reader.js';

// The parser reads certificates where review() runs (certificate-reader.ts); these tests call the parser directly.
installCertificateReader();

// RFC 5280 §4.1 facts of certificates made here (no upstream certificate is copied).
const FROM = new Date('2026-01-01T00:00:00Z');
const TO = new Date('2027-01-01T00:00:00Z');
const facts = (pem: string) => {
  const r = readCertificates(pem);
  if (!r.ok) throw new Error(r.problem);
  return r.certificates.map((c) => c.facts);
};
const secret = (crt: string, key: string) => secretFactsOf({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { 'tls.crt': crt, 'tls.key': key } });

describe('reading certificates', () => {
  it.each([
    ['rsa', { algorithm: 'RSA', bits: 2048 }],
    ['ec', { algorithm: 'EC', curve: 'P-256', bits: 256 }],
    ['ed25519', { algorithm: 'Ed25519', bits: 256 }],
  ] as const)('%s: names, validity, key, fingerprint', (type: KeyType, publicKey) => {
    const key = keyPair(type);
    const [c] = facts(certificatePem({ cn: 'shop.example.com', dnsNames: ['shop.example.com', '*.shop.example.com'], ipAddresses: ['10.0.0.7', '2001:db8::1'], notBefore: FROM, notAfter: TO, key }));
    expect(c).toMatchObject({ subject: 'CN=shop.example.com', issuer: 'CN=shop.example.com', dnsNames: ['shop.example.com', '*.shop.example.com'], notBefore: FROM.toISOString(), notAfter: TO.toISOString(), isCA: false, publicKey });
    expect(c?.ipAddresses).toHaveLength(2);
    expect(c?.ipAddresses[0]).toBe('10.0.0.7');
    expect(c?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('reads a chain of two, leaf first, and the CA flag', () => {
    const ca = keyPair('ec');
    const leafKey = keyPair('ec');
    const chain = certificatePem({ cn: 'leaf', dnsNames: ['a.example.com'], notBefore: FROM, notAfter: TO, key: leafKey, issuer: { cn: 'Example CA', key: ca } }) + certificatePem({ cn: 'Example CA', isCA: true, notBefore: FROM, notAfter: TO, key: ca });
    const [leaf, root] = facts(chain);
    expect([leaf?.subject, leaf?.issuer, leaf?.isCA]).toEqual(['CN=leaf', 'CN=Example CA', false]);
    expect([root?.subject, root?.isCA, root?.dnsNames]).toEqual(['CN=Example CA', true, []]);
    expect(leaf?.sha256).not.toBe(root?.sha256);
  });

  it('says what it cannot decode instead of guessing', () => {
    const r = readCertificates('-----BEGIN CERTIFICATE-----\nMAAA\n-----END CERTIFICATE-----');
    expect(r.ok).toBe(false);
    expect(secret('-----BEGIN CERTIFICATE-----\nMAAA\n-----END CERTIFICATE-----', privateKeyPem(keyPair('ec')))['tls.crt']).toMatchObject({ state: 'valid', unreadable: expect.stringContaining('not an X.509 certificate') });
  });
});

describe('does tls.key pair with the certificate', () => {
  it.each([
    ['rsa', 'pkcs8', true],
    ['rsa', 'traditional', true],
    ['ec', 'pkcs8', true],
    ['ec', 'traditional', true],
  ] as const)('%s %s key of the certificate → matches', (type, form, expected) => {
    const key = keyPair(type);
    const crt = certificatePem({ cn: 'x', dnsNames: ['x.example.com'], notBefore: FROM, notAfter: TO, key });
    expect(secret(crt, privateKeyPem(key, form))['tls.key']).toMatchObject({ state: 'valid', keyMatches: expected });
    expect(secret(crt, privateKeyPem(keyPair(type), form))['tls.key']).toMatchObject({ state: 'valid', keyMatches: false });
  });
  it('an RSA key for an EC certificate does not match', () => {
    const crt = certificatePem({ cn: 'x', notBefore: FROM, notAfter: TO, key: keyPair('ec') });
    expect(secret(crt, privateKeyPem(keyPair('rsa')))['tls.key']).toMatchObject({ keyMatches: false });
  });
  it('an Ed25519 key cannot be confirmed (it holds no public key): said, not guessed', () => {
    const key = keyPair('ed25519');
    const v = secret(certificatePem({ cn: 'x', notBefore: FROM, notAfter: TO, key }), privateKeyPem(key))['tls.key'];
    expect(v).toMatchObject({ state: 'valid', keyUnconfirmed: expect.stringContaining('Ed25519') });
    expect(v && 'keyMatches' in v).toBe(false);
  });
});

describe('facts are read before redaction, and hold no key material', () => {
  const key = keyPair('rsa');
  const crt = certificatePem({ cn: 'shop.example.com', dnsNames: ['shop.example.com'], notBefore: FROM, notAfter: TO, key });
  const keyPem = privateKeyPem(key);
  const yaml = tlsSecretYaml('default', 'shop-tls', crt, keyPem);

  it('the parsed Secret carries the facts, and nothing of the key', () => {
    const parsed = parse([{ name: 'a.yaml', text: yaml }]);
    const r = parsed.resources.find((x) => x.kind === 'Secret');
    expect(r?.secretFacts?.['tls.crt']).toMatchObject({ state: 'valid', certificates: [{ dnsNames: ['shop.example.com'] }] });
    expect(r?.secretFacts?.['tls.key']).toMatchObject({ keyMatches: true });
    const everything = JSON.stringify({ resources: parsed.resources, diagnostics: parsed.diagnostics });
    const body = keyPem.split('\n').slice(1, -2).join('');
    for (const chunk of [body.slice(0, 40), body.slice(200, 240), Buffer.from(keyPem).toString('base64').slice(0, 40)]) expect(everything).not.toContain(chunk);
    const jwk = key.privateKey.export({ format: 'jwk' });
    for (const part of [jwk.d, jwk.p, jwk.q]) expect(everything).not.toContain(String(part).slice(0, 24));
  });

  it('a design redacted before this session: unknown, not guessed', () => {
    const redacted = parse([{ name: 'a.yaml', text: yaml }]).files[0]?.text ?? '';
    expect(redacted).not.toContain(Buffer.from(keyPem).toString('base64').slice(0, 40));
    const again = parse([{ name: 'a.yaml', text: redacted }]).resources.find((x) => x.kind === 'Secret');
    expect(again?.secretFacts).toEqual({ 'tls.crt': { state: 'unknown' }, 'tls.key': { state: 'unknown' } });
  });
});

describe('without the reader installed (the page, outside review())', () => {
  it('a Secret has its PEM verdicts only, never a guess', async () => {
    const { setCertificateReader, certificateReader } = await import('./certificate-reader.js');
    const reader = certificateReader();
    expect(reader).not.toBeNull();
    const key = keyPair('ec');
    const crt = certificatePem({ cn: 'x', dnsNames: ['x.example.com'], notBefore: FROM, notAfter: TO, key });
    try {
      setCertificateReader(null);
      expect(secret(crt, privateKeyPem(key))).toEqual({ 'tls.crt': { state: 'valid', blocks: 1 }, 'tls.key': { state: 'valid', blocks: 1 } });
    } finally {
      if (reader) setCertificateReader(reader);
    }
  });
});
