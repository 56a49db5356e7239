import { describe, expect, it } from 'vitest';
import { compileText } from '../test-kit.js';
import { ask as askRequest } from './testing.js';
import text from '../../../public/examples/shop.yaml?raw';

// The embedded example (public/examples/shop.yaml) must compile cleanly and answer as designed.
const result = compileText(text).compiled;
const ask = (req: string, headers: string[] = []) => askRequest(result, req, headers);

describe('public/examples/shop.yaml', () => {
  it('compiles without diagnostics or missing objects, every route accepted with resolved refs', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.table.notes).toEqual([]);
    const conditions = result.status.items.flatMap((i) => [...(i.status.conditions ?? []), ...(i.status.parents ?? []).flatMap((p) => p.conditions), ...(i.status.listeners ?? []).flatMap((l) => l.conditions)]);
    expect(conditions.filter((c) => (c.type === 'Conflicted') === (c.status === 'True'))).toEqual([]);
  });
  it('x-canary: 1 → cart-v2', () => {
    const d = ask('GET https://www.shop.example.com/cart', ['x-canary: 1']);
    expect([d.status, d.route?.name, d.rule, d.backends.map((b) => [b.name, b.probability])]).toEqual([200, 'cart', 0, [['cart-v2', 1]]]);
  });
  it('without the header → 90/10 cart-v1/cart-v2, with x-request-source: edge added', () => {
    const d = ask('GET https://www.shop.example.com/cart');
    expect(d.backends.map((b) => [b.name, b.weight, b.probability])).toEqual([['cart-v1', 90, 0.9], ['cart-v2', 10, 0.1]]);
    expect(d.request?.headers).toEqual({ 'x-request-source': 'edge' });
  });
  it('plain HTTP → 301 to https', () => {
    const d = ask('GET http://www.shop.example.com/x');
    expect([d.status, d.redirect]).toEqual([301, { status: 301, location: 'https://www.shop.example.com/x' }]);
  });
  it('/api/v1 is rewritten to /v1 for the catalog; the rest goes to the storefront', () => {
    const api = ask('GET https://www.shop.example.com/api/v1/items?page=2');
    expect([api.backends[0]?.name, api.request?.path]).toEqual(['catalog', '/v1/items?page=2']);
    expect(ask('GET https://www.shop.example.com/').backends[0]?.name).toBe('storefront');
  });
  it('a host the routes do not list → 404', () => {
    expect(ask('GET https://admin.shop.example.com/').status).toBe(404);
  });
});
