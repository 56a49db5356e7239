import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

// Issue 14: --target reaches the core. The rules themselves are the core's (and tested there);
// these cases only show that each command passes the target on.

/** An Istio route with retries: its HTTPRoute form needs `retry`, experimental-only through v1.6.1. */
const RETRYING_VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart]
  http:
    - route: [{destination: {host: cart, port: {number: 80}}}]
      retries: {attempts: 2, retryOn: "503"}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 80}]}
`;

/** An Istio TLS passthrough route: a TLSRoute, served in the standard channel from v1.5.0 only. */
const TLS_VS = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: db, namespace: data}
spec:
  hosts: [db.example.com]
  gateways: [edge]
  tls:
    - match: [{sniHosts: [db.example.com]}]
      route: [{destination: {host: db, port: {number: 5432}}}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: edge, namespace: data}
spec:
  selector: {istio: ingressgateway}
  servers: [{port: {number: 443, name: tls, protocol: TLS}, hosts: [db.example.com], tls: {mode: PASSTHROUGH}}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec: {ports: [{port: 5432}]}
`;

interface Converted {
  readonly code: number;
  readonly kinds: string[];
  readonly loss: { code: string; path: string | null }[];
}

async function convertJson(yaml: string, flags: readonly string[]): Promise<Converted> {
  const io = memoryIO({ 'in.yaml': yaml });
  const code = await run(['convert', 'in.yaml', '--to', 'gateway-api', '--format', 'json', ...flags], io);
  const out = JSON.parse(io.out) as { items: { kind: string }[]; loss: { code: string; path: string | null }[] };
  return { code, kinds: out.items.map((i) => i.kind), loss: out.loss.map((l) => ({ code: l.code, path: l.path })) };
}

describe('convert --target writes for the target', () => {
  it.each([
    ['no target: retry is written', RETRYING_VS, [], 0, ['HTTPRoute', 'Service'], []],
    ['experimental channel: retry is written', RETRYING_VS, ['--target', 'channel=experimental'], 0, ['HTTPRoute', 'Service'], []],
    ['standard channel: retry is left out, with the reason', RETRYING_VS, ['--target', 'channel=standard'], 3, ['HTTPRoute', 'Service'], ['NotInTargetRelease']],
    ['v1.4 standard: no TLSRoute', TLS_VS, ['--target=gateway-api=v1.4,channel=standard'], 3, ['Gateway', 'Service'], ['KindNotInTarget']],
    ['v1.5 standard: TLSRoute is served', TLS_VS, ['--target=gateway-api=v1.5,channel=standard'], 0, ['Gateway', 'TLSRoute', 'Service'], []],
  ] as const)('%s', async (_name, yaml, flags, code, kinds, losses) => {
    const got = await convertJson(yaml, flags);
    expect(got.code).toBe(code);
    expect([...got.kinds].sort()).toEqual([...kinds].sort());
    expect(got.loss.map((l) => l.code)).toEqual(losses);
  });
});

const HEAD = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: web}
spec: {ports: [{port: 80}]}
---
`;
const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
`;
const route = (rule: string, parentRef = '{name: gw}'): string => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: web}
spec:
  parentRefs: [${parentRef}]
  rules:
    - backendRefs: [{name: a, port: 80}]${rule}
`;
/** HTTPRoute `retry` (GEP-1731): in the experimental channel only, v1.2.0 … v1.6.1. */
const RETRY = `${HEAD}${GATEWAY}${route('\n      retry: {attempts: 2}')}`;
/** A parentRef `port` (feature HTTPRouteParentRefPort), which cilium 1.20's report says it does not support. */
const PARENT_PORT = `${HEAD}${GATEWAY}${route('', '{name: gw, port: 80}')}`;
/** A ListenerSet, served as gateway.networking.k8s.io/v1 from v1.5.0 (XListenerSet before, experimental only). */
const LISTENER_SET = `${HEAD}apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec:
  gatewayClassName: gc
  allowedListeners: {namespaces: {from: Same}}
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: ListenerSet
metadata: {name: ls, namespace: web}
spec:
  parentRef: {name: gw}
  listeners: [{name: extra, protocol: HTTP, port: 8080, hostname: extra.example.com}]
`;

const targetCodes = (ds: readonly { code: string }[]): string[] => ds.map((d) => d.code).filter((c) => c.startsWith('Target'));

describe('validate --target: the target problems appear (README "Target cluster")', () => {
  it.each([
    ['retry, no target', RETRY, [], 0, []],
    ['retry, the experimental channel', RETRY, ['--target', 'channel=experimental'], 0, []],
    ['retry, the standard channel', RETRY, ['--target', 'channel=standard'], 1, ['TargetFieldNotInRelease']],
    ['retry, istio (its report is silent on HTTPRouteRetry)', RETRY, ['--target', 'implementation=istio'], 0, ['TargetFeatureNotReported']],
    ['a parentRef port, cilium 1.20', PARENT_PORT, ['--target', 'implementation=cilium@1.20'], 0, ['TargetFeatureUnsupported']],
    ['a parentRef port, envoy-gateway', PARENT_PORT, ['--target', 'implementation=envoy-gateway'], 0, []],
    ['a ListenerSet, v1.5', LISTENER_SET, ['--target=gateway-api=v1.5'], 0, []],
    ['a ListenerSet, v1.4', LISTENER_SET, ['--target=gateway-api=v1.4'], 1, ['TargetKindNotServed']],
    ['a ListenerSet, v1.4 standard', LISTENER_SET, ['--target=gateway-api=v1.4,channel=standard'], 1, ['TargetFieldNotInRelease', 'TargetKindNotServed']],
  ] as const)('%s', async (_name, yaml, flags, code, codes) => {
    const io = memoryIO({ 'd.yaml': yaml });
    expect(await run(['validate', 'd.yaml', '--format', 'json', ...flags], io)).toBe(code);
    const out = JSON.parse(io.out) as { diagnostics: { code: string; message: string }[] };
    expect(targetCodes(out.diagnostics).sort()).toEqual([...codes].sort());
  });

  it('an unsupported feature names the report it comes from', async () => {
    const io = memoryIO({ 'd.yaml': PARENT_PORT });
    await run(['validate', 'd.yaml', '--target', 'implementation=cilium@1.20'], io);
    expect(io.out).toMatch(/^d\.yaml:\d+:\d+: warning TargetFeatureUnsupported .*HTTPRouteParentRefPort.*conformance\/reports\/v1\.6\/cilium\/experimental-v1\.20\.0-default-report\.yaml/m);
  });
});

describe('diff --target judges both versions for the same target', () => {
  const diff = async (before: string, after: string, flags: readonly string[]): Promise<{ code: number; added: string[]; fixed: string[] }> => {
    const io = memoryIO({ 'old.yaml': before, 'new.yaml': after });
    const code = await run(['diff', 'old.yaml', 'new.yaml', '--format', 'json', ...flags], io);
    const out = JSON.parse(io.out) as { problems: { added: { code: string }[]; fixed: { code: string }[] } };
    return { code, added: targetCodes(out.problems.added), fixed: targetCodes(out.problems.fixed) };
  };
  const NO_RETRY = `${HEAD}${GATEWAY}${route('')}`;
  it.each([
    ['retry added, no target', NO_RETRY, RETRY, [], [], []],
    ['retry added, standard channel: a problem added', NO_RETRY, RETRY, ['--target', 'channel=standard'], ['TargetFieldNotInRelease'], []],
    ['retry removed, standard channel: a problem fixed', RETRY, NO_RETRY, ['--target', 'channel=standard'], [], ['TargetFieldNotInRelease']],
    ['retry in both, standard channel: neither', RETRY, RETRY.replace('attempts: 2', 'attempts: 3'), ['--target', 'channel=standard'], [], []],
  ] as const)('%s', async (_name, before, after, flags, added, fixed) => {
    const got = await diff(before, after, flags);
    expect(got.added).toEqual(added);
    expect(got.fixed).toEqual(fixed);
  });
});

describe('simulate and test --target follow the implementation where the spec leaves the choice', () => {
  // A path regex: RE2 full match for the spec's core and Envoy-based implementations; NGINX Gateway
  // Fabric writes `location ~ ^/api`, which matches from the start (the core's implementation table).
  const REGEX = `${HEAD}${GATEWAY}apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: web}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches: [{path: {type: RegularExpression, value: /api}}]
      backendRefs: [{name: a, port: 80}]
`;
  const TESTS = 'tests:\n  - name: /api/v1 reaches a\n    request: GET http://x.example.com/api/v1\n    expect: {status: 200, backend: web/a}\n';
  it.each([
    ['no target', [], 404, 1],
    ['envoy-gateway', ['--target', 'implementation=envoy-gateway'], 404, 1],
    ['nginx-gateway-fabric', ['--target', 'implementation=nginx-gateway-fabric'], 200, 0],
  ] as const)('%s', async (_name, flags, status, testExit) => {
    const io = memoryIO({ 'd.yaml': REGEX, 't.yaml': TESTS });
    expect(await run(['simulate', 'd.yaml', '--request', 'GET http://x.example.com/api/v1', '--format', 'json', ...flags], io)).toBe(0);
    expect((JSON.parse(io.out) as { status: number }).status).toBe(status);
    expect(await run(['test', 't.yaml', 'd.yaml', ...flags], memoryIO({ 'd.yaml': REGEX, 't.yaml': TESTS }))).toBe(testExit);
  });
});
