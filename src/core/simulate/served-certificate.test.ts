import { describe, expect, it } from 'vitest';
import { certificatePem, keyPair, privateKeyPem, tlsSecretYaml } from '../../testing/certificates.js';
import { compile } from '../compile/index.js';
import { parse } from '../resources/parse.js';
import { simulate } from './index.js';
import { parseRequest } from './parse-request.js';
import { installCertificateReader } from '../resources/install-certificate-reader.js';

// The parser reads certificates where review() runs (certificate-reader.ts); these tests call the parser directly.
installCertificateReader();

// Issue 13: the answer for an HTTPS or TLS request names the certificate served for the SNI.
const key = keyPair('ec');
const pem = (cn: string, dnsNames: string[]): string => certificatePem({ cn, dnsNames, notBefore: new Date('2026-01-01Z'), notAfter: new Date('2027-03-01Z'), key });
const secrets = tlsSecretYaml('default', 'shop-tls', pem('shop', ['shop.example.com']), privateKeyPem(key)) + '---\n' + tlsSecretYaml('default', 'wild-tls', pem('wild', ['*.example.com']), privateKeyPem(key));

const gatewayApi = (mode: string, refs: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: example
  listeners:
  - {name: web, port: 80, protocol: HTTP}
  - name: https
    port: 443
    protocol: ${mode === 'Passthrough' ? 'TLS' : 'HTTPS'}
    tls: {mode: ${mode}, certificateRefs: [${refs}]}
    allowedRoutes: {kinds: [{kind: ${mode === 'Passthrough' ? 'TLSRoute' : 'HTTPRoute'}}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: default}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: svc, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec: {ports: [{port: 80}]}
`;
const istio = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: igw, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: https, protocol: HTTPS}
    hosts: ["*.example.com"]
    tls: {mode: SIMPLE, credentialName: wild-tls}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: default}
spec:
  hosts: ["*.example.com"]
  gateways: [igw]
  http: [{route: [{destination: {host: svc}}]}]
---
apiVersion: v1
kind: Service
metadata: {name: svc, namespace: default}
spec: {ports: [{port: 80}]}
`;

const answer = (design: string, request: string) => {
  const table = compile(parse([{ name: 'd.yaml', text: `${design}---\n${secrets}` }]).resources).table;
  const r = parseRequest(request);
  if (!r.ok) throw new Error(r.error);
  return simulate(table, r.request);
};

describe('the certificate served for the SNI', () => {
  it.each([
    ['the one certificate', gatewayApi('Terminate', '{name: shop-tls}'), 'GET https://shop.example.com/', { secret: { namespace: 'default', name: 'shop-tls' }, sni: 'shop.example.com', covers: true, names: ['shop.example.com'], notAfter: '2027-03-01T00:00:00.000Z' }],
    ['the one that covers the SNI, of two', gatewayApi('Terminate', '{name: shop-tls}, {name: wild-tls}'), 'GET https://cart.example.com/', { secret: { namespace: 'default', name: 'wild-tls' }, covers: true }],
    ['none covers: the first, said so', gatewayApi('Terminate', '{name: shop-tls}'), 'GET https://cart.example.com/', { secret: { namespace: 'default', name: 'shop-tls' }, covers: false }],
    ['an Istio server credential', istio, 'GET https://cart.example.com/', { secret: { namespace: 'default', name: 'wild-tls' }, covers: true, subject: 'CN=wild' }],
  ])('%s', (_, design, request, expected) => expect(answer(design, request).certificate).toMatchObject(expected));

  it.each([
    ['plain HTTP', gatewayApi('Terminate', '{name: shop-tls}'), 'GET http://shop.example.com/'],
    ['TLS passthrough (the backend serves its own)', gatewayApi('Passthrough', '{name: shop-tls}'), 'TLS tls://shop.example.com:443'],
  ])('none for %s', (_, design, request) => {
    const d = answer(design, request);
    expect(d.listener).not.toBeNull();
    expect(d.certificate).toBeUndefined();
  });

  it('a redacted Secret: named, and said unread', () => {
    const table = compile(parse([{ name: 'd.yaml', text: `${gatewayApi('Terminate', '{name: shop-tls}')}---\napiVersion: v1\nkind: Secret\nmetadata: {name: shop-tls, namespace: default}\ndata: {tls.crt: UkVEQUNURUQ=, tls.key: UkVEQUNURUQ=}\n` }]).resources).table;
    const r = parseRequest('GET https://shop.example.com/');
    if (!r.ok) throw new Error(r.error);
    expect(simulate(table, r.request).certificate).toMatchObject({ secret: { name: 'shop-tls' }, covers: null, unread: 'cannot read: redacted before this session' });
  });
});
