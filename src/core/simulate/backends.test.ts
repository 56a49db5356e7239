import { describe, expect, it } from 'vitest';
import { ask, build, gateway, gatewayClass, http, httpRoute, namespace, service, to } from './testing.js';

const split = (backendRefs: unknown[], assumeExternal = false) =>
  build([gatewayClass(), gateway('gw', [http('http')]), service('a'), service('b'), httpRoute('r', { rules: [{ backendRefs }] })], assumeExternal);

// gateway-api.md §6.2; conformance httproute-weight (70/30/0), httproute-invalid-* (500 share),
// httproute-omitted-backendrefs (500).
describe('weights and failure shares (§6.2)', () => {
  it('shares follow weights; weight 0 gets nothing', () => {
    const d = ask(split([to('a', 80, { weight: 70 }), to('b', 80, { weight: 30 }), to('a', 80, { weight: 0 })]), 'GET http://h/');
    expect(d.backends.map((b) => b.probability)).toEqual([0.7, 0.3, 0]);
    expect(d.outcomes).toEqual([{ probability: 1, status: 200 }]);
  });
  it('weight defaults to 1', () => {
    const d = ask(split([to('a'), to('b')]), 'GET http://h/');
    expect(d.backends.map((b) => [b.weight, b.probability])).toEqual([[1, 0.5], [1, 0.5]]);
  });
  it('an invalid backend keeps its share, which answers 500 with the reason', () => {
    const d = ask(split([to('a', 80, { weight: 90 }), to('cart-v3', 80, { weight: 10 })]), 'GET http://h/');
    expect(d.status).toBe(200);
    expect(d.outcomes).toEqual([
      { probability: 0.9, status: 200 },
      { probability: 0.1, status: 500, reason: 'BackendNotFound: Service default/cart-v3 is not in this design' },
    ]);
    expect(d.notes).toContainEqual({ code: 'NotInDesign', message: 'Service default/cart-v3 is not in this design' });
  });
  it('--assume-external treats the missing Service as present, and says so', () => {
    const d = ask(split([to('a'), to('cart-v3')], true), 'GET http://h/');
    expect(d.outcomes).toEqual([{ probability: 1, status: 200 }]);
    expect(d.notes.map((n) => n.code)).toContain('AssumedExternal');
  });
  it('every weight 0 → 500, flagged implementation-specific', () => {
    const d = ask(split([to('a', 80, { weight: 0 }), to('b', 80, { weight: 0 })]), 'GET http://h/');
    expect(d.status).toBe(500);
    expect(d.notes.map((n) => n.code)).toContain('ImplementationSpecific');
  });
  it('no backendRefs → 500', () => {
    expect(ask(split([]), 'GET http://h/').status).toBe(500);
  });
  it('half invalid → 50 % 500s', () => {
    const d = ask(split([to('a'), to('missing')]), 'GET http://h/');
    expect(d.outcomes.map((o) => [o.probability, o.status])).toEqual([[0.5, 200], [0.5, 500]]);
  });
  it.each([
    [{ name: 'a', port: 80, kind: 'Bucket', group: 'storage.example.com' }, 'InvalidKind'],
    [{ name: 'a', port: 81 }, 'PortNotFound'],
    [{ name: 'x', namespace: 'other', port: 80 }, 'RefNotPermitted'],
  ])('%j → %s', (ref, reason) => {
    const d = ask(split([ref]), 'GET http://h/');
    expect(d.status).toBe(500);
    expect(d.backends[0]?.problem).toMatch(new RegExp(`^${reason}`));
  });
});

// gateway-api.md §3.4; apis/v1/referencegrant_types.go; conformance httproute-reference-grant,
// httproute-invalid-reference-grant.
describe('ReferenceGrant for cross-namespace backends (§3.4)', () => {
  const grant = (from: Record<string, unknown>, to: Record<string, unknown>, ns = 'other') => ({
    apiVersion: 'gateway.networking.k8s.io/v1beta1',
    kind: 'ReferenceGrant',
    metadata: { name: 'g', namespace: ns },
    spec: { from: [from], to: [to] },
  });
  const design = (...extra: Record<string, unknown>[]) =>
    build([gatewayClass(), gateway('gw', [http('http')]), namespace('other'), service('x', 'other'), httpRoute('r', { rules: [{ backendRefs: [{ name: 'x', namespace: 'other', port: 80 }] }] }), ...extra]);
  const FROM = { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: 'default' };
  it.each([
    ['no grant', [], 500],
    ['a matching grant', [grant(FROM, { group: '', kind: 'Service' })], 200],
    ['a grant naming the Service', [grant(FROM, { group: '', kind: 'Service', name: 'x' })], 200],
    ['a grant naming another Service', [grant(FROM, { group: '', kind: 'Service', name: 'y' })], 500],
    ['a grant from another namespace', [grant({ ...FROM, namespace: 'elsewhere' }, { group: '', kind: 'Service' })], 500],
    ['a grant from another kind', [grant({ ...FROM, kind: 'GRPCRoute' }, { group: '', kind: 'Service' })], 500],
    ['a grant in the wrong namespace', [grant(FROM, { group: '', kind: 'Service' }, 'default')], 500],
  ])('%s → %s', (_what, extra, status) => {
    const d = design(...(extra as Record<string, unknown>[]));
    expect(ask(d, 'GET http://h/').status).toBe(status);
    const parent = d.status.items.find((i) => i.kind === 'HTTPRoute')?.status.parents?.[0];
    const resolved = parent?.conditions.find((c) => c.type === 'ResolvedRefs');
    expect(resolved?.reason).toBe(status === 200 ? 'ResolvedRefs' : 'RefNotPermitted');
    expect(parent?.conditions[0]?.status).toBe('True');
  });
});
