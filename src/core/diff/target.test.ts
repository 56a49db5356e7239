import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { gateway, gatewayClass, http, httpRoute, service, to, yamlOf } from '../simulate/testing.js';
import { parseTarget, type Target } from '../target/target.js';
import { diffTables } from './behaviour.js';
import { diffDesigns } from './index.js';
import { tableOf } from './testing.js';

/**
 * DiffOptions.target: every request of the diff is simulated for the target. NGINX Gateway Fabric
 * reads a path regex from the start of the path; with no target (RE2, whole path) `RegularExpression
 * /api` and `Exact /api` take the same requests, so only the target shows the change at /api/v1
 * (a candidate because the second rule names it).
 */
const design = (pathType: string, cls: KubeObject = gatewayClass()): string =>
  yamlOf([
    cls,
    gateway('gw', [http('http')]),
    service('a'),
    httpRoute('r', {
      rules: [
        { matches: [{ path: { type: pathType, value: '/api' } }], backendRefs: [to('a')] },
        { matches: [{ path: { type: 'Exact', value: '/api/v1' }, headers: [{ name: 'x-canary', value: '1' }] }], backendRefs: [to('a')] },
      ],
    }),
  ]);

function target(text: string): Target {
  const r = parseTarget(text);
  if (!r.ok) throw new Error(r.error);
  return r.target;
}

const requestsOf = (before: string, after: string, t?: Target): string[] =>
  diffDesigns([{ name: 'before.yaml', text: before }], [{ name: 'after.yaml', text: after }], t ? { target: t } : {}).changes.map((c) => `${c.witness.request} ${c.before.status}→${c.after.status}`);

describe('diff for a target', () => {
  it.each([
    ['no target', undefined, []],
    ['a target with no implementation', target('channel=standard'), []],
    ['envoy-gateway (RE2 whole path)', target('implementation=envoy-gateway'), []],
    ['nginx-gateway-fabric (from the start of the path)', target('implementation=nginx-gateway-fabric'), ['GET http://reach.example/api/v1 200→404']],
  ])('%s', (_name, t, expected) => {
    expect(requestsOf(design('RegularExpression'), design('Exact'), t)).toEqual(expected);
  });

  it('diffTables takes the target too, and says the same', () => {
    const [a, b] = [tableOf(design('RegularExpression')), tableOf(design('Exact'))];
    expect(diffTables(a, b).changes).toEqual([]);
    expect(diffTables(a, b, { target: target('implementation=nginx-gateway-fabric') }).changes).toHaveLength(1);
  });

  it('a GatewayClass whose controller becomes a known implementation\'s changes what the gateway does (its site is not skipped as alike)', () => {
    const ngf: KubeObject = { ...gatewayClass(), spec: { controllerName: 'gateway.nginx.org/nginx-gateway-controller' } };
    const same = design('RegularExpression');
    expect(requestsOf(same, design('RegularExpression', ngf))).toContain('GET http://reach.example/api/v1 404→200');
    // An explicit implementation wins over the class: both versions are then judged as Envoy Gateway.
    expect(requestsOf(same, design('RegularExpression', ngf), target('implementation=envoy-gateway'))).toEqual([]);
  });
});
