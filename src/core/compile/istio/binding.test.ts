import { describe, expect, it } from 'vitest';
import { serviceYaml } from '../../test-kit.js';
import { ask, BASE, decided, design, shares } from './test-kit.js';

/** A VirtualService (YAML) routing everything to `dest`. */
function virtualService(name: string, namespace: string, fields: string, dest = 'a.shop.svc.cluster.local', extra = ''): string {
  return `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: ${namespace}${extra}}
spec:
${fields}
  http: [{route: [{destination: {host: ${dest}}}]}]
`;
}

function gateway(name: string, namespace: string, servers: string, selector = '{istio: ingressgateway}'): string {
  return `---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: ${selector}
  servers:
${servers}`;
}

const routed = (yaml: string, request: string, options = {}): string => {
  const d = ask(design(yaml), request, options);
  return d.status === 200 ? (d.backends[0]?.name ?? '?') : String(d.status);
};

// istio.md §1.1; virtual_service.proto VirtualService.gateways ("specifying a gateway with no
// namespace qualifier is the same as specifying the VirtualService's namespace"; empty ⇒ `mesh`);
// istio/istio pilot/pkg/model/config.go resolveGatewayName (legacy `name.namespace`).
describe('binding to gateways (§1.1)', () => {
  it.each([
    ['istio-system', 'gateways: [gw]', 'a'],
    ['istio-system', 'gateways: [./gw]', 'a'],
    ['shop', 'gateways: [istio-system/gw]', 'a'],
    ['shop', 'gateways: [gw.istio-system.svc.cluster.local]', 'a'],
    ['shop', 'gateways: [gw]', '404'], // resolves to shop/gw
    ['shop', 'gateways: []', '404'], // mesh only
    ['shop', '', '404'],
    ['shop', 'gateways: [mesh]', '404'],
    ['shop', 'gateways: [mesh, istio-system/gw]', 'a'],
  ])('VS in %s with %s → %s', (ns, gateways, expected) => {
    const yaml = BASE + virtualService('v', ns, `  hosts: [shop.example.com]\n  ${gateways}`);
    expect(routed(yaml, 'GET http://shop.example.com/')).toBe(expected);
  });

  it('a gateway name that is not in the design is diagnosed', () => {
    const c = design(BASE + virtualService('v', 'shop', '  hosts: [shop.example.com]\n  gateways: [gw]'));
    expect(c.diagnostics.find((x) => x.code === 'IstioGatewayNotFound')?.path).toBe('spec.gateways[0]');
  });
});

// istio.md §1.2 step 2 and §9.6: the most specific vhost wins and there is NO fallback to a less
// specific one; the port of the Host is ignored. Short VS hosts resolve in the VS namespace.
describe('virtual hosts (§1.2)', () => {
  const two = BASE +
    `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: exact, namespace: shop}
spec:
  hosts: [a.example.com]
  gateways: [istio-system/gw]
  http: [{match: [{uri: {prefix: /x}}], route: [{destination: {host: a}}]}]
` + virtualService('wild', 'shop', '  hosts: ["*.example.com"]\n  gateways: [istio-system/gw]', 'b.shop.svc.cluster.local');
  it.each([
    ['GET http://a.example.com/x', 'a'],
    ['GET http://a.example.com/y', '404'], // no fallback to *.example.com
    ['GET http://z.example.com/y', 'b'],
    ['GET http://deep.z.example.com/y', 'b'],
    ['GET http://example.com/y', '404'],
    ['GET http://a.example.com:80/x', 'a'],
  ])('%s → %s', (request, expected) => {
    expect(routed(two, request)).toBe(expected);
  });

  it('a short VS host is the service FQDN in the VS namespace', () => {
    const yaml = BASE + virtualService('v', 'shop', '  hosts: [a]\n  gateways: [istio-system/gw]');
    expect(routed(yaml, 'GET http://a.shop.svc.cluster.local/')).toBe('a');
    expect(routed(yaml, 'GET http://a/')).toBe('404');
  });
});

// istio.md §2; gateway.proto Server.hosts (`ns/host`, `./host` = the Gateway's namespace,
// `*/host` = any); pkg/config/host/names.go NamesForNamespace; the vhost is the more specific side.
describe('server hosts with a namespace (§2)', () => {
  const server = (hosts: string) => `  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ${hosts}\n`;
  it.each([
    ['[shop/*]', 'shop', 'a'],
    ['[shop/*]', 'other', '404'],
    ['["./*"]', 'istio-system', 'a'],
    ['["./*"]', 'shop', '404'],
    ['["*/shop.example.com"]', 'other', 'a'],
    ['["*/other.example.com"]', 'shop', '404'],
    ['["*.example.com"]', 'shop', 'a'],
  ])('server hosts %s, VS in %s → %s', (hosts, ns, expected) => {
    const yaml = gateway('gw', 'istio-system', server(hosts)) + virtualService('v', ns, '  hosts: [shop.example.com]\n  gateways: [istio-system/gw]') +
      serviceYaml('a', { ports: '{port: 8080}', selector: false });
    expect(routed(yaml, 'GET http://shop.example.com/')).toBe(expected);
  });
});

// istio.md §1.1 (exportTo: `.` own namespace, `*` all, `~` none; a gateway proxy sees only VSs
// exported to its namespace — push_context.go VirtualServicesForGateway). The gateway workload is
// taken to run in the Gateway's namespace.
describe('exportTo (§1.1)', () => {
  it.each([
    ['[.]', '404'],
    ['[istio-system]', 'a'],
    ['["*"]', 'a'],
    ['["~"]', '404'],
    ['[shop, istio-system]', 'a'],
  ])('exportTo %s → %s', (exportTo, expected) => {
    const yaml = BASE + virtualService('v', 'shop', `  hosts: [shop.example.com]\n  gateways: [istio-system/gw]\n  exportTo: ${exportTo}`);
    expect(routed(yaml, 'GET http://shop.example.com/')).toBe(expected);
  });
});

// istio.md §2 (Gateways selecting the same pods are merged; plaintext HTTP servers of a port share
// one route table); DESIGN.md "simulate" (`--gateway` may name any merged Gateway);
// pilot/pkg/model/gateway.go mergeGateways.
describe('Gateways with the same selector are merged (§2)', () => {
  const yaml =
    BASE +
    gateway('gw-a', 'edge', '  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [a.example.com]\n') +
    gateway('gw-b', 'edge', '  - port: {number: 80, name: http-b, protocol: HTTP}\n    hosts: [b.example.com]\n') +
    gateway('gw-c', 'edge', '  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [c.example.com]\n', '{app: other}') +
    virtualService('va', 'shop', '  hosts: [a.example.com]\n  gateways: [edge/gw-a]') +
    virtualService('vb', 'shop', '  hosts: [b.example.com]\n  gateways: [edge/gw-b]', 'b.shop.svc.cluster.local') +
    virtualService('vx', 'shop', '  hosts: [b.example.com, c.example.com]\n  gateways: [edge/gw-a]', 'c.shop.svc.cluster.local');
  const c = design(yaml);

  it('one gateway table holds every member', () => {
    const merged = c.table.gateways.find((g) => g.ref.name === 'gw-a');
    // BASE's istio-system/gw selects the same pods: it is merged too.
    expect(merged?.members.map((m) => `${m.namespace}/${m.name}`)).toEqual(['edge/gw-a', 'edge/gw-b', 'istio-system/gw']);
    expect(c.table.gateways.find((g) => g.ref.name === 'gw-c')?.members.map((m) => m.name)).toEqual(['gw-c']);
  });

  it.each([
    ['GET http://a.example.com/', 'edge/gw-a', 'a'],
    ['GET http://b.example.com/', 'edge/gw-a', 'b'], // the merged route table of port 80
    ['GET http://b.example.com/', 'edge/gw-b', 'b'],
    // vx is bound to gw-a, whose server does not serve b.example.com.
    ['GET http://c.example.com/', 'edge/gw-c', '404'],
  ])('%s via %s → %s', (request, gw, expected) => {
    const d = ask(c, request, { gateway: gw });
    expect(d.status === 200 ? d.backends[0]?.name : String(d.status)).toBe(expected);
  });

  it('a server that cannot share a port is dropped with a diagnostic', () => {
    const bad = design(BASE + gateway('tcp', 'istio-system', '  - port: {number: 80, name: tcp, protocol: TCP}\n    hosts: ["*"]\n'));
    expect(bad.diagnostics.map((x) => x.code)).toContain('IstioServerPortConflict');
  });
});

// istio.md §1.7: VSs for one host at a gateway are appended oldest first (ties by name, then
// namespace), with no specificity sort; catch-alls move to the end (route.go SortVHostRoutes);
// within one VS, rules after a catch-all are dropped (BuildHTTPRoutesForVirtualService, IST0130).
describe('several VirtualServices for one host (§1.7)', () => {
  const withRules = (name: string, ts: string, http: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: shop, creationTimestamp: "${ts}"}
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/gw]
  http:
${http}`;
  it('the older VS comes first, whatever the specificity', () => {
    const yaml = BASE + withRules('newer', '2025-01-01T00:00:00Z', '  - match: [{uri: {prefix: /api/v2}}]\n    route: [{destination: {host: b}}]\n') + withRules('older', '2024-01-01T00:00:00Z', '  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: a}}]\n');
    const d = ask(design(yaml), 'GET http://shop.example.com/api/v2/x');
    expect(decided(d)).toBe('older#0.0');
  });

  it('equal ages fall back to the name', () => {
    const yaml = BASE + withRules('zeta', '2024-01-01T00:00:00Z', '  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: b}}]\n') + withRules('alpha', '2024-01-01T00:00:00Z', '  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: a}}]\n');
    expect(decided(ask(design(yaml), 'GET http://shop.example.com/api'))).toBe('alpha#0.0');
  });

  it.each([
    ['a VS without creationTimestamp is newer than one with it, whatever its name (DESIGN.md; as the Gateway API compiler)', '', '2024-01-01T00:00:00Z', 'b'],
    ['two VSs without creationTimestamp are equally old: the name decides', '', '', 'a'],
  ])('%s', (_what, alpha, zeta, backend) => {
    const vs = (name: string, ts: string, host: string): string => withRules(name, ts, `  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: ${host}}}]\n`).replace(', creationTimestamp: ""', '');
    const d = ask(design(BASE + vs('alpha', alpha, 'a') + vs('zeta', zeta, 'b')), 'GET http://shop.example.com/api');
    expect(d.backends[0]?.name).toBe(backend);
  });

  it('a catch-all of an older VS moves behind the routes of a newer one', () => {
    const yaml = BASE + withRules('older', '2024-01-01T00:00:00Z', '  - route: [{destination: {host: a}}]\n') + withRules('newer', '2025-01-01T00:00:00Z', '  - match: [{uri: {prefix: /special}}]\n    route: [{destination: {host: b}}]\n');
    const c = design(yaml);
    expect(shares(ask(c, 'GET http://shop.example.com/special'))).toEqual(['b=1']);
    expect(shares(ask(c, 'GET http://shop.example.com/other'))).toEqual(['a=1']);
  });

  it.each([
    ['  - route: [{destination: {host: a}}]\n  - match: [{uri: {prefix: /x}}]\n    route: [{destination: {host: b}}]\n', 'a'],
    ['  - match: [{uri: {prefix: /}}]\n    route: [{destination: {host: a}}]\n  - match: [{uri: {prefix: /x}}]\n    route: [{destination: {host: b}}]\n', 'a'],
    ['  - match: [{uri: {regex: ".*"}}]\n    route: [{destination: {host: a}}]\n  - match: [{uri: {prefix: /x}}]\n    route: [{destination: {host: b}}]\n', 'a'],
    // Not a catch-all: it has a header condition.
    ['  - match: [{uri: {prefix: /}, headers: {x-a: {exact: "1"}}}]\n    route: [{destination: {host: a}}]\n  - match: [{uri: {prefix: /x}}]\n    route: [{destination: {host: b}}]\n', 'b'],
  ])('rules after a catch-all are dropped: %#', (http, expected) => {
    const d = ask(design(BASE + withRules('v', '2024-01-01T00:00:00Z', http)), 'GET http://shop.example.com/x');
    expect(d.backends[0]?.name).toBe(expected);
  });
});

// istio.md §2 (tls.httpsRedirect: 301 to https); gateway.proto ServerTLSSettings.https_redirect;
// core/gateway.go buildGatewayHTTPRouteConfig (RequireTls on the server's vhosts only).
describe('httpsRedirect (§2)', () => {
  const yaml = gateway('gw', 'istio-system', '  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [shop.example.com]\n    tls: {httpsRedirect: true}\n') + virtualService('v', 'shop', '  hosts: [shop.example.com]\n  gateways: [istio-system/gw]');
  it('answers 301 to https for the server hosts, before any route', () => {
    const d = ask(design(yaml), 'GET http://shop.example.com/cart?id=1');
    expect(d.status).toBe(301);
    expect(d.redirect).toEqual({ status: 301, location: 'https://shop.example.com/cart?id=1' });
    expect(d.route).toEqual({ kind: 'Gateway', namespace: 'istio-system', name: 'gw' });
  });
  it('a host the server does not serve finds no vhost (404)', () => {
    expect(ask(design(yaml), 'GET http://other.example.com/').status).toBe(404);
  });
});

// istio.md §2: HTTPS servers terminating TLS (SIMPLE, MUTUAL, ISTIO_MUTUAL…) are filter chains
// chosen by SNI, each with its own route table where the Host picks the vhost; a TLS host repeated
// on a port is rejected (gateway.go mergeGateways CheckDuplicates); AUTO_PASSTHROUGH needs no VS.
describe('HTTPS servers (§2)', () => {
  const https = (name: string, host: string, mode: string) => `  - port: {number: 443, name: ${name}, protocol: HTTPS}\n    hosts: [${host}]\n    tls: {mode: ${mode}, credentialName: cert-${name}}\n`;
  const yaml =
    gateway('gw', 'istio-system', https('https-a', 'a.example.com', 'SIMPLE') + https('https-b', 'b.example.com', 'MUTUAL') + https('https-dup', 'a.example.com', 'SIMPLE') + https('https-c', 'c.example.com', 'ISTIO_MUTUAL')) +
    virtualService('va', 'shop', '  hosts: [a.example.com]\n  gateways: [istio-system/gw]') +
    virtualService('vb', 'shop', '  hosts: [b.example.com]\n  gateways: [istio-system/gw]', 'b.shop.svc.cluster.local') +
    BASE.split('---').slice(1).map((d) => `---${d}`).join('');
  const c = design(yaml);

  it.each([
    ['GET https://a.example.com/', {}, 'a'],
    ['GET https://b.example.com/', {}, 'b'],
    // SNI selects server https-a; Host b.example.com is not in its route table: 404, not 421.
    ['GET https://b.example.com/', { sni: 'a.example.com' }, '404'],
    ['GET http://a.example.com:443/', {}, '404'],
  ])('%s %j → %s', (request, options, expected) => {
    const d = ask(c, request, options);
    expect(d.status === 200 ? d.backends[0]?.name : String(d.status)).toBe(expected);
  });

  it('reports the TLS mode and rejects the duplicate host', () => {
    const listeners = c.table.gateways[0]?.ports.get(443)?.listeners ?? [];
    expect(listeners.map((l) => `${l.name}:${l.tlsMode}`)).toEqual(['https-a:SIMPLE', 'https-b:MUTUAL', 'https-c:ISTIO_MUTUAL']);
    expect(c.diagnostics.find((x) => x.code === 'IstioServerDuplicateTlsHost')?.path).toBe('spec.servers[2]');
  });

  // gateway.go builtAutoPassthroughFilterChains: the SNI names the cluster; no VirtualService.
  it('AUTO_PASSTHROUGH routes by the cluster name in the SNI', () => {
    const auto = design(BASE + gateway('eastwest', 'istio-system', '  - port: {number: 15443, name: tls, protocol: TLS}\n    hosts: ["*.local"]\n    tls: {mode: AUTO_PASSTHROUGH}\n', '{istio: eastwestgateway}'));
    const d = ask(auto, 'TLS tls://outbound_.8080_._.a.shop.svc.cluster.local:15443', { gateway: 'istio-system/eastwest' });
    expect([d.status, d.backends.map((b) => `${b.name}:${String(b.port)}`)]).toEqual(['CONNECTED', ['a:8080']]);
    expect(d.notes.some((n) => /AUTO_PASSTHROUGH/.test(n.message))).toBe(true);
    expect(ask(auto, 'TLS tls://a.shop.svc.cluster.local:15443', { gateway: 'istio-system/eastwest' }).status).toBe('REJECTED');
  });
});

describe('exportTo diagnostics', () => {
  it('a VirtualService hidden from the gateway namespace is reported (info)', () => {
    const c = design(BASE + virtualService('v', 'shop', '  hosts: [shop.example.com]\n  gateways: [istio-system/gw]\n  exportTo: [.]'));
    expect(c.diagnostics.map((x) => `${x.code}:${x.severity}`)).toEqual(['IstioVirtualServiceNotExported:info']);
  });
});
