import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../resources/parse.js';
import { simulate } from '../../simulate/index.js';
import { parseRequest } from '../../simulate/parse-request.js';
import type { Decision } from '../../simulate/types.js';
import type { IstioSinks } from './context.js';
import { claimOver, HostClaims } from './host-claims.js';
import { HostOverlapIndex } from './host-overlap-index.js';
import type { ServerModel, VirtualServiceModel } from './model.js';
import { hostsOverlap, intersectHosts, namesForNamespace } from './names.js';
import { readIstioGateway } from './read-gateway.js';
import { readVirtualService } from './read-virtual-service.js';
import { design, vs } from './test-kit.js';
import { VirtualServiceIndex } from './vs-index.js';

// The compiler's indexes must answer exactly what the linear scans of istiod's algorithms answer
// (istio.md §1.7, §2; host.Name.Matches), in the same order. Failing cases print fast-check's seed.
const HOSTS = ['a.example.com', 'A.Example.com', 'b.example.com', '*.example.com', '*.Example.COM', '*.b.example.com', 'example.com', '*.com', '*', '', '*foo', '*.', 'x.y.z', 'q.a.example.com'];
const hostArb = fc.constantFrom(...HOSTS);

const [vsResource, gwResource] = parse([
  {
    name: 'models.yaml',
    text: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: v, namespace: shop}
spec: {hosts: [a.example.com], gateways: [mesh], http: [{route: [{destination: {host: a}}]}]}
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: istio-system}
spec: {selector: {istio: ingress}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*/*"]}]}
`,
  },
]).resources;
if (!vsResource || !gwResource) throw new Error('test models do not parse');
const baseVs = readVirtualService(vsResource);
const baseServer = readIstioGateway(gwResource).servers[0] as ServerModel;
const silent: IstioSinks = { diagnose: () => undefined, note: () => undefined };

const vsArb = fc.record({
  hosts: fc.array(hostArb, { minLength: 1, maxLength: 3 }),
  namespace: fc.constantFrom('shop', 'ops'),
  exportTo: fc.constantFrom(['*'], ['shop'], ['ops'], ['shop', 'ops']),
});
const models = (specs: readonly { hosts: readonly string[]; namespace: string; exportTo: readonly string[] }[]): VirtualServiceModel[] =>
  specs.map((s, i) => ({
    ...baseVs,
    resource: { ...baseVs.resource, name: `v${i}`, namespace: s.namespace },
    hosts: s.hosts,
    gateways: ['istio-system/gw', 'mesh'],
    exportTo: new Set(s.exportTo),
  }));

/** route.go BuildSidecarVirtualHostWrapper as a scan: the first VS naming the host or owning the first of the longest overlapping `*` hosts. */
function claimByScan(hostname: string, vss: readonly VirtualServiceModel[]): VirtualServiceModel | null {
  const wildcards = vss.flatMap((vs) => vs.hosts.filter((h) => h.startsWith('*') && hostsOverlap(h, hostname)).map((h) => ({ vs, h })));
  const best = wildcards.reduce<{ vs: VirtualServiceModel; h: string } | null>((a, b) => (a === null || b.h.length > a.h.length ? b : a), null);
  return vss.find((vs) => vs.hosts.includes(hostname) || vs === best?.vs) ?? null;
}

describe('HostOverlapIndex (host.Name.Matches)', () => {
  it('returns exactly the overlapping hosts, in insertion order', () => {
    fc.assert(
      fc.property(fc.array(hostArb, { maxLength: 12 }), hostArb, (hosts, name) => {
        const index = new HostOverlapIndex<number>();
        hosts.forEach((h, i) => index.add(h, i));
        const expected = hosts.flatMap((h, i) => (hostsOverlap(h, name) ? [i] : []));
        expect(index.overlapping(name).map((e) => e.value)).toEqual(expected);
      }),
    );
  });
});

describe('HostClaims (sidecar host claims, istio.md §1.7)', () => {
  it('claims like the scan over the concatenated lists', () => {
    fc.assert(
      fc.property(fc.array(vsArb, { maxLength: 6 }), fc.array(vsArb, { maxLength: 6 }), hostArb, (a, b, name) => {
        const [first, second] = [models(a), models(b)];
        expect(claimOver([new HostClaims(first), new HostClaims(second)], name)).toBe(claimByScan(name, [...first, ...second]));
        expect(new HostClaims(first).claim(name)).toBe(claimByScan(name, first));
      }),
    );
  });
});

describe('VirtualServiceIndex', () => {
  it('forServer keeps, in order, the VSs whose hosts intersect the server hosts allowed for their namespace', () => {
    const serverHosts = fc.array(fc.oneof(hostArb, hostArb.map((h) => `shop/${h}`), hostArb.map((h) => `ops/${h}`)), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(vsArb, { maxLength: 8 }), serverHosts, fc.constantFrom('shop', 'ops', 'istio-system'), (specs, hosts, proxyNamespace) => {
        const index = new VirtualServiceIndex(models(specs), silent);
        const server: ServerModel = { ...baseServer, hosts };
        const all = index.forGateway(proxyNamespace, server.gatewayName);
        const serving = all.filter((vs) => intersectHosts(namesForNamespace(hosts, vs.resource.namespace), vs.hosts).length > 0);
        const found = index.forServer(proxyNamespace, server);
        expect(serving.every((vs) => found.includes(vs))).toBe(true);
        expect(found.filter((vs) => serving.includes(vs))).toEqual(serving);
        expect(found.every((vs) => all.includes(vs))).toBe(true);
      }),
    );
  });

  it('lists the private VSs of a namespace, then those exported to it, then the public ones (push_context.go)', () => {
    const index = new VirtualServiceIndex(
      models([
        { hosts: ['a.example.com'], namespace: 'ops', exportTo: ['*'] },
        { hosts: ['a.example.com'], namespace: 'ops', exportTo: ['shop'] },
        { hosts: ['a.example.com'], namespace: 'shop', exportTo: ['shop'] },
        { hosts: ['a.example.com'], namespace: 'ops', exportTo: ['ops'] },
      ]),
      silent,
    );
    expect(index.forGateway('shop', 'mesh').map((vs) => vs.resource.name)).toEqual(['v2', 'v1', 'v0']);
    expect(index.hiddenFrom('shop', 'mesh').map((vs) => vs.resource.name)).toEqual(['v3']);
  });
});

// Istio vhosts carry the same path index as the Gateway API's (compile/path-index.ts), with
// `uri.prefix` as a plain string prefix (istio.md §1.3): a large vhost is walked through it.
describe('path index of Istio vhosts', () => {
  const rules = Array.from({ length: 100 }, (_, i) => `  - match: [{uri: {${i % 2 === 0 ? `exact: /p${i}` : `prefix: /p${i}/`}}}]\n    route: [{destination: {host: a}}]\n`).join('');
  const compiled = design(vs(rules));
  const at = (path: string): Decision => {
    const parsed = parseRequest(`GET http://shop.example.com${path}`);
    if (!parsed.ok) throw new Error(parsed.error);
    return simulate(compiled.table, parsed.request);
  };

  it.each([
    ['/p10', 10],
    ['/p11/x', 11],
    ['/p1/x', 1],
    ['/p3/', 3],
    ['/p10x', null],
  ])('%s → rule %s, looking only at the entries its path can match', (path, rule) => {
    const d = at(path);
    expect(d.rule).toBe(rule);
    expect(d.trace.filter((s) => s.step === 'match').length).toBeLessThan(5);
  });
});
