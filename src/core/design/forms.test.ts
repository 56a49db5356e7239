import { describe, expect, it } from 'vitest';
import { getAt } from '../resources/path.js';
import type { KubeObject } from '../resources/types.js';
import { addPolicyTarget, caSourceOf, setCaSource } from './backend-tls.js';
import { checkObject } from './check-object.js';
import { setAt } from './immutable.js';
import { addVsTcpRoute, addVsTlsRoute } from './istio-l4-routes.js';
import { moveVsRoute } from './istio-routes.js';
import { addGrantFrom, addGrantTo, setGrantKind } from './reference-grants.js';
import { addServiceEntryEndpoint, addServiceEntryPort } from './service-entry.js';
import { newObject } from './templates.js';

const errors = (o: KubeObject) => checkObject(o).filter((p) => p.severity === 'error');
const twice = (f: (o: KubeObject) => KubeObject, o: KubeObject): KubeObject => f(f(o));
const tlsVs = (): KubeObject => ({ ...newObject('VirtualService', 'shop', 'passthrough'), spec: { hosts: ['db.example.com'], gateways: ['edge'] } });

describe('form edits of the kinds without a canvas gesture for each field', () => {
  it.each<[string, KubeObject, (o: KubeObject) => KubeObject, string, unknown]>([
    ['VirtualService: a TLS route on the first host, port 443', tlsVs(), addVsTlsRoute, 'spec.tls.0', { match: [{ port: 443, sniHosts: ['db.example.com'] }], route: [{ destination: { host: 'db.example.com', port: { number: 443 } } }] }],
    ['VirtualService: a TLS route sends where the first one does, port included', setAt(addVsTlsRoute(tlsVs()), ['spec', 'tls', 0, 'route', 0, 'destination'], { host: 'db', port: { number: 5432 } }), addVsTlsRoute, 'spec.tls.1.route.0.destination', { host: 'db', port: { number: 5432 } }],
    ['VirtualService: a TCP route on 3306', tlsVs(), addVsTcpRoute, 'spec.tcp.0.match', [{ port: 3306 }]],
    ['VirtualService: the next TCP route on the next port', addVsTcpRoute(tlsVs()), addVsTcpRoute, 'spec.tcp.1.match', [{ port: 3307 }]],
    ['ReferenceGrant: the next route kind from the same namespace', newObject('ReferenceGrant', 'shop', 'g'), addGrantFrom, 'spec.from.1', { group: 'gateway.networking.k8s.io', kind: 'GRPCRoute', namespace: 'default' }],
    ['ReferenceGrant: Secrets after Services', newObject('ReferenceGrant', 'shop', 'g'), addGrantTo, 'spec.to.1', { group: '', kind: 'Secret' }],
    ['BackendTLSPolicy: another target, named after the first', newObject('BackendTLSPolicy', 'shop', 'p'), addPolicyTarget, 'spec.targetRefs.1', { group: '', kind: 'Service', name: 'backend-2' }],
    ['ServiceEntry: 443 is taken, so HTTP on 8080', newObject('ServiceEntry', 'shop', 'api'), addServiceEntryPort, 'spec.ports.1', { number: 8080, name: 'http', protocol: 'HTTP' }],
    ['ServiceEntry: a first endpoint', newObject('ServiceEntry', 'shop', 'api'), addServiceEntryEndpoint, 'spec.endpoints', [{ address: '192.0.2.1' }]],
  ])('%s', (_, object, edit, path, expected) => {
    const after = edit(object);
    expect(getAt(after, path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)))).toEqual(expected);
    expect(errors(after)).toEqual([]);
    expect(errors(twice(edit, object))).toEqual([]);
  });

  it('moves tls routes within their own section', () => {
    const two = addVsTcpRoute(addVsTlsRoute(addVsTlsRoute({ ...tlsVs(), spec: { hosts: ['a.example.com', 'b.example.com'] } })));
    const moved = moveVsRoute({ ...two, spec: { ...(two.spec as KubeObject), tls: [{ n: 1 }, { n: 2 }] } }, 0, 1, 'tls');
    expect(getAt(moved, ['spec', 'tls'])).toEqual([{ n: 2 }, { n: 1 }]);
    expect(getAt(moved, ['spec', 'tcp'])).toEqual(getAt(two, ['spec', 'tcp']));
  });

  it('sets a grant kind with its group', () => {
    const g = setGrantKind(newObject('ReferenceGrant', 'shop', 'g'), 'from', 0, 'Gateway');
    expect(getAt(g, ['spec', 'from', 0])).toEqual({ group: 'gateway.networking.k8s.io', kind: 'Gateway', namespace: 'default' });
    expect(getAt(setGrantKind(g, 'to', 0, 'Secret'), ['spec', 'to', 0])).toEqual({ group: '', kind: 'Secret' });
  });

  it.each([
    ['System → refs: a ConfigMap named after the target, the well-known roots removed', 'refs', { hostname: 'backend.example.com', caCertificateRefs: [{ group: '', kind: 'ConfigMap', name: 'backend-ca' }] }],
    ['System → System changes nothing', 'System', { hostname: 'backend.example.com', wellKnownCACertificates: 'System' }],
  ] as const)('BackendTLSPolicy CA source: %s', (_, source, validation) => {
    const p = setCaSource(newObject('BackendTLSPolicy', 'shop', 'p'), source);
    expect(getAt(p, ['spec', 'validation'])).toEqual(validation);
    expect(caSourceOf(p)).toBe(source);
    expect(errors(p)).toEqual([]);
    expect(caSourceOf(setCaSource(p, 'System'))).toBe('System');
    expect(errors(setCaSource(p, 'System'))).toEqual([]);
  });
});
