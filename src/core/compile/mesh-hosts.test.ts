import { describe, expect, it } from 'vitest';
import { aliases } from './mesh.js';
import { firstOf, plainLabel, ServiceHosts } from './mesh-hosts.js';
import type { MeshService } from './table-types.js';

// ServiceHosts answers what a map of every Service's aliases (`name.ns`, `name.ns.svc`,
// `name.ns.svc.cluster.local`), set in sorted key order, answered — names the validator refuses
// (a dot or `/` in them) included, and hosts several Services share.

const SERVICES: readonly [string, string][] = [
  ['shop', 'cart'], ['shop', 'web'], ['svc', 'a'], ['a', 'b'], ['b.svc', 'a'], ['svc', 'a.b'], ['x', 'a.b'], ['b.x', 'a'],
  ['cluster.local', 'a.b.svc'], ['local', 'a.b.svc.cluster'], ['a/b', 'c'], ['a', 'b/c'], ['', 'e'], ['f', ''], ['b', 'a'], ['zz', 'm'], ['svc', 'm.zz'],
];

function tables(): { lookup: ServiceHosts; expected: Map<string, string> } {
  const services = new Map<string, MeshService>();
  const others = new Map<string, string>();
  const expected = new Map<string, string>();
  const keyed = SERVICES.map(([namespace, name]) => [`${namespace}/${name}`, namespace, name] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, namespace, name] of keyed) {
    services.set(key, { ref: { kind: 'Service', namespace, name }, hosts: aliases(namespace, name), servicePorts: null, ports: [], rejected: [] });
    for (const h of aliases(namespace, name).slice(1)) {
      expected.set(h, key);
      if (!plainLabel(namespace) || !plainLabel(name)) others.set(h, key);
    }
  }
  return { lookup: new ServiceHosts(services, others), expected };
}

describe('ServiceHosts', () => {
  const { lookup, expected } = tables();
  const asked = [...expected.keys(), 'cart', 'cart.shop.svc.cluster', 'cart.other', 'cart.shop.svc.cluster.local.', 'a.b.c', '.shop', 'cart.', 'a.svc.svc'];

  it.each(asked)('%s: the key the alias map gives', (host) => {
    expect(lookup.get(host)).toBe(expected.get(host));
  });

  it('shared hosts are in the table (the greatest key wins)', () => {
    expect(expected.get('a.b.svc')).toBe('svc/a.b');
    expect(lookup.get('a.b.svc')).toBe('svc/a.b');
    expect(expected.get('m.zz.svc')).toBe('zz/m');
    expect(lookup.get('m.zz.svc')).toBe('zz/m');
    expect(lookup.get('cart.shop.svc.cluster.local')).toBe('shop/cart');
  });

  it("firstOf: the first lookup's answer, else the second's", () => {
    const both = firstOf(lookup, new Map([['cart.shop', 'istio/x'], ['api.example.com', 'ServiceEntry:n/se:api.example.com']]));
    expect(both.get('cart.shop')).toBe('shop/cart');
    expect(both.get('api.example.com')).toBe('ServiceEntry:n/se:api.example.com');
    expect(both.get('nowhere.example')).toBeUndefined();
  });
});
