import { describe, expect, it } from 'vitest';
import { analyzerInput, where } from './analyzer-testing.js';
import { analyzeConflictingPortProtocol } from './conflicting-port-protocol.js';
import { analyzeServiceEntryAddresses } from './service-entry-addresses.js';

/** A ServiceEntry in `default`; `fields` are extra spec lines, `ports` flow-style items. */
const se = (name: string, ports: string, fields = '', hosts = '[example.com]'): string =>
  `---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${name}, namespace: default}\n` +
  `spec:\n  hosts: ${hosts}\n  ports: [${ports}]\n  resolution: DNS\n  location: MESH_EXTERNAL\n${fields}`;
const port = (n: number, protocol?: string): string => `{number: ${n}, name: p-${n}${protocol === undefined ? '' : `, protocol: "${protocol}"`}}`;

// Cases after istioctl's testdata serviceentry-missing-addresses-protocol.yaml and
// serviceentry-address-required-{lowercase,uppercase}.yaml.
describe('IstioServiceEntryAddressesRequired (IST0134)', () => {
  it.each([
    ['no protocol', se('s', port(443)), ['ServiceEntry default/s spec.ports[0]']],
    ['an empty protocol', se('s', port(443, '')), ['ServiceEntry default/s spec.ports[0]']],
    ['TCP', se('s', port(443, 'TCP')), ['ServiceEntry default/s spec.ports[0]']],
    ['tcp in lower case', se('s', port(22, 'tcp')), ['ServiceEntry default/s spec.ports[0]']],
    ['only the TCP port of two', se('s', `${port(80, 'HTTP')}, ${port(5432, 'TCP')}`), ['ServiceEntry default/s spec.ports[1]']],
    ['an empty addresses list', se('s', port(443, 'TCP'), '  addresses: []\n'), ['ServiceEntry default/s spec.ports[0]']],
    ['HTTPS', se('s', port(443, 'HTTPS')), []],
    ['TCP with addresses', se('s', port(443, 'TCP'), '  addresses: [10.0.0.1]\n'), []],
    ['TCP with an address allocated in status', se('s', port(443, 'TCP'), 'status: {addresses: [{value: 240.240.0.1, host: example.com}]}\n'), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeServiceEntryAddresses(analyzerInput(yaml));
    expect(where(found)).toEqual(expected);
    expect(found.every((d) => d.istioCode === 'IST0134' && d.severity === 'warning')).toBe(true);
  });

  it('says what to add', () => {
    const [d] = analyzeServiceEntryAddresses(analyzerInput(se('s', port(5432, 'TCP'))));
    expect(d?.message).toContain('add spec.addresses');
  });
});

// Cases after istioctl's testdata serviceentry-conflicting-protocol.yaml and
// serviceentry-no-conflict-protocol.yaml.
describe('IstioConflictingPortProtocol (IST0177)', () => {
  it.each([
    ['HTTPS and HTTP on one host and port', se('se-https', port(13835, 'HTTPS')) + se('se-http', port(13835, 'HTTP')), ['ServiceEntry default/se-https spec.ports[0]', 'ServiceEntry default/se-http spec.ports[0]']],
    ['a protocol and none', se('a', port(9000, 'TCP')) + se('b', port(9000)), ['ServiceEntry default/a spec.ports[0]', 'ServiceEntry default/b spec.ports[0]']],
    ['one entry exported everywhere, one to its namespace', se('a', port(80, 'HTTP')) + se('b', port(80, 'GRPC'), '  exportTo: ["."]\n'), ['ServiceEntry default/b spec.ports[0]', 'ServiceEntry default/a spec.ports[0]']],
    ['at the conflicting port of several', se('a', `${port(80, 'HTTP')}, ${port(443, 'HTTPS')}`) + se('b', port(443, 'TLS')), ['ServiceEntry default/a spec.ports[1]', 'ServiceEntry default/b spec.ports[0]']],
    ['the same protocol', se('a', port(443, 'HTTPS')) + se('b', port(443, 'HTTPS')), []],
    ['the same protocol in another case', se('a', port(443, 'https')) + se('b', port(443, 'HTTPS')), []],
    ['different ports', se('a', port(443, 'HTTPS')) + se('b', port(80, 'HTTP')), []],
    ['different hosts', se('a', port(80, 'HTTP')) + se('b', port(80, 'TCP'), '', '[other.com]'), []],
    ['exported to different namespaces', se('a', port(80, 'HTTP'), '  exportTo: [shop]\n') + se('b', port(80, 'TCP'), '  exportTo: [web]\n'), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeConflictingPortProtocol(analyzerInput(yaml));
    expect(where(found)).toEqual(expected);
    expect(found.every((d) => d.istioCode === 'IST0177' && d.severity === 'warning')).toBe(true);
  });

  it('names the entries and protocols, and points at the other entry’s port', () => {
    const [d] = analyzeConflictingPortProtocol(analyzerInput(se('se-https', port(13835, 'HTTPS')) + se('se-http', port(13835, 'HTTP'))));
    expect(d?.message).toContain('default/se-http, default/se-https');
    expect(d?.message).toContain('HTTP, HTTPS');
    expect(d?.related?.map((r) => `${r.resource.name} ${r.path}`)).toEqual(['se-http spec.ports[0]']);
  });
});
