import { describe, expect, it } from 'vitest';
import { istioGatewayYaml, serviceYaml } from '../test-kit.js';
import { checkEquivalence } from './equivalence.js';
import { boundaryRequests } from './requests.js';
import { codes, convertText, item } from './test-helpers.js';

/**
 * Mesh TLS both ways (issue 13 scope 4). GEP-1294 "Route types" lets a TLSRoute take a Service
 * parent, matched by the ClusterIP, its hostnames unused; a sidecar reads a VirtualService's `tls`
 * rules on TLS ports and picks one by SNI (istio/istio tls.go buildSidecarOutboundTLSFilterChainOpts).
 * Each conversion keeps every decision the loss report does not name (boundary requests include a
 * TLS connection per SNI name on the Services' TLS ports).
 */
const svc = (name: string, ports: string): string => serviceYaml(name, { ports });
const SVCS = svc('tdb', '{port: 443, name: tls}, {port: 5432, name: tcp}') + svc('tdb-a', '{port: 443, name: tls}') + svc('tdb-b', '{port: 443, name: tls}') + svc('plain', '{port: 443, name: web}');
const vs = (name: string, body: string): string => `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: shop}\nspec:\n${body}`;
const tlsRoute = (name: string, parent: string, created = '2024-01-01T00:00:00Z'): string =>
  `---\napiVersion: gateway.networking.k8s.io/v1alpha2\nkind: TLSRoute\nmetadata: {name: ${name}, namespace: shop, creationTimestamp: "${created}"}\nspec:\n  parentRefs: [${parent}]\n  hostnames: [tdb.shop.svc.cluster.local]\n  rules: [{backendRefs: [{name: tdb-b, port: 443}]}]\n`;
const sni = (h: string, dest: string): string => `  - match: [{sniHosts: [${h}]}]\n    route: [{destination: {host: ${dest}, port: {number: 443}}}]\n`;

function proved(text: string, to: 'istio' | 'gateway-api') {
  const { resources, result } = convertText(text, { to });
  const diffs = checkEquivalence(resources, result, boundaryRequests(resources));
  // Without its loss entries the same conversion must show unexplained differences (the proof is not vacuous).
  const bare = checkEquivalence(resources, { ...result, loss: [] }, boundaryRequests(resources)).filter((d) => d.explainedBy.length === 0).length;
  return { result, diffs, bare, unexplained: diffs.filter((d) => d.explainedBy.length === 0).map((d) => `${d.request.text} ${d.request.sni ?? ''} ${d.fields.join(',')}`) };
}

describe('Istio mesh tls rules → TLSRoutes with a Service parent', () => {
  it('the first rule for a TLS port becomes the port\'s TLSRoute; the SNI match is a loss that widens', () => {
    const p = proved(SVCS + vs('v', `  hosts: [tdb.shop.svc.cluster.local]\n  tls:\n${sni('tdb.shop.svc.cluster.local', 'tdb-a')}`), 'gateway-api');
    expect(p.unexplained).toEqual([]);
    expect(codes(p.result)).toEqual(['TLSMatch']);
    expect(p.bare).toBeGreaterThan(0);
    expect(p.result.loss.find((l) => l.code === 'TLSMatch')?.widens).toBe(true);
    expect(item(p.result, 'TLSRoute', 'v-tdb')).toMatchObject({ spec: { parentRefs: [{ group: '', kind: 'Service', name: 'tdb', port: 443 }], rules: [{ backendRefs: [{ name: 'tdb-a', port: 443 }] }] } });
    // SNI other than the Service's: Istio closes it, the TLSRoute routes it — named by the loss.
    expect(p.diffs.some((d) => d.request.sni === 'unknown.example.org' && d.before.status === 'REJECTED' && d.after.status === 'CONNECTED')).toBe(true);
  });

  it('a later rule for the same port is left out with its own loss', () => {
    const p = proved(SVCS + vs('v', `  hosts: [tdb.shop.svc.cluster.local, "*.tdb.example.com"]\n  tls:\n${sni('tdb.shop.svc.cluster.local', 'tdb-a')}${sni('"*.tdb.example.com"', 'tdb-b')}`), 'gateway-api');
    expect(p.unexplained).toEqual([]);
    expect(p.result.loss.filter((l) => l.code === 'TLSMatch').map((l) => l.path).sort()).toEqual(['spec.tls[0].match', 'spec.tls[1]']);
    expect(p.result.items.filter((o) => o.kind === 'TLSRoute')).toHaveLength(1);
  });

  it('a Service with no TLS port: Istio reads no tls rule there, nothing is emitted and nothing changes', () => {
    const p = proved(SVCS + vs('v', `  hosts: [plain.shop.svc.cluster.local]\n  tls:\n${sni('plain.shop.svc.cluster.local', 'tdb-a')}`), 'gateway-api');
    expect([p.unexplained, p.diffs.length, codes(p.result)]).toEqual([[], 0, []]);
    expect(p.result.notes.map((n) => n.code)).toContain('UnreachableRuleDropped');
  });

  it('a VirtualService bound to a gateway and the mesh keeps its gateway TLSRoute too', () => {
    const gw = istioGatewayYaml('{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*"], tls: {mode: PASSTHROUGH}}');
    const p = proved(gw + SVCS + vs('v', `  hosts: [tdb.shop.svc.cluster.local]\n  gateways: [mesh, edge]\n  tls:\n${sni('tdb.shop.svc.cluster.local', 'tdb-a')}`), 'gateway-api');
    expect(p.unexplained).toEqual([]);
    expect(p.result.items.filter((o) => o.kind === 'TLSRoute').map((o) => (o.metadata as { name: string }).name).sort()).toEqual(['v', 'v-tdb']);
  });
});

describe('TLSRoutes with a Service parent → mesh tls rules', () => {
  it('the route becomes a tls rule for the Service FQDN as SNI; other SNI names are a loss that narrows', () => {
    const p = proved(SVCS + tlsRoute('r', '{group: "", kind: Service, name: tdb, port: 443}'), 'istio');
    expect(p.unexplained).toEqual([]);
    expect(codes(p.result)).toEqual(['TLSMatch']);
    expect(p.bare).toBeGreaterThan(0);
    expect(item(p.result, 'VirtualService', 'r')).toMatchObject({ spec: { hosts: ['tdb.shop.svc.cluster.local'], tls: [{ match: [{ sniHosts: ['tdb.shop.svc.cluster.local'], port: 443 }], route: [{ destination: { host: 'tdb-b' } }] }] } });
    expect(p.diffs.some((d) => d.request.sni === 'unknown.example.org' && d.before.status === 'CONNECTED' && d.after.status !== 'CONNECTED')).toBe(true);
    expect(p.diffs.some((d) => d.request.sni === 'tdb.shop.svc.cluster.local')).toBe(false);
  });

  it('a port Istio does not read as TLS is named in the loss', () => {
    const p = proved(SVCS + tlsRoute('r', '{group: "", kind: Service, name: plain, port: 443}'), 'istio');
    expect(p.unexplained).toEqual([]);
    expect(p.result.loss.find((l) => l.code === 'TLSMatch')?.message).toContain('on port 443 the rule does not apply at all');
  });

  it('round trip: Istio → Gateway API → Istio routes the Service FQDN SNI as before', () => {
    const text = SVCS + vs('v', `  hosts: [tdb.shop.svc.cluster.local]\n  tls:\n${sni('tdb.shop.svc.cluster.local', 'tdb-a')}`);
    const there = convertText(text, { to: 'gateway-api' });
    const yaml = there.result.items.map((o) => JSON.stringify(o)).join('\n---\n');
    const back = proved(yaml, 'istio');
    expect(back.unexplained).toEqual([]);
    expect(item(back.result, 'VirtualService', 'v-tdb')).toMatchObject({ spec: { tls: [{ match: [{ sniHosts: ['tdb.shop.svc.cluster.local'], port: 443 }], route: [{ destination: { host: 'tdb-a' } }] }] } });
  });
});

describe('AUTO_PASSTHROUGH servers → Gateway API', () => {
  it('have no form: the loss names the SNI-routed connections the Passthrough listener refuses', () => {
    const gw = istioGatewayYaml('{port: {number: 15443, name: tls, protocol: TLS}, hosts: ["*.local"], tls: {mode: AUTO_PASSTHROUGH}}');
    const p = proved(gw + SVCS, 'gateway-api');
    expect(p.unexplained).toEqual([]);
    expect(p.bare).toBeGreaterThan(0);
    expect(codes(p.result)).toEqual(['TLSModeNotRepresentable']);
    expect(p.result.loss[0]?.message).toContain('outbound_.PORT_.SUBSET_.HOST');
    expect(p.diffs.some((d) => d.request.text === 'TLS tls://outbound_.443_._.tdb.shop.svc.cluster.local:15443' && d.before.status === 'CONNECTED' && d.after.status === 'REJECTED')).toBe(true);
  });
});
