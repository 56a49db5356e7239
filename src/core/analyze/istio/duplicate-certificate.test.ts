import { describe, expect, it } from 'vitest';
import { analyzerInput, where } from './analyzer-testing.js';
import { analyzeDuplicateCertificate } from './duplicate-certificate.js';

const gw = (name: string, tls: string, selector = '{istio: ingressgateway}', ns = 'istio-system', port = 443): string =>
  `---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: ${selector}\n` +
  `  servers: [{port: {number: ${port}, name: https, protocol: HTTPS}, hosts: [${name}.example.com]${tls === '' ? '' : `, tls: ${tls}`}}]\n`;
const cred = (name: string): string => `{mode: SIMPLE, credentialName: ${name}}`;
const files = (cert: string, key: string): string => `{mode: SIMPLE, serverCertificate: ${cert}, privateKey: ${key}}`;
const INTERNAL = '{istio: ingressgateway, type: internal}';

// Cases after istioctl's testdata gateway-duplicate-certificate.yaml.
describe('IstioDuplicateCertificate (IST0138)', () => {
  it.each([
    ['one credentialName in two Gateways of one selector', gw('a', cred('wild')) + gw('b', cred('wild')), ['Gateway istio-system/a spec.servers[0].tls.credentialName', 'Gateway istio-system/b spec.servers[0].tls.credentialName']],
    ['a selector included in the other’s: only the wider Gateway', gw('a', cred('wild')) + gw('b', cred('wild'), INTERNAL), ['Gateway istio-system/a spec.servers[0].tls.credentialName']],
    ['across namespaces', gw('a', cred('wild'), '{istio: ingressgateway}', 'default') + gw('b', cred('wild'), INTERNAL), ['Gateway default/a spec.servers[0].tls.credentialName']],
    ['a Gateway without selector meets every Gateway', gw('a', cred('wild'), '{}') + gw('b', cred('wild')), ['Gateway istio-system/a spec.servers[0].tls.credentialName']],
    ['on different ports too (istioctl compares no ports)', gw('a', cred('wild')) + gw('b', cred('wild'), '{istio: ingressgateway}', 'istio-system', 8443), ['Gateway istio-system/a spec.servers[0].tls.credentialName', 'Gateway istio-system/b spec.servers[0].tls.credentialName']],
    ['the same certificate and key files', gw('a', files('/c.pem', '/k.pem')) + gw('b', files('/c.pem', '/k.pem')), ['Gateway istio-system/a spec.servers[0].tls.serverCertificate', 'Gateway istio-system/b spec.servers[0].tls.serverCertificate']],
    ['different credentials', gw('a', cred('a-cert')) + gw('b', cred('b-cert')), []],
    ['unrelated selectors', gw('a', cred('wild'), '{istio: a}') + gw('b', cred('wild'), '{istio: b}'), []],
    ['the same file with different keys', gw('a', files('/c.pem', '/k1.pem')) + gw('b', files('/c.pem', '/k2.pem')), []],
    ['a credential and files', gw('a', cred('wild')) + gw('b', files('/c.pem', '/k.pem')), []],
    ['servers without tls', gw('a', '') + gw('b', ''), []],
    ['one Gateway', gw('a', cred('wild')), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeDuplicateCertificate(analyzerInput(yaml));
    expect(where(found)).toEqual(expected);
    expect(found.every((d) => d.istioCode === 'IST0138' && d.severity === 'warning')).toBe(true);
  });

  it('names the other Gateway and what to change', () => {
    const [d] = analyzeDuplicateCertificate(analyzerInput(gw('a', cred('wild')) + gw('b', cred('wild'))));
    expect(d?.message).toContain('istio-system/b');
    expect(d?.message).toContain('give each Gateway its own certificate');
  });
});
