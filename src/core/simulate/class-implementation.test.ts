import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { parseTarget } from '../target/target.js';
import { ask, backendOf, build, gateway, gatewayClass, http, httpRoute, service, to } from './testing.js';
import type { Decision, SimulateOptions } from './types.js';

/**
 * Issue 14 scope 1: a GatewayClass whose controllerName belongs to a known implementation makes
 * that implementation the target of its Gateways, unless the target names one. NGINX Gateway
 * Fabric reads a path regex from the start of the path (`location ~ ^/api`), Envoy-based
 * implementations and the spec's core as RE2 matching the whole path (implementation-table.ts).
 */
const NGF = 'gateway.nginx.org/nginx-gateway-controller';
const classOf = (controllerName: string): KubeObject => ({ ...gatewayClass(), spec: { controllerName } });
const regexRoutes = [
  httpRoute('rx', {
    rules: [
      { matches: [{ path: { type: 'RegularExpression', value: '/api' } }], backendRefs: [to('a')] },
      { matches: [{ path: { type: 'RegularExpression', value: '/v[0-9]+' } }], backendRefs: [to('b')] },
    ],
  }),
];
const designWith = (cls: KubeObject | null, routes: KubeObject[] = regexRoutes) =>
  build([...(cls ? [cls] : []), gateway('gw', [http('http')]), service('a'), service('b'), ...routes]);

function targetOf(text: string | null): SimulateOptions {
  if (text === null) return {};
  const r = parseTarget(text);
  if (!r.ok) throw new Error(r.error);
  return { target: r.target };
}

const judged = (d: Decision): string[] => d.notes.filter((n) => n.message.startsWith('judged as')).map((n) => n.message);

describe('a Gateway is simulated as its GatewayClass controller\'s implementation behaves', () => {
  it.each([
    // [class controllerName (null: no class in the design), --target, backend or status, the "judged as" note]
    [NGF, null, 'a', `judged as nginx-gateway-fabric: GatewayClass gc's controller ${NGF}`],
    [NGF, 'channel=standard', 'a', `judged as nginx-gateway-fabric: GatewayClass gc's controller ${NGF}`],
    [NGF, 'implementation=envoy-gateway', 404, null],
    [NGF, 'implementation=nginx-gateway-fabric', 'a', null],
    ['gateway.envoyproxy.io/gatewayclass-controller', null, 404, "judged as envoy-gateway: GatewayClass gc's controller gateway.envoyproxy.io/gatewayclass-controller"],
    ['gateway.envoyproxy.io/gatewayclass-controller', 'implementation=nginx-gateway-fabric', 'a', null],
    ['example.com/gateway', null, 404, null],
    ['example.com/gateway', 'gateway-api=v1.5', 404, null],
    [null, null, 404, null],
  ])('class %s, target %s: GET /api/v1 → %s', (controller, target, expected, note) => {
    const d = ask(designWith(controller === null ? null : classOf(controller)), 'GET http://shop.example.com/api/v1', [], targetOf(target));
    expect(backendOf(d)).toBe(expected);
    expect(judged(d)).toEqual(note === null ? [] : [note]);
  });

  it('says so once, however many regex rules were looked at, and reads them as the implementation does', () => {
    const d = ask(designWith(classOf(NGF)), 'GET http://shop.example.com/v2/x');
    expect(backendOf(d)).toBe('b');
    expect(judged(d)).toHaveLength(1);
    expect(d.notes.filter((n) => n.message.startsWith('regular expressions are read as NGINX Gateway Fabric'))).toHaveLength(1);
  });

  it('Istio\'s own class: its regex note instead of the generic one', () => {
    const d = ask(designWith(classOf('istio.io/gateway-controller')), 'GET http://shop.example.com/api');
    expect(backendOf(d)).toBe('a');
    expect(judged(d)).toEqual(["judged as istio: GatewayClass gc's controller istio.io/gateway-controller"]);
    expect(d.notes.some((n) => n.message.startsWith('regular expressions are read as Istio reads them'))).toBe(true);
    expect(d.notes.some((n) => n.message.startsWith('regular expressions are evaluated as RE2'))).toBe(false);
  });

  it('a class of an unknown controller changes nothing: the Decision of the same table without the class', () => {
    const result = designWith(gatewayClass());
    const stripped = { ...result, table: { ...result.table, gateways: result.table.gateways.map(({ gatewayClass: _, ...g }) => g) } };
    for (const path of ['/api', '/api/v1', '/v1', '/none']) {
      for (const target of [null, 'channel=standard']) {
        const d = ask(result, `GET http://shop.example.com${path}`, [], targetOf(target));
        expect(d).toEqual(ask(stripped, `GET http://shop.example.com${path}`, [], targetOf(target)));
        expect(judged(d)).toEqual([]);
      }
    }
  });

  it('the compiled gateway carries its class and controllerName only when the class is in the design', () => {
    expect(designWith(classOf(NGF)).table.gateways[0]?.gatewayClass).toEqual({ name: 'gc', controllerName: NGF });
    expect(designWith(null).table.gateways[0]?.gatewayClass).toBeUndefined();
  });

  it('mesh requests are unchanged: only an explicit target implementation applies there', () => {
    const meshRoute = httpRoute('m', {
      parentRefs: [{ group: '', kind: 'Service', name: 'a', port: 80 }],
      rules: [{ matches: [{ path: { type: 'RegularExpression', value: '/api' } }], backendRefs: [to('b')] }],
    });
    const mesh = { mesh: { namespace: 'default', workload: 'client', labels: {} } };
    const plain = ask(designWith(gatewayClass(), [meshRoute]), 'GET http://a/api/v1', [], mesh);
    const ngf = ask(designWith(classOf(NGF), [meshRoute]), 'GET http://a/api/v1', [], mesh);
    expect(ngf).toEqual(plain);
    expect(backendOf(plain)).toBe(404);
    expect(backendOf(ask(designWith(classOf(NGF), [meshRoute]), 'GET http://a/api/v1', [], { ...mesh, ...targetOf('implementation=nginx-gateway-fabric') }))).toBe('b');
  });
});
