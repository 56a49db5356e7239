import { describe, expect, it } from 'vitest';
import { analyzeDestinationHosts } from './destination-host-not-found.js';
import { analyzeDestinationPorts } from './destination-port.js';
import { at, routeTo, service, serviceEntry, virtualService, vsInput } from './vs-testing.js';

const vs = (destination: string, extra = '', ns = 'default'): string => virtualService('r', ns, 'r', `${extra}${routeTo(destination)}`);
const reviews = service('reviews', 'default', [9080]);

// Cases after istioctl's testdata virtualservice_destinationhosts.yaml.
describe('IstioDestinationHostNotFound (IST0101)', () => {
  it.each([
    ['a host nothing declares', reviews + vs('{host: reviews-bogus}'), ['default/r spec.http[0].route[0].destination.host']],
    ['a Service of another namespace by short name', service('details', 'other', [9080]) + vs('{host: details}'), ['default/r spec.http[0].route[0].destination.host']],
    ['a Service exported only to its own namespace', service('details', 'other', [9080], '"networking.istio.io/exportTo": "."') + vs('{host: details.other.svc.cluster.local}'), ['default/r spec.http[0].route[0].destination.host']],
    ['a ServiceEntry exported elsewhere', serviceEntry('ext', 'other', 'api.example.com', [443], ', exportTo: ["."]') + vs('{host: api.example.com}'), ['default/r spec.http[0].route[0].destination.host']],
    ['a ServiceEntry exported to a namespace the VirtualService does not export to', serviceEntry('ext', 'other', 'api.example.com', [443], ', exportTo: [bogus]') + vs('{host: api.example.com}', 'exportTo: [hello], '), ['default/r spec.http[0].route[0].destination.host']],
    ['a mirror', reviews + virtualService('r', 'default', 'r', 'http: [{route: [{destination: {host: reviews}}], mirror: {host: bogus}}]'), ['default/r spec.http[0].mirror.host']],
    ['a mirrors entry', reviews + virtualService('r', 'default', 'r', 'http: [{route: [{destination: {host: reviews}}], mirrors: [{destination: {host: bogus}}]}]'), ['default/r spec.http[0].mirrors[0].destination.host']],
    ['tcp and tls routes', reviews + virtualService('r', 'default', 'r', 'tcp: [{route: [{destination: {host: a}}]}], tls: [{match: [{sniHosts: [r]}], route: [{destination: {host: b}}]}]'), ['default/r spec.tcp[0].route[0].destination.host', 'default/r spec.tls[0].route[0].destination.host']],
    ['a short name', reviews + vs('{host: reviews}'), []],
    ['the FQDN', reviews + vs('{host: reviews.default.svc.cluster.local}'), []],
    ['a Service of another namespace by FQDN', service('details', 'other', [9080]) + vs('{host: details.other.svc.cluster.local}'), []],
    ['a Service exported to this namespace', service('details', 'other', [9080], '"networking.istio.io/exportTo": "default, x"') + vs('{host: details.other.svc.cluster.local}'), []],
    ['a ServiceEntry host', serviceEntry('ext', 'other', 'api.example.com', [443]) + vs('{host: api.example.com}'), []],
    ['a ServiceEntry exported to the namespace', serviceEntry('ext', 'other', 'api.example.com', [443], ', exportTo: [default]') + vs('{host: api.example.com}'), []],
    ['a wildcard ServiceEntry host', serviceEntry('ext', 'default', '"*.example.com"', [443]) + vs('{host: api.example.com}'), []],
    ['a short ServiceEntry host read in its namespace', serviceEntry('ext', 'default', 'legacy', [80]) + vs('{host: legacy}'), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeDestinationHosts(vsInput(yaml));
    expect(at(found)).toEqual(expected);
    expect(found.every((d) => d.istioCode === 'IST0101' && d.code === 'IstioDestinationHostNotFound' && d.severity === 'error')).toBe(true);
  });

  it('with --assume-external a host outside the design is assumed present', () => {
    expect(analyzeDestinationHosts(vsInput(reviews + vs('{host: bogus}'), true))).toEqual([]);
  });

  it('names the FQDN it looked for', () => {
    const [d] = analyzeDestinationHosts(vsInput(reviews + vs('{host: bogus}')));
    expect(d?.message).toContain('bogus.default.svc.cluster.local');
  });
});

describe('IstioDestinationPortRequired (IST0112) and IstioDestinationPortNotFound (IST0101)', () => {
  const twoPorts = service('reviews', 'default', [9080, 9090]);
  it.each([
    ['no port, two ports', twoPorts + vs('{host: reviews}'), ['IstioDestinationPortRequired IST0112 default/r spec.http[0].route[0].destination']],
    ['no port, a ServiceEntry with two ports', serviceEntry('ext', 'default', 'api.example.com', [80, 443]) + vs('{host: api.example.com}'), ['IstioDestinationPortRequired IST0112 default/r spec.http[0].route[0].destination']],
    ['a port the Service does not declare', reviews + vs('{host: reviews, port: {number: 80}}'), ['IstioDestinationPortNotFound IST0101 default/r spec.http[0].route[0].destination.port.number']],
    ['a mirror without port', twoPorts + virtualService('r', 'default', 'r', 'http: [{route: [{destination: {host: reviews, port: {number: 9080}}}], mirror: {host: reviews}}]'), ['IstioDestinationPortRequired IST0112 default/r spec.http[0].mirror']],
    ['no port, one port', reviews + vs('{host: reviews}'), []],
    ['a declared port of two', twoPorts + vs('{host: reviews, port: {number: 9090}}'), []],
    ['a host not found (reported once, as the host)', reviews + vs('{host: bogus, port: {number: 1}}'), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeDestinationPorts(vsInput(yaml));
    expect(found.map((d) => `${d.code} ${d.istioCode ?? ''} ${at([d])[0] ?? ''}`)).toEqual(expected);
  });

  it('lists the ports to choose from', () => {
    const [d] = analyzeDestinationPorts(vsInput(twoPorts + vs('{host: reviews}')));
    expect(d?.message).toContain('9080, 9090');
    expect(d?.related?.map((r) => `${r.resource.kind} ${r.resource.name} ${r.path}`)).toEqual(['Service reviews spec.ports']);
    expect(d?.related?.[0]?.line).toBeGreaterThan(1);
  });
});
