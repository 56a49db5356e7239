import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { design } from '../compile/istio/test-kit.js';
import { REGEX_NOTE } from '../compile/http-match.js';
import { parseTarget, type Target } from '../target/target.js';
import { serviceYaml } from '../test-kit.js';
import { IMPLEMENTATIONS } from './implementation-table.js';
import { designArb, objects, requestArb } from './property-arbs.js';
import { ask, backendOf, basic, build, gateway, gatewayClass, http, httpRoute, service, to } from './testing.js';
import { simulate } from './index.js';
import { parseRequest } from './parse-request.js';
import type { Decision, SimulateOptions } from './types.js';

/**
 * Where the spec leaves a choice to the implementation, the simulator follows the target's
 * (implementation-table.ts, each entry citing its source): same request, a different outcome or
 * note per implementation. `-` = no target at all (today's Decision); `core` = a target with no
 * implementation (the spec's core behaviour, the choice named implementation-specific).
 */
function targetOf(name: string): SimulateOptions {
  if (name === '-') return {};
  const r = parseTarget(name === 'core' ? 'gateway-api=v1.5' : `implementation=${name}`);
  if (!r.ok) throw new Error(r.error);
  return { target: r.target };
}

const said = (d: Decision, words: string): boolean => d.notes.some((n) => n.message.includes(words)) || d.trace.some((t) => t.reason.includes(words));

describe('regex reading per implementation', () => {
  const regexRoute = basic([
    httpRoute('rx', {
      rules: [
        { matches: [{ path: { type: 'RegularExpression', value: '/api' } }], backendRefs: [to('a')] },
        { matches: [{ path: { type: 'Exact', value: '/h' }, headers: [{ type: 'RegularExpression', name: 'x-v', value: 'v1' }] }], backendRefs: [to('b')] },
      ],
    }),
  ]);
  it.each([
    // [implementation, request, header, backend or status, words the notes or trace carry]
    // No target: today's Decision, which says nothing of a regex that did not decide.
    ['-', '/api/v1', [], 404, null],
    ['-', '/api', [], 'a', 'evaluated as RE2'],
    ['core', '/api/v1', [], 404, 'the dialect and their precedence are implementation-specific'],
    ['istio', '/api/v1', [], 404, 'as Istio reads them: RE2'],
    ['envoy-gateway', '/api/v1', [], 404, 'as Envoy Gateway reads them: RE2'],
    ['cilium', '/api/v1', [], 404, 'as Cilium reads them: RE2'],
    ['kgateway', '/api/v1', [], 404, 'how kgateway reads them is not known here'],
    ['nginx-gateway-fabric', '/api/v1', [], 'a', 'RE2 full match would not match'],
    ['nginx-gateway-fabric', '/x/api', [], 404, 'must match from the start of the path'],
    ['traefik', '/api/v1', [], 'a', 'RE2 full match would not match'],
    ['traefik', '/x/api', [], 'a', 'may match anywhere in the path'],
    ['istio', '/h', ['x-v: v10'], 404, 'a header or query regex must match the whole value'],
    ['nginx-gateway-fabric', '/h', ['x-v: v10'], 'b', 'reads its regular expression'],
    ['traefik', '/h', ['x-v: v10'], 'b', 'reads its regular expression'],
  ])('%s: GET %s %j → %s', (impl, path, headers, expected, words) => {
    const d = ask(regexRoute, `GET http://shop.example.com${path}`, headers, targetOf(impl));
    expect(backendOf(d)).toBe(expected);
    if (words === null) expect(d.notes).toEqual([]);
    else expect(said(d, words)).toBe(true);
  });

  it('the generic regex note stays without a target and gives way to the implementation\'s with one', () => {
    const none = ask(regexRoute, 'GET http://shop.example.com/api', [], {});
    const istio = ask(regexRoute, 'GET http://shop.example.com/api', [], targetOf('istio'));
    expect(none.notes).toContainEqual(REGEX_NOTE);
    expect(istio.notes).not.toContainEqual(REGEX_NOTE);
    expect({ ...istio, notes: [] }).toEqual({ ...none, notes: [] });
  });

  it('NGINX Gateway Fabric: RE2-only syntax in a header regex is said to be read otherwise by njs', () => {
    const result = basic([httpRoute('rx', { rules: [{ matches: [{ headers: [{ type: 'RegularExpression', name: 'x-v', value: '(?i)V1' }] }], backendRefs: [to('a')] }] })]);
    const ngf = ask(result, 'GET http://shop.example.com/', ['x-v: v1'], targetOf('nginx-gateway-fabric'));
    expect(said(ngf, "JavaScript's RegExp (njs)")).toBe(true);
    expect(said(ask(result, 'GET http://shop.example.com/', ['x-v: v1'], targetOf('traefik')), 'njs')).toBe(false);
  });
});

describe('the port of a redirect Location per implementation', () => {
  const redirectOn = (port: number, filter: Record<string, unknown>) =>
    build([gatewayClass(), gateway('gw', [http('http', undefined, { port })]), service('a'), httpRoute('r', { rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: filter }] }] })]);
  const designs = { httpsOn8080: redirectOn(8080, { scheme: 'https' }), hostOn80: redirectOn(80, { hostname: 'example.org' }), port80On8080: redirectOn(8080, { port: 80 }) };
  it.each([
    // [design, request, implementation, Location, words]
    ['httpsOn8080', 'GET http://shop.example.com:8080/x', '-', 'https://shop.example.com/x', null],
    ['httpsOn8080', 'GET http://shop.example.com:8080/x', 'core', 'https://shop.example.com/x', 'implementation-specific'],
    ['httpsOn8080', 'GET http://shop.example.com:8080/x', 'istio', 'https://shop.example.com:8080/x', 'as Istio writes it'],
    ['httpsOn8080', 'GET http://shop.example.com:8080/x', 'envoy-gateway', 'https://shop.example.com:8080/x', 'as Envoy Gateway writes it'],
    ['httpsOn8080', 'GET http://shop.example.com:8080/x', 'nginx-gateway-fabric', 'https://shop.example.com/x', 'NGINX Gateway Fabric writes the same Location'],
    ['httpsOn8080', 'GET http://shop.example.com:8080/x', 'cilium', 'https://shop.example.com/x', 'how Cilium writes the Location\'s port is not known here'],
    ['hostOn80', 'GET http://shop.example.com/x', 'istio', 'http://example.org/x', 'Istio writes the same Location'],
    ['hostOn80', 'GET http://shop.example.com/x', 'envoy-gateway', 'http://example.org/x', 'Envoy Gateway writes the same Location'],
    ['hostOn80', 'GET http://shop.example.com/x', 'nginx-gateway-fabric', 'http://example.org:80/x', 'as NGINX Gateway Fabric writes it'],
    ['port80On8080', 'GET http://shop.example.com:8080/x', 'core', 'http://shop.example.com/x', null],
    ['port80On8080', 'GET http://shop.example.com:8080/x', 'istio', 'http://shop.example.com:8080/x', 'as Istio writes it'],
    ['port80On8080', 'GET http://shop.example.com:8080/x', 'envoy-gateway', 'http://shop.example.com:8080/x', 'as Envoy Gateway writes it'],
    ['port80On8080', 'GET http://shop.example.com:8080/x', 'nginx-gateway-fabric', 'http://shop.example.com:80/x', 'as NGINX Gateway Fabric writes it'],
  ] as const)('%s: %s under %s → %s', (name, request, impl, location, words) => {
    const d = ask(designs[name], request, [], targetOf(impl));
    expect(d.redirect?.location).toBe(location);
    expect(d.outcomes[0]?.reason).toBe(`redirect to ${location}`);
    if (words === null) expect(d.notes.some((n) => n.message.includes('Location'))).toBe(false);
    else expect(said(d, words)).toBe(true);
  });
});

describe('mesh: the Host header or the ClusterIP dialled (MeshClusterIPMatching)', () => {
  const echo = ['echo-v1', 'echo-v2'].map((n) => serviceYaml(n, { namespace: 'mesh', ports: '{port: 80, name: http}' })).join('');
  const gamma = design(`${echo}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: mesh-split-v2, namespace: mesh}
spec:
  parentRefs: [{group: "", kind: Service, name: echo-v2, port: 80}]
  rules:
  - backendRefs: [{name: echo-v1, port: 80}]
`);
  const meshAsk = (impl: string): Decision => {
    const r = parseRequest('GET http://echo-v2/', ['Host: echo-v1']);
    if (!r.ok) throw new Error(r.error);
    return simulate(gamma.table, r.request, { mesh: { namespace: 'mesh', workload: 'client', labels: {} }, traceAll: true, ...targetOf(impl) });
  };
  it.each([
    // [implementation, route applied, backend, words]
    ['-', 'mesh-split-v2', 'echo-v1', null],
    ['core', 'mesh-split-v2', 'echo-v1', 'implementation-specific (MeshClusterIPMatching)'],
    // Istio's sidecars pick the virtual host by Host: echo-v1 has no route, its own default applies.
    ['istio', null, 'echo-v1', 'Istio routes by the Host header'],
    ['cilium', 'mesh-split-v2', 'echo-v1', 'claims MeshClusterIPMatching'],
    ['traefik', 'mesh-split-v2', 'echo-v1', 'how Traefik picks routes here is not known'],
  ])('%s', (impl, route, backend, words) => {
    const d = meshAsk(impl);
    expect([d.route?.name ?? null, backendOf(d)]).toEqual([route, backend]);
    if (words === null) expect(d.trace.some((t) => t.reason.includes('MeshClusterIPMatching'))).toBe(false);
    else expect(said(d, words)).toBe(true);
  });
  it('Istio: the routes of the Service the Host names apply, not those of the one dialled', () => {
    const d = meshAsk('istio');
    expect(d.trace.find((t) => t.ref === 'Host echo-v1')?.result).toBe('matched');
    expect(meshAsk('-').trace.find((t) => t.ref === 'Host echo-v1')?.result).toBe('skipped');
  });
});

describe('ties between routes', () => {
  const twins = basic([
    httpRoute('young', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/p' } }], backendRefs: [to('a')] }] }, 'default', '2024-01-01T00:00:00Z'),
    httpRoute('old', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/p' } }], backendRefs: [to('b')] }] }, 'default', '2020-01-01T00:00:00Z'),
  ]);
  it.each([
    ['-', null],
    ['core', null],
    ['istio', 'Istio breaks the tie as the spec orders it'],
    ['nginx-gateway-fabric', 'NGINX Gateway Fabric breaks the tie as the spec orders it'],
    ['traefik', 'Traefik orders routers by a priority computed from each match'],
    ['kgateway', 'how kgateway breaks such ties is not known here'],
  ])('%s', (impl, words) => {
    const d = ask(twins, 'GET http://shop.example.com/p', [], targetOf(impl));
    expect(backendOf(d)).toBe('b');
    if (words === null) expect(d.notes.some((n) => n.message.includes('tie on every precedence criterion'))).toBe(false);
    else expect(said(d, words)).toBe(true);
  });
});

describe('properties', () => {
  const targets: Target[] = IMPLEMENTATIONS.map((i) => targetOf(i.project).target).filter((t): t is Target => t !== undefined);
  it('where no regex, redirect or Host choice is involved, a target changes only notes and trace words', () => {
    fc.assert(
      fc.property(designArb, fc.array(requestArb, { minLength: 1, maxLength: 3 }), fc.nat(), (routes, requests, ti) => {
        const result = build(objects(routes));
        const target = targets[ti % targets.length] as Target;
        for (const r of requests) {
          const url = `${r.method} http://${r.host}${r.path}`;
          const plain = ask(result, url, r.headers);
          const aimed = ask(result, url, r.headers, { target });
          const bare = (d: Decision) => ({ ...d, notes: [], trace: d.trace.map((s) => ({ step: s.step, ref: s.ref, result: s.result })) });
          expect(bare(aimed)).toEqual(bare(plain));
          // Without a target the Decision is the one simulate always gave (no option, no change).
          expect(ask(result, url, r.headers, {})).toEqual(plain);
        }
      }),
      { numRuns: 100 },
    );
  });
});
