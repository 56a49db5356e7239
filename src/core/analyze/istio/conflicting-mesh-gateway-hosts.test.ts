import { describe, expect, it } from 'vitest';
import { analyzeConflictingMeshGatewayHosts } from './conflicting-mesh-gateway-hosts.js';
import { at, routeTo, service, virtualService, vsInput } from './vs-testing.js';

const vs = (name: string, ns: string, hosts: string, extra = ''): string => virtualService(name, ns, hosts, `${extra}${routeTo('{host: productpage.foo.svc.cluster.local}')}`);
const backend = service('productpage', 'foo', [9080]);

// Cases after istioctl's testdata virtualservice_conflictingmeshgatewayhosts*.yaml.
describe('IstioConflictingMeshGatewayHosts (IST0109)', () => {
  it.each([
    ['two mesh VirtualServices, one host', vs('a', 'foo', 'productpage') + vs('b', 'foo', 'productpage'), ['foo/a metadata.name', 'foo/b metadata.name']],
    ['short name and FQDN from another namespace', vs('ratings', 'foo', 'ratings', 'gateways: [mesh], ') + vs('ratings', 'bar', 'ratings.foo.svc.cluster.local, google.com', 'gateways: [ingress, mesh], '), ['foo/ratings metadata.name', 'bar/ratings metadata.name']],
    ['exported to one namespace vs an overlapping host exported to all', vs('p', 'foo', '"*.productpage.d"', 'exportTo: ["."], ') + vs('p', 'bar', '"*.d"', 'exportTo: ["*"], '), ['foo/p metadata.name', 'bar/p metadata.name']],
    ['exported to a namespace vs the same host exported to all', vs('p', 'foo', '"*.productpage.c"', 'exportTo: [foo], ') + vs('p', 'bar', '"*.productpage.c"', 'exportTo: ["*"], '), ['foo/p metadata.name', 'bar/p metadata.name']],
    ['three, reported once each', vs('a', 'foo', 'productpage') + vs('b', 'foo', 'productpage') + vs('c', 'foo', 'productpage.foo.svc.cluster.local'), ['foo/a metadata.name', 'foo/b metadata.name', 'foo/c metadata.name']],
    ['different hosts', vs('a', 'foo', 'productpage') + vs('b', 'foo', 'reviews'), []],
    ['one bound to a gateway only', vs('a', 'foo', 'productpage') + vs('b', 'bar', 'productpage.foo.svc.cluster.local', 'gateways: [ingress], '), []],
    ['each exported to its own namespace', vs('p', 'foo', '"*.productpage.b"', 'exportTo: [foo], ') + vs('p', 'bar', '"*.productpage.b"', 'exportTo: ["."], '), []],
    ['same short name in two namespaces (two services)', vs('a', 'foo', 'productpage') + vs('a', 'bar', 'productpage'), []],
    ['a host written twice in one VirtualService', vs('a', 'foo', 'productpage, productpage.foo.svc.cluster.local'), []],
    ['two overlapping wildcards both exported to all (not the same host)', vs('a', 'foo', '"*.example.com"') + vs('b', 'foo', 'x.example.com'), []],
  ])('%s', (_, yaml, expected) => {
    const found = analyzeConflictingMeshGatewayHosts(vsInput(backend + yaml));
    expect(at(found).sort()).toEqual([...expected].sort());
    expect(found.every((d) => d.istioCode === 'IST0109' && d.severity === 'error')).toBe(true);
  });

  it('names the other VirtualService, and relates its host entry', () => {
    const [d] = analyzeConflictingMeshGatewayHosts(vsInput(backend + vs('a', 'foo', 'x, productpage') + vs('b', 'foo', 'productpage')));
    expect(d?.message).toContain('foo/a, foo/b');
    expect(d?.message).toContain('merge them into one VirtualService');
    expect(d?.related?.map((r) => `${r.resource.name} ${r.path} ${r.role}`)).toEqual(['b spec.hosts[0] also defines the host']);
    expect(d?.related?.[0]?.line).toBeGreaterThan(0);
  });
});
