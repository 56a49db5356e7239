import { describe, expect, it } from 'vitest';
import { dedupeDiagnostics } from '../../verdict/dedupe.js';
import { analyzerInput, where } from './analyzer-testing.js';
import { analyzeConflictingGateways } from './conflicting-gateways.js';

/** An Istio Gateway in istio-system; `servers` are flow-style items. */
const gw = (name: string, servers: string, selector = '{istio: ingressgateway}', ns = 'istio-system'): string =>
  `---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  selector: ${selector}\n  servers: [${servers}]\n`;
const http = (port: number, hosts: string, extra = ''): string => `{port: {number: ${port}, name: http-${port}, protocol: HTTP}, hosts: [${hosts}]${extra}}`;
const tcp = (port: number, hosts: string): string => `{port: {number: ${port}, name: tcp-${port}, protocol: TCP}, hosts: [${hosts}]}`;
const https = (port: number, hosts: string, cred: string): string =>
  `{port: {number: ${port}, name: https-${port}, protocol: HTTPS}, hosts: [${hosts}], tls: {mode: SIMPLE, credentialName: ${cred}}}`;

// Cases after istioctl's testdata conflicting-gateways*.yaml and gateway-different-port.yaml.
describe('IstioConflictingGateways (IST0145)', () => {
  it.each([
    ['HTTP and TCP servers of two Gateways on one port and host', gw('beta', tcp(80, 'foo.bar')) + gw('alpha', http(80, 'foo.bar')), ['Gateway istio-system/beta spec.servers[0]', 'Gateway istio-system/alpha spec.servers[0]']],
    ['two HTTP servers, one host', gw('a', http(80, 'foo.bar')) + gw('b', http(80, '"*.x", foo.bar')), ['Gateway istio-system/a spec.servers[0]', 'Gateway istio-system/b spec.servers[0]']],
    ['only the shared port of several', gw('beta', `${tcp(80, 'foo.bar')}, ${tcp(90, 'foo.bar')}`) + gw('alpha', `${http(70, 'foo.bar')}, ${http(90, 'foo.bar')}`), ['Gateway istio-system/beta spec.servers[1]', 'Gateway istio-system/alpha spec.servers[1]']],
    ['selectors equal in another key order', gw('a', http(80, 'h'), '{istio: ingressgateway, app: x}') + gw('b', http(80, 'h'), '{app: x, istio: ingressgateway}'), ['Gateway istio-system/a spec.servers[0]', 'Gateway istio-system/b spec.servers[0]']],
    ['Gateways of two namespaces', gw('a', http(80, 'h')) + gw('b', http(80, 'h'), '{istio: ingressgateway}', 'shop'), ['Gateway istio-system/a spec.servers[0]', 'Gateway shop/b spec.servers[0]']],
    ['different ports', gw('beta', tcp(443, 'foo.bar')) + gw('alpha', http(80, 'foo.bar')), []],
    ['different hosts', gw('a', http(80, 'a.example')) + gw('b', http(80, 'b.example')), []],
    ['hosts written differently', gw('a', http(80, 'foo.bar')) + gw('b', http(80, '"*/foo.bar"')), []],
    ['different selectors', gw('a', http(80, 'h')) + gw('b', http(80, 'h'), '{istio: internal}'), []],
    ['different bind', gw('a', http(80, 'h', ', bind: 10.0.0.1')) + gw('b', http(80, 'h', ', bind: 10.0.0.2')), []],
    ['two servers of one Gateway', gw('a', `${http(80, 'h')}, ${http(80, 'h')}`), []],
    ['no port (a schema problem)', gw('a', '{hosts: [h]}') + gw('b', '{hosts: [h]}'), []],
  ])('%s', (_, yaml, expected) => {
    const input = analyzerInput(yaml);
    // Each conflicting server once: by the analyzer, or by compile where it drops the server.
    const found = [...analyzeConflictingGateways(input), ...input.compiled.filter((d) => d.istioCode === 'IST0145')];
    expect(where(found).sort()).toEqual([...expected].sort());
    expect(found.every((d) => d.istioCode === 'IST0145' && d.severity === 'error')).toBe(true);
  });

  it('names the other Gateway and what to change', () => {
    const [d] = analyzeConflictingGateways(analyzerInput(gw('a', http(80, 'foo.bar')) + gw('b', http(80, 'foo.bar'))));
    expect(d?.message).toContain('istio-system/b');
    expect(d?.message).toContain('give them different hosts or ports');
  });

  // One cause, one problem: where compile drops the server for the same conflict, its diagnostic
  // carries IST0145 and the analyzer reports only the other Gateway's server.
  it.each([
    ['IstioServerPortConflict', gw('alpha', http(80, 'foo.bar')) + gw('beta', tcp(80, 'foo.bar'))],
    ['IstioServerDuplicateTlsHost', gw('alpha', https(443, 'foo.bar', 'c1')) + gw('beta', https(443, 'foo.bar', 'c2'))],
  ])('compile’s %s carries IST0145 and the pair gives two problems, not three', (code, yaml) => {
    const input = analyzerInput(yaml);
    const fromCompile = input.compiled.filter((d) => d.code === code);
    expect(fromCompile.map((d) => [d.resource?.name, d.path, d.istioCode, d.severity])).toEqual([['beta', 'spec.servers[0]', 'IST0145', 'error']]);
    expect(where(analyzeConflictingGateways(input))).toEqual(['Gateway istio-system/alpha spec.servers[0]']);
    const all = dedupeDiagnostics([...input.compiled, ...analyzeConflictingGateways(input)]).filter((d) => d.istioCode === 'IST0145');
    expect(all.map((d) => `${d.resource?.name ?? ''} ${d.code}`).sort()).toEqual(['alpha IstioConflictingGateways', `beta ${code}`]);
  });

  it('compile’s port conflict without a shared host carries no istioctl code', () => {
    const input = analyzerInput(gw('alpha', http(80, 'a.example')) + gw('beta', tcp(80, 'b.example')));
    expect(input.compiled.filter((d) => d.code === 'IstioServerPortConflict').map((d) => [d.istioCode, d.severity])).toEqual([[undefined, 'warning']]);
    expect(analyzeConflictingGateways(input)).toEqual([]);
  });
});
