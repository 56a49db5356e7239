import { describe, expect, it } from 'vitest';
import { certificatePem, keyPair, privateKeyPem, tlsSecretYaml } from '../../../testing/certificates.js';
import { review } from '../../verdict/index.js';
import { certificateCovers, sanCovers } from '../../compile/tls/hostnames.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const days = (n: number): Date => new Date(NOW.getTime() + n * 86_400_000);
const EC = keyPair('ec');
const cert = (dnsNames: string[], notBefore = days(-100), notAfter = days(265)): string => certificatePem({ cn: dnsNames[0] ?? 'x', dnsNames, notBefore, notAfter, key: EC });
const secret = (name: string, crt: string, key = privateKeyPem(EC)): string => tlsSecretYaml('default', name, crt, key);

const gateway = (hostname: string | null, secretName = 'shop-tls'): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: example
  listeners:
  - name: https
    port: 443
    protocol: HTTPS
${hostname === null ? '' : `    hostname: "${hostname}"\n`}    tls:
      mode: Terminate
      certificateRefs: [{name: ${secretName}}]
`;
const istioGateway = (hosts: string[], mode = 'SIMPLE'): string => `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: igw, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: [${hosts.map((h) => `"${h}"`).join(', ')}]
    tls: {mode: ${mode}, credentialName: shop-tls}
`;

const codes = (...docs: string[]): string[] =>
  review([{ name: 'd.yaml', text: docs.join('---\n') }], { now: NOW })
    .diagnostics.filter((d) => d.code.startsWith('Certificate') || d.code === 'BackendTLSNotConfirmed')
    .map((d) => `${d.code}@${d.resource?.kind ?? ''}:${d.path ?? ''}`);

describe('RFC 6125 name matching', () => {
  it.each([
    ['shop.example.com', 'shop.example.com', true],
    ['SHOP.example.com', 'shop.EXAMPLE.com.', true],
    ['*.example.com', 'shop.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.b.example.com', false],
    ['f*.example.com', 'foo.example.com', false],
    ['shop.example.com', 'cart.example.com', false],
  ])('SAN %s covers %s: %s', (san, host, expected) => expect(sanCovers(san, host)).toBe(expected));
  const facts = { subject: '', issuer: '', ipAddresses: [], notBefore: '', notAfter: '', isCA: false, publicKey: { algorithm: 'EC' }, sha256: '' };
  it.each([
    [['*.example.com'], '*.example.com', true],
    [['a.example.com', 'b.example.com'], '*.example.com', false],
    [['*.example.com'], '*.shop.example.com', false],
  ])('certificate %j covers listener hostname %s: %s', (dnsNames, host, expected) => expect(certificateCovers({ ...facts, dnsNames }, host)).toBe(expected));
});

describe('listener hostnames and their certificates', () => {
  it.each([
    ['covered exactly', gateway('shop.example.com'), cert(['shop.example.com']), []],
    ['covered by a wildcard SAN', gateway('shop.example.com'), cert(['*.example.com']), []],
    ['no hostname: any name, no problem', gateway(null), cert(['shop.example.com']), []],
    ['not covered', gateway('cart.example.com'), cert(['shop.example.com']), ['CertificateHostnameNotCovered@Gateway:spec.listeners[0].hostname']],
    ['a wildcard listener needs the wildcard', gateway('*.example.com'), cert(['shop.example.com']), ['CertificateHostnameNotCovered@Gateway:spec.listeners[0].hostname']],
    ['wildcard SAN is one label only', gateway('a.shop.example.com'), cert(['*.example.com']), ['CertificateHostnameNotCovered@Gateway:spec.listeners[0].hostname']],
    ['Istio server host not covered', istioGateway(['default/cart.example.com']), cert(['shop.example.com']), ['CertificateHostnameNotCovered@Gateway:spec.servers[0].hosts[0]']],
    ['Gateway API Passthrough serves no certificate', gateway('cart.example.com').replace('mode: Terminate', 'mode: Passthrough'), cert(['shop.example.com']), []],
    ['Istio server host "*"', istioGateway(['*']), cert(['shop.example.com']), []],
    ['Istio PASSTHROUGH serves no certificate', istioGateway(['cart.example.com'], 'PASSTHROUGH'), cert(['shop.example.com']), []],
  ])('%s', (_, gw, crt, expected) => expect(codes(gw, secret('shop-tls', crt))).toEqual(expected));

  it('a Secret redacted before this session gives no problem', () => {
    const redacted = `apiVersion: v1\nkind: Secret\nmetadata: {name: shop-tls, namespace: default}\ntype: kubernetes.io/tls\ndata:\n  tls.crt: UkVEQUNURUQ=\n  tls.key: UkVEQUNURUQ=\n`;
    expect(codes(gateway('cart.example.com'), redacted)).toEqual([]);
  });
});

describe('validity against today, and the key', () => {
  it.each([
    ['valid for 265 more days', cert(['a.example.com']), []],
    ['expired yesterday', cert(['a.example.com'], days(-400), days(-1)), ['CertificateExpired@Secret:data["tls.crt"]']],
    ['not valid before tomorrow', cert(['a.example.com'], days(1), days(300)), ['CertificateNotYetValid@Secret:data["tls.crt"]']],
    ['expires in 29 days', cert(['a.example.com'], days(-300), days(29.5)), ['CertificateExpiringSoon@Secret:data["tls.crt"]']],
    ['expires in 31 days', cert(['a.example.com'], days(-300), days(31.5)), []],
  ])('%s', (_, crt, expected) => expect(codes(secret('a-tls', crt))).toEqual(expected));

  it('an expired intermediate of the chain counts', () => {
    const ca = keyPair('ec');
    const chain = certificatePem({ cn: 'leaf', dnsNames: ['a.example.com'], notBefore: days(-10), notAfter: days(100), key: EC, issuer: { cn: 'CA', key: ca } }) + certificatePem({ cn: 'CA', isCA: true, notBefore: days(-900), notAfter: days(-2), key: ca });
    expect(codes(secret('a-tls', chain))).toEqual(['CertificateExpired@Secret:data["tls.crt"]']);
  });

  it('a key that is not the certificate’s is an error, at tls.key', () => {
    expect(codes(secret('a-tls', cert(['a.example.com']), privateKeyPem(keyPair('ec'))))).toEqual(['CertificateKeyMismatch@Secret:data["tls.key"]']);
  });
});

describe('BackendTLSPolicy: what the design can and cannot confirm', () => {
  const ca = certificatePem({ cn: 'Backend CA', isCA: true, notBefore: days(-10), notAfter: days(900), key: keyPair('ec') });
  const policy = (validation: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: tls, namespace: default}
spec:
  targetRefs: [{group: "", kind: Service, name: api}]
  validation:
${validation}`;
  const configMap = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ca, namespace: default}\ndata:\n  ca.crt: |\n${ca.split('\n').map((l) => `    ${l}`).join('\n')}\n`;
  const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: default}\nspec: {ports: [{port: 443}]}\n';

  it('a note at the hostname naming the CA it read', () => {
    const d = review([{ name: 'd.yaml', text: [policy('    hostname: api.internal\n    caCertificateRefs: [{group: "", kind: ConfigMap, name: ca}]\n'), configMap, service].join('---\n') }], { now: NOW }).diagnostics.find((x) => x.code === 'BackendTLSNotConfirmed');
    expect(d).toMatchObject({ severity: 'info', path: 'spec.validation.hostname' });
    expect(d?.message).toContain('api.internal');
    expect(d?.message).toContain('CN=Backend CA (a CA)');
  });
  it('the system trust store is said so', () => {
    const d = review([{ name: 'd.yaml', text: [policy('    hostname: api.internal\n    wellKnownCACertificates: System\n'), service].join('---\n') }], { now: NOW }).diagnostics.find((x) => x.code === 'BackendTLSNotConfirmed');
    expect(d?.message).toContain('system trust store');
  });
});

describe('no key material in what review() gives', () => {
  it('diagnostics, resources and the table hold nothing of tls.key', () => {
    const other = keyPair('rsa');
    const keyPem = privateKeyPem(other);
    const v = review([{ name: 'd.yaml', text: [gateway('cart.example.com'), secret('shop-tls', cert(['shop.example.com']), keyPem)].join('---\n') }], { now: NOW });
    expect(v.diagnostics.map((d) => d.code)).toContain('CertificateKeyMismatch');
    const everything = JSON.stringify({ d: v.diagnostics, r: v.parsed.resources, f: v.parsed.files, c: [...(v.compiled?.table.certificates ?? new Map()).entries()] });
    const body = keyPem.split('\n').slice(1, -2).join('');
    const jwk = other.privateKey.export({ format: 'jwk' });
    for (const chunk of [body.slice(0, 40), body.slice(300, 340), Buffer.from(keyPem).toString('base64').slice(0, 40), String(jwk.d).slice(0, 24), String(jwk.p).slice(0, 24)]) expect(everything).not.toContain(chunk);
  });
});
