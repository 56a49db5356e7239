import { describe, expect, it } from 'vitest';
import { ask, design, shares, subsetsYaml } from './test-kit.js';

const base = `
apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: bookinfo}
spec: {ports: [{port: 9080, name: http}, {port: 9090, name: http-admin}]}
${subsetsYaml('reviews', 'bookinfo')}`;
const vs = (name: string, http: string, extra = '', ts = '2024-01-01T00:00:00Z') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: bookinfo, creationTimestamp: "${ts}"}
spec:
  hosts: [reviews]
${extra}  http:
${http}`;
const to = (subset: string) => `route: [{destination: {host: reviews, subset: ${subset}, port: {number: 9080}}}]`;
const from = (ns: string, labels: Record<string, string> = {}) => ({ from: `${ns}/client`, labels });
const R = 'GET http://reviews:9080/';

// istio.md §1.3, §9.10 (sourceLabels/sourceNamespace select the client sidecars; a per-match
// `gateways` list replaces them — route.go sourceMatchHTTP); virtual_service.proto
// HTTPMatchRequest.source_labels, source_namespace; HTTPFaultInjection example (sourceLabels env: prod).
describe('mesh routes and source selectors (§1.3)', () => {
  const c = design(
    base +
      vs('reviews', `  - match: [{sourceLabels: {app: productpage}}]
    ${to('v2')}
  - match: [{sourceNamespace: canary}]
    ${to('v2')}
  - match: [{sourceLabels: {app: nobody}, gateways: [mesh], headers: {x-admin: {exact: "1"}}}]
    ${to('v1')}
  - match: [{uri: {prefix: /admin}, port: 9090}]
    route: [{destination: {host: reviews, subset: v1, port: {number: 9090}}}]
  - ${to('v1')}
`),
  );
  const RB = 'GET http://reviews.bookinfo:9080/';
  it.each([
    [R, from('bookinfo', { app: 'productpage' }), [], 'reviews:v2=1', 0],
    [R, from('bookinfo', { app: 'ratings' }), [], 'reviews:v1=1', 4],
    [RB, from('canary'), [], 'reviews:v2=1', 1],
    // `gateways: [mesh]` in the match: the source labels are not looked at.
    [RB, from('other'), ['x-admin: 1'], 'reviews:v1=1', 2],
    ['GET http://reviews.bookinfo:9090/admin', from('other'), [], 'reviews:v1=1', 3],
    // The port-9090 match is not generated for port 9080.
    ['GET http://reviews.bookinfo:9080/admin', from('other'), [], 'reviews:v1=1', 4],
  ])('%s from %j %j → %s (rule %i)', (request, client, headers, expected, rule) => {
    const d = ask(c, request, { ...client, headers });
    expect(shares(d)).toEqual([expected]);
    expect(d.rule).toBe(rule);
    expect(d.dialect).toBe('istio');
    expect(d.gateway).toEqual({ kind: 'Service', namespace: 'bookinfo', name: 'reviews' });
  });

  it('short names resolve in the client namespace', () => {
    expect(ask(c, R, from('canary')).status).toBe(503); // canary/reviews is not in the design
  });

  it('the trace says which source condition failed', () => {
    const d = ask(c, R, from('bookinfo', { app: 'ratings' }));
    expect(d.trace.find((t) => t.ref === 'VirtualService bookinfo/reviews rule 1 match 1')?.reason).toBe('source label app=productpage missing on bookinfo/client');
  });
});

// istio.md §1.7 and §9.7: sidecars do not merge VirtualServices — the first (oldest) VS for a host
// wins and later ones are ignored (IST0109); a request no rule matches gets 404.
describe('mesh: one VirtualService per host (§1.7)', () => {
  it('the older VS wins entirely', () => {
    const c = design(base + vs('newer', `  - match: [{uri: {prefix: /new}}]\n    ${to('v2')}\n`, '', '2025-01-01T00:00:00Z') + vs('older', `  - match: [{uri: {prefix: /old}}]\n    ${to('v1')}\n`));
    expect(shares(ask(c, 'GET http://reviews:9080/old', from('bookinfo')))).toEqual(['reviews:v1=1']);
    const miss = ask(c, 'GET http://reviews:9080/new', from('bookinfo'));
    expect(miss.status).toBe(404);
    expect(miss.dialect).toBe('istio');
  });

  it('without a mesh VirtualService the request goes straight to the Service', () => {
    const c = design(base + vs('gw-only', `  - ${to('v2')}\n`, '  gateways: [istio-system/gw]\n'));
    const d = ask(c, R, from('bookinfo'));
    expect(d.status).toBe(200);
    expect(d.route).toBeNull();
    expect(shares(d)).toEqual(['reviews=1']);
  });

  it('exportTo: . limits the VS to clients of its namespace (§1.1)', () => {
    const c = design(base + vs('private', `  - ${to('v2')}\n`, '  exportTo: [.]\n'));
    expect(shares(ask(c, 'GET http://reviews.bookinfo:9080/', from('bookinfo')))).toEqual(['reviews:v2=1']);
    const other = ask(c, 'GET http://reviews.bookinfo:9080/', from('frontend'));
    expect(other.route).toBeNull();
    expect(shares(other)).toEqual(['reviews=1']);
  });
});

// istiod builds a sidecar's routes per port and per client proxy (route.go
// BuildHTTPRoutesForVirtualService drops matches on another port or another source; a VS left with
// no route builds no virtual host, buildSidecarVirtualHostsForVirtualService). The next VS claiming
// the host then takes it (httproute.go BuildSidecarOutboundVirtualHosts keeps the first virtual host
// of a name), and with none the Service's default route applies (BuildSidecarVirtualHostWrapper).
describe('mesh: a VS that yields no route for the port or the client (§1.7)', () => {
  const older = vs('older', `  - match: [{port: 9090}, {sourceLabels: {app: productpage}}]\n    ${to('v1')}\n`);
  it.each([
    ['the older VS routes only port 9090: the newer takes port 9080', 'GET http://reviews:9080/', {}, 'newer', 'reviews:v2=1'],
    ['the older VS takes port 9090', 'GET http://reviews:9090/', {}, 'older', 'reviews:v1=1'],
    ['a client its sourceLabels select sees the older VS on 9080', 'GET http://reviews:9080/', { app: 'productpage' }, 'older', 'reviews:v1=1'],
  ])('%s', (_what, request, labels, route, expected) => {
    const d = ask(design(base + older + vs('newer', `  - ${to('v2')}\n`, '', '2025-01-01T00:00:00Z')), request, from('bookinfo', labels));
    expect([d.route?.name, shares(d)]).toEqual([route, [expected]]);
  });
  it('with no other claimant the Service answers, not a 404', () => {
    const d = ask(design(base + older), 'GET http://reviews:9080/x', from('bookinfo'));
    expect([d.route, shares(d), d.status]).toEqual([null, ['reviews=1'], 200]);
  });
  it('a VS with routes for the client still answers 404 to a request none matches', () => {
    const d = ask(design(base + vs('only', `  - match: [{uri: {prefix: /a}, sourceNamespace: bookinfo}]\n    ${to('v2')}\n`)), 'GET http://reviews:9080/b', from('bookinfo'));
    expect([d.status, d.dialect]).toEqual([404, 'istio']);
  });
});

// istio.md §1.5: `tcp[]` rules of the VS that claims the host, in order; the first that applies
// (no match, or a match on the Service port / the client's labels and namespace) takes the
// connection; HTTP rules never take a connection, nor TCP rules a request.
describe('mesh TCP routes (§1.5)', () => {
  const tcpVs = (tcp: string, http = '') => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: bookinfo}
spec:
  hosts: [reviews]
${http}  tcp:
${tcp}`;
  const dest = (subset: string, port = 9080) => `route: [{destination: {host: reviews, subset: ${subset}, port: {number: ${port}}}}]`;
  const c = design(
    base +
      tcpVs(
        `  - match: [{port: 9090}]\n    ${dest('v2', 9090)}\n  - match: [{sourceNamespace: canary}]\n    ${dest('v2')}\n  - ${dest('v1')}\n`,
        `  http:\n  - match: [{uri: {prefix: /h}}]\n    ${to('v2')}\n`,
      ),
  );
  it.each([
    ['TCP tcp://reviews.bookinfo:9080', 'other', 'reviews:v1=1', 2],
    ['TCP tcp://reviews.bookinfo:9090', 'other', 'reviews:v2=1', 0],
    ['TCP tcp://reviews.bookinfo:9080', 'canary', 'reviews:v2=1', 1],
  ])('%s from %s → %s (rule %i)', (request, ns, expected, rule) => {
    const d = ask(c, request, from(ns));
    expect([shares(d), d.rule, d.status]).toEqual([[expected], rule, 'CONNECTED']);
    expect(d.route).toEqual({ kind: 'VirtualService', namespace: 'bookinfo', name: 'reviews' });
  });
  it('an HTTP request takes the http rules only', () => {
    expect(shares(ask(c, 'GET http://reviews.bookinfo:9080/h', from('other')))).toEqual(['reviews:v2=1']);
    expect(ask(c, 'GET http://reviews.bookinfo:9080/x', from('other')).status).toBe(404);
  });
  it('without tcp rules a connection goes straight to the Service', () => {
    const d = ask(design(base + vs('reviews', `  - ${to('v2')}\n`)), 'TCP tcp://reviews.bookinfo:9080', from('other'));
    expect([d.route, shares(d), d.status]).toEqual([null, ['reviews=1'], 'CONNECTED']);
  });
});

// tls.go buildSidecarOutboundTCPFilterChainOpts: the `tcp` rules of every VS whose host matches, in
// order; matchTCP selects by port, gateways, source labels and namespace together; when no rule
// applies the Service's default route takes the connection.
describe('mesh TCP routes across VirtualServices (§1.5)', () => {
  const tcpOnly = (name: string, tcp: string, ts: string) => `---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, namespace: bookinfo, creationTimestamp: "${ts}"}
spec:
  hosts: [reviews]
  tcp:
${tcp}`;
  const dest = (subset: string) => `route: [{destination: {host: reviews, subset: ${subset}, port: {number: 9080}}}]`;
  const c = design(
    base +
      tcpOnly('older', `  - match: [{sourceNamespace: canary, gateways: [mesh]}]\n    ${dest('v2')}\n`, '2024-01-01T00:00:00Z') +
      tcpOnly('newer', `  - match: [{sourceLabels: {app: db-admin}}]\n    ${dest('v1')}\n`, '2025-01-01T00:00:00Z'),
  );
  it.each([
    ['canary', {}, 'older', 'reviews:v2=1'],
    ['other', { app: 'db-admin' }, 'newer', 'reviews:v1=1'],
    // `gateways: [mesh]` does not lift the sourceNamespace of a tcp match (unlike HTTP).
    ['other', {}, undefined, 'reviews=1'],
  ])('from %s %j → %s', (ns, labels, route, expected) => {
    const d = ask(c, 'TCP tcp://reviews.bookinfo:9080', from(ns, labels));
    expect([d.route?.name, shares(d), d.status]).toEqual([route, [expected], 'CONNECTED']);
  });
});
