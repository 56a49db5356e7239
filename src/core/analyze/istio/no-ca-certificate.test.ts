import { describe, expect, it } from 'vitest';
import { analyzerInput, where } from './analyzer-testing.js';
import { analyzeNoCaCertificate } from './no-ca-certificate.js';

/** A DestinationRule `db` for db.example.com; `policy` is the trafficPolicy (flow style). */
const dr = (policy: string, extra = ''): string =>
  `---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: db, namespace: default}\nspec:\n  host: db.example.com\n  trafficPolicy: ${policy}\n${extra}`;
const port = (n: number, tls: string): string => `{port: {number: ${n}}, tls: ${tls}}`;
const TOP = 'DestinationRule default/db spec.trafficPolicy.tls';
const PORT = (i: number): string => `DestinationRule default/db spec.trafficPolicy.portLevelSettings[${i}].tls`;
const SELECTOR = '  workloadSelector: {matchLabels: {app: egress}}\n';

// Cases after istioctl's testdata destinationrule-{simple,mutual}-{destination,port}*.yaml,
// destinationrule-compound-*.yaml and destinationrule-with-ca.yaml.
describe('IstioDestinationRuleNoCaCertificate (IST0128) and …PortNoCaCertificate (IST0129)', () => {
  it.each([
    ['SIMPLE for the destination', dr('{tls: {mode: SIMPLE}}'), [TOP]],
    ['MUTUAL for the destination', dr('{tls: {mode: MUTUAL, clientCertificate: /c.pem, privateKey: /k.pem}}'), [TOP]],
    ['SIMPLE at a port', dr(`{portLevelSettings: [${port(443, '{mode: SIMPLE}')}]}`), [PORT(0)]],
    ['MUTUAL at the second port', dr(`{portLevelSettings: [${port(80, '{mode: DISABLE}')}, ${port(443, '{mode: MUTUAL}')}]}`), [PORT(1)]],
    ['both levels', dr(`{tls: {mode: MUTUAL}, portLevelSettings: [${port(443, '{mode: SIMPLE}')}]}`), [TOP, PORT(0)]],
    ['credentialName without workloadSelector', dr('{tls: {mode: SIMPLE, credentialName: db-cred}}'), [TOP]],
    ['caCertificates at both levels', dr(`{tls: {mode: SIMPLE, caCertificates: /ca.pem}, portLevelSettings: [${port(443, '{mode: MUTUAL, caCertificates: /ca.pem}')}]}`), []],
    ['credentialName with a workloadSelector', dr(`{tls: {mode: SIMPLE, credentialName: db-cred}, portLevelSettings: [${port(443, '{mode: SIMPLE, credentialName: db-cred}')}]}`, SELECTOR), []],
    ['ISTIO_MUTUAL', dr('{tls: {mode: ISTIO_MUTUAL}}'), []],
    ['DISABLE', dr('{tls: {mode: DISABLE}}'), []],
    ['no tls', dr('{loadBalancer: {simple: ROUND_ROBIN}}'), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeNoCaCertificate(analyzerInput(yaml));
    expect(where(found)).toEqual(expected);
    expect(found.map((d) => d.istioCode)).toEqual(expected.map((e) => (e === TOP ? 'IST0128' : 'IST0129')));
    expect(found.map((d) => d.code)).toEqual(expected.map((e) => (e === TOP ? 'IstioDestinationRuleNoCaCertificate' : 'IstioDestinationRulePortNoCaCertificate')));
    // The proxy falls back to its system CA bundle: a note, not a warning (see no-ca-certificate.ts).
    expect(found.every((d) => d.severity === 'info')).toBe(true);
  });

  it.each([
    ['for the destination', dr('{tls: {mode: SIMPLE, insecureSkipVerify: true}}'), TOP],
    ['at a port', dr(`{portLevelSettings: [${port(443, '{mode: MUTUAL, insecureSkipVerify: true}')}]}`), PORT(0)],
  ])('insecureSkipVerify without a CA %s verifies nothing: a warning', (_, yaml, at) => {
    const found = analyzeNoCaCertificate(analyzerInput(yaml));
    expect(where(found)).toEqual([at]);
    expect(found.map((d) => d.severity)).toEqual(['warning']);
    expect(found[0]?.message).toContain('not verified at all');
  });

  it('a subset’s policy is not read (as istioctl)', () => {
    expect(analyzeNoCaCertificate(analyzerInput(dr('{}', '  subsets: [{name: v1, labels: {v: "1"}, trafficPolicy: {tls: {mode: SIMPLE}}}]\n')))).toEqual([]);
  });

  it('names the mode, host and port, and what to set', () => {
    const [d] = analyzeNoCaCertificate(analyzerInput(dr(`{portLevelSettings: [${port(443, '{mode: SIMPLE}')}]}`)));
    expect(d?.message).toContain('SIMPLE to db.example.com port 443');
    expect(d?.message).toContain("set tls.caCertificates to that CA's bundle");
  });
});
