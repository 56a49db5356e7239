import { describe, expect, it } from 'vitest';
import { ask, design, shares } from './test-kit.js';

// DESIGN.md "Objects outside the design": with --assume-external a Service the design lacks is
// present. A mesh VirtualService for such a Service routes the requests addressed to it.
const SPLIT = `
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews, namespace: default}
spec:
  hosts: [reviews]
  http:
  - match: [{headers: {end-user: {exact: tester}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - route:
    - {destination: {host: reviews, subset: v1}, weight: 90}
    - {destination: {host: reviews, subset: v2}, weight: 10}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews, namespace: default}
spec:
  host: reviews
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
`;
const from = { from: 'default/productpage' };

describe('--assume-external: a mesh VirtualService for a Service not in the design', () => {
  it('applies to requests addressed to that Service, by subset, and says the Service was assumed', () => {
    const d = ask(design(SPLIT, { assumeExternal: true }), 'GET http://reviews:9080/', from);
    expect([d.status, d.route?.name, shares(d)]).toEqual([200, 'reviews', ['reviews:v1=0.9', 'reviews:v2=0.1']]);
    expect(d.gateway).toEqual({ kind: 'Service', namespace: 'default', name: 'reviews' });
    expect(d.notes.some((n) => n.code === 'AssumedExternal' && n.message.startsWith('Service default/reviews is not in this design; assumed present for mesh VirtualService default/reviews'))).toBe(true);
  });
  it.each([
    ['reviews.default', '/'],
    ['reviews.default.svc.cluster.local', '/x'],
  ])('whatever name the client uses: %s', (host, path) => {
    const d = ask(design(SPLIT, { assumeExternal: true }), `GET http://${host}:9080${path}`, { from: 'other/client' });
    expect(shares(d)).toEqual(['reviews:v1=0.9', 'reviews:v2=0.1']);
  });
  it('its matches hold as for a Service in the design', () => {
    const d = ask(design(SPLIT, { assumeExternal: true }), 'GET http://reviews:9080/', { ...from, headers: ['end-user: tester'] });
    expect(shares(d)).toEqual(['reviews:v2=1']);
  });
  it('a subset that the DestinationRule of the design does not define fails (503)', () => {
    const d = ask(design(SPLIT.replace('subset: v2}, weight: 10', 'subset: v9}, weight: 10'), { assumeExternal: true }), 'GET http://reviews:9080/', from);
    expect(d.outcomes).toEqual([{ probability: 0.9, status: 200 }, { probability: 0.1, status: 503, reason: expect.stringMatching(/^SubsetNotFound: subset v9/) as unknown }]);
  });
  it('without --assume-external the Service is missing: 503, no route applies', () => {
    const d = ask(design(SPLIT), 'GET http://reviews:9080/', from);
    expect([d.status, d.route, d.notes[0]?.code]).toEqual([503, null, 'NotInDesign']);
  });
  it('a host that is not a Service name is not assumed', () => {
    const d = ask(design(SPLIT.replace('hosts: [reviews]', 'hosts: [reviews.example.com]'), { assumeExternal: true }), 'GET http://reviews.example.com/', from);
    expect(d.route).toBeNull();
  });
});
