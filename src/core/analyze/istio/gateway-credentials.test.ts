import { describe, expect, it } from 'vitest';
import { analyzerInput, where } from './analyzer-testing.js';
import { analyzeCredentialNotFound } from './credential-not-found.js';
import { analyzeInvalidCredential } from './invalid-credential.js';

const gw = (cred: string, ns = 'istio-system', extraTls = ''): string =>
  `---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: ${ns}}\nspec:\n  selector: {istio: ingressgateway}\n` +
  `  servers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: [httpbin.example.com], tls: {mode: SIMPLE${cred === '' ? '' : `, credentialName: "${cred}"`}${extraTls}}}]\n`;
// base64 of well-formed PEM blocks (RFC 7468): a certificate and a private key (dummy bodies).
const PEM_CERT = 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1BQUEKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQ==';
const PEM_KEY = 'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCkFBQUEKLS0tLS1FTkQgUFJJVkFURSBLRVktLS0tLQ==';
const NOT_PEM = 'aGk='; // "hi"
const value = (key: string): string => (key.endsWith('key') ? PEM_KEY : PEM_CERT);
const secret = (name: string, keys: readonly string[], ns = 'istio-system', field = 'data', values = value): string =>
  `---\napiVersion: v1\nkind: Secret\nmetadata: {name: ${name}, namespace: ${ns}}\ntype: kubernetes.io/tls\n${field}: {${keys.map((k) => `${k}: ${values(k)}`).join(', ')}}\n`;
const TLS = ['tls.crt', 'tls.key'];
const AT = 'Gateway istio-system/gw spec.servers[0].tls.credentialName';

// Cases after istioctl's testdata gateway-secrets.yaml (the workload's namespace is the
// Gateway's here: the design holds no Pods).
describe('IstioCredentialNotFound (IST0101)', () => {
  it.each([
    ['a Secret in no namespace of the design', gw('httpbin-credential-bogus') + secret('httpbin-credential', TLS), [AT]],
    ['a Secret in another namespace than ns/name says', gw('shop/cred') + secret('cred', TLS), [AT]],
    ['each of credentialNames', gw('', 'istio-system', ', credentialNames: [cred, other]') + secret('cred', TLS), ['Gateway istio-system/gw spec.servers[0].tls.credentialNames[1]']],
    ['the Secret next to the Gateway', gw('httpbin-credential') + secret('httpbin-credential', TLS), []],
    ['the Secret in istio-system, the Gateway in default (Istio’s secure ingress task)', gw('httpbin-credential', 'default') + secret('httpbin-credential', TLS), []],
    ['ns/name naming the Secret’s namespace', gw('istio-system/cred', 'default') + secret('cred', TLS), []],
    ['no credentialName', gw(''), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeCredentialNotFound(analyzerInput(yaml));
    expect(where(found)).toEqual(expected);
    expect(found.every((d) => d.istioCode === 'IST0101' && d.severity === 'error')).toBe(true);
  });

  it('--assume-external takes the missing Secret as present', () => {
    expect(analyzeCredentialNotFound(analyzerInput(gw('missing'), { assumeExternal: true }))).toEqual([]);
  });

  it('says where istiod looks and what to add', () => {
    const [d] = analyzeCredentialNotFound(analyzerInput(gw('missing')));
    expect(d?.message).toContain('namespace istio-system');
    expect(d?.message).toContain('add a kubernetes.io/tls Secret missing');
  });
});

// Cases after istioctl's testdata gateway-secrets-validation.yaml; values are redacted on import,
// so only the keys can be read (istioctl also parses the certificate).
describe('IstioInvalidCredential (IST0161)', () => {
  it.each([
    ['wrong key names', secret('c', ['tls.cert', 'tls.key']), true],
    ['a missing key', secret('c', ['tls.crt']), true],
    ['no data', '---\napiVersion: v1\nkind: Secret\nmetadata: {name: c, namespace: istio-system}\n', true],
    ['tls.crt and tls.key', secret('c', TLS), false],
    ['cert and key (the generic form)', secret('c', ['cert', 'key', 'cacert']), false],
    ['keys given in stringData', secret('c', TLS, 'istio-system', 'stringData', (k) => (k === 'tls.key' ? '"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----"' : '"-----BEGIN CERTIFICATE-----\\nMAAA\\n-----END CERTIFICATE-----"')), false],
    ['a tls.crt that is not PEM', secret('c', TLS, 'istio-system', 'data', (k) => (k === 'tls.crt' ? NOT_PEM : PEM_KEY)), true],
    ['a tls.key that is not PEM', secret('c', TLS, 'istio-system', 'data', (k) => (k === 'tls.key' ? NOT_PEM : PEM_CERT)), true],
    ['values already redacted (unknown: taken as valid)', secret('c', TLS, 'istio-system', 'data', () => 'UkVEQUNURUQ='), false],
  ])('%s → %s', (_, secretYaml, reported) => {
    const found = analyzeInvalidCredential(analyzerInput(gw('c') + secretYaml));
    expect(where(found)).toEqual(reported ? [AT] : []);
    expect(found.every((d) => d.istioCode === 'IST0161' && d.severity === 'error')).toBe(true);
  });

  it('points at the Secret too and names its keys', () => {
    const [d] = analyzeInvalidCredential(analyzerInput(gw('c') + secret('c', ['tls.crt'])));
    expect(d?.related?.map((r) => `${r.resource.name} ${r.path} ${r.role}`)).toEqual(['c data credential']);
    expect(d?.message).toContain('it holds tls.crt)');
    expect(d?.message).toContain('tls.key');
  });

  it('says what is wrong with the PEM', () => {
    const [d] = analyzeInvalidCredential(analyzerInput(gw('c') + secret('c', TLS, 'istio-system', 'data', (k) => (k === 'tls.crt' ? NOT_PEM : PEM_KEY))));
    expect(d?.message).toContain('istio-system/c has a tls.crt that is not well-formed PEM');
  });

  it('of two Secrets that may be the credential, one usable is enough', () => {
    const yaml = gw('c', 'default') + secret('c', ['tls.crt']) + secret('c', TLS, 'istio-gateways');
    expect(analyzeInvalidCredential(analyzerInput(yaml))).toEqual([]);
  });

  it('a missing Secret is not also invalid', () => {
    expect(analyzeInvalidCredential(analyzerInput(gw('missing')))).toEqual([]);
  });
});
