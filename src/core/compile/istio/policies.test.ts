import { describe, expect, it } from 'vitest';
import { ask as simulateAsk } from '../../simulate/testing.js';
import type { Decision } from '../../simulate/types.js';
import { parseTarget, type Target } from '../../target/target.js';
import type { CompileResult, RetryPolicy } from '../types.js';
import type { RetriesModel } from './model.js';
import { toRetries } from './policies.js';
import { ask, BASE, design, shares, subsetsYaml, vs } from './test-kit.js';

const H = 'http://shop.example.com';
const rule = (body: string, more = '') => design(`${vs(body)}${more}`);
const DEFAULT_ON = ['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes'];
const simulateText = (c: CompileResult, request: string, target: Target): Decision => simulateAsk(c, request, [], { target });

// istio.md §1.4 (fault: "without percentage nothing is injected"); virtual_service.proto
// HTTPFaultInjection.Abort/Delay ("If not specified, no request will be aborted/delayed");
// route.go TranslateFault.
describe('fault injection (§1.4)', () => {
  it('an abort is a possible outcome with its percentage', () => {
    const d = ask(rule('  - fault: {abort: {httpStatus: 400, percentage: {value: 10}}}\n    route: [{destination: {host: a}}]\n'), `GET ${H}/`);
    expect(d.status).toBe(200);
    expect(d.outcomes).toEqual([
      { probability: 0.1, status: 400, reason: 'fault injection: abort 10%' },
      { probability: 0.9, status: 200 },
    ]);
  });

  it('100 % abort answers the abort status', () => {
    const d = ask(rule('  - fault: {abort: {httpStatus: 418, percentage: {value: 100}}}\n    route: [{destination: {host: a}}]\n'), `GET ${H}/`);
    expect(d.status).toBe(418);
  });

  it('an abort without a percentage injects nothing (and says so)', () => {
    const d = ask(rule('  - fault: {abort: {httpStatus: 400}}\n    route: [{destination: {host: a}}]\n'), `GET ${H}/`);
    expect(d.outcomes).toEqual([{ probability: 1, status: 200 }]);
    expect(d.notes.some((n) => /without a percentage injects nothing/.test(n.message))).toBe(true);
  });

  it('a gRPC abort answers the gRPC status to a gRPC request', () => {
    const c = design(`${BASE}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: g, namespace: shop}
spec:
  hosts: [grpc.example.com]
  gateways: [istio-system/gw]
  http:
  - fault: {abort: {grpcStatus: UNAVAILABLE, percentage: {value: 100}}}
    route: [{destination: {host: a}}]
`);
    expect(ask(c, 'GRPC grpc://grpc.example.com/pkg.Svc/Get').status).toBe('UNAVAILABLE');
  });

  it('a delay is shown in the notes', () => {
    const d = ask(rule('  - fault: {delay: {fixedDelay: 5s, percentage: {value: 0.1}}}\n    route: [{destination: {host: a}}]\n'), `GET ${H}/`);
    expect(d.notes.map((n) => n.message)).toContain('fault injection: 0.1% of requests are delayed by 5s');
    expect(d.status).toBe(200);
  });
});

// virtual_service.proto HTTPRetry (attempts 0 disables; retryOn may list status codes) and
// HTTPRoute.retries (mesh default: 2 attempts); route/retry/retry.go ConvertPolicy; HTTPRoute.timeout
// ("default is disabled").
describe('retries and timeout (§1.4)', () => {
  it.each([
    ['retries: {attempts: 3, perTryTimeout: 2s, retryOn: "gateway-error,connect-failure,503"}', { attempts: 3, codes: [503], retryOn: ['gateway-error', 'connect-failure', 'retriable-status-codes'], perTryTimeout: '2s' }],
    ['retries: {attempts: 0}', null],
    // Unset: the mesh default (retry.go defaultPolicy). Its retriable status codes depend on the
    // release — 503 up to 1.23, none from 1.24 (EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY default true,
    // releasenotes/notes/50506.yaml; removed with the 503 in 1.27, commit 748c90d41d4) — so the
    // Decision shows them as the target's release has them: with no target the newest, no codes
    // (the istio=1.23 case is in the next table).
    ['timeout: 1s', { attempts: 2, retryOn: ['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes'] }],
    // attempts without retryOn: ConvertPolicy starts from the default and keeps its conditions and
    // codes (newRetryPolicy at HEAD: no RetriableStatusCodes).
    ['retries: {attempts: 4}', { attempts: 4, retryOn: ['connect-failure', 'refused-stream', 'unavailable', 'cancelled', 'retriable-status-codes'] }],
    // retryOn without codes replaces the default's 503; backoff is Envoy's base interval.
    ['retries: {attempts: 1, retryOn: 5xx, backoff: 100ms}', { attempts: 1, retryOn: ['5xx'], backoff: '100ms' }],
  ])('%s → %j', (fields, retries) => {
    const d = ask(rule(`  - ${fields}\n    route: [{destination: {host: a}}]\n`), `GET ${H}/`);
    expect(d.retries).toEqual(retries);
  });

  // The compiled policy marks the default's codes instead of claiming 503 (retry.go defaultPolicy at
  // 1.23.0 has RetriableStatusCodes 503; at 1.24.0 only when EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY=false;
  // at 1.27.0+ never): the simulator resolves them for the target (simulate/envoy-retry.ts).
  it.each<[string, RetriesModel | null, RetryPolicy | null]>([
    ['unset', null, { attempts: 2, retryOn: DEFAULT_ON, istioDefaultCodes: true }],
    ['attempts only', { attempts: 4, perTryTimeout: null, retryOn: null, backoff: null }, { attempts: 4, retryOn: DEFAULT_ON, istioDefaultCodes: true }],
    ['retryOn with a code', { attempts: 1, perTryTimeout: null, retryOn: '503', backoff: null }, { attempts: 1, codes: [503], retryOn: ['retriable-status-codes'] }],
    ['retryOn without codes', { attempts: 1, perTryTimeout: null, retryOn: 'connect-failure', backoff: null }, { attempts: 1, retryOn: ['connect-failure'] }],
  ])('toRetries %s', (_, model, expected) => {
    expect(toRetries(model).retries).toEqual(expected);
  });
  it('the notes say which release retried 503 by default', () => {
    const unset = toRetries(null).notes.map((n) => n.message);
    const attemptsOnly = toRetries({ attempts: 4, perTryTimeout: null, retryOn: null, backoff: null }).notes.map((n) => n.message);
    for (const m of [...unset, ...attemptsOnly]) expect(m).toContain('no status codes in Istio 1.24 and later; Istio 1.23 and earlier also retried 503');
    expect(unset).toHaveLength(1);
    expect(attemptsOnly).toHaveLength(1);
  });
  // The answer shows the default's codes as the target's Istio release has them (istio-behaviour.ts).
  it.each<[string, RetryPolicy]>([
    ['', { attempts: 2, retryOn: DEFAULT_ON }],
    ['istio=1.22', { attempts: 2, codes: [503], retryOn: DEFAULT_ON }],
    ['istio=1.23', { attempts: 2, codes: [503], retryOn: DEFAULT_ON }],
    ['istio=1.24', { attempts: 2, retryOn: DEFAULT_ON }],
    ['istio=1.27', { attempts: 2, retryOn: DEFAULT_ON }],
  ])('the mesh default in the answer for target %j', (text, expected) => {
    const t = parseTarget(text);
    if (!t.ok) throw new Error(t.error);
    const d = rule('  - route: [{destination: {host: a}}]\n');
    expect(simulateText(d, `GET ${H}/`, t.target).retries).toEqual(expected);
  });

  it('timeout: set → request timeout; unset → none', () => {
    expect(ask(rule('  - timeout: 10s\n    route: [{destination: {host: a}}]\n'), `GET ${H}/`).timeouts).toEqual({ request: '10s' });
    expect(ask(rule('  - route: [{destination: {host: a}}]\n'), `GET ${H}/`).timeouts).toBeNull();
  });
});

// istio.md §1.4, §9.3; virtual_service.proto HTTPRouteDestination.weight ("A destination will
// receive weight/(sum of all weights) requests. If there is only one destination in a rule, it will
// receive all traffic. Otherwise, if weight is 0, the destination will not receive any traffic");
// route.go applyHTTPRouteDestination; validation.go validateHTTPRouteDestinations (total 0).
describe('weights (§1.4)', () => {
  it.each([
    ['[{destination: {host: a}, weight: 25}, {destination: {host: b}, weight: 75}]', ['a=0.25', 'b=0.75']],
    ['[{destination: {host: a}, weight: 1}, {destination: {host: b}, weight: 3}]', ['a=0.25', 'b=0.75']],
    ['[{destination: {host: a}, weight: 30}]', ['a=1']],
    ['[{destination: {host: a}}]', ['a=1']],
    ['[{destination: {host: a}, weight: 0}, {destination: {host: b}, weight: 50}, {destination: {host: c}, weight: 50}]', ['b=0.5', 'c=0.5']],
  ])('%s → %j', (route, expected) => {
    const d = ask(rule(`  - route: ${route}\n`), `GET ${H}/`);
    expect(shares(d)).toEqual(expected);
    expect(d.status).toBe(200);
  });

  it('notes that a lone destination ignores its weight (the Gateway API would not)', () => {
    const d = ask(rule('  - route: [{destination: {host: a}, weight: 30}]\n'), `GET ${H}/`);
    expect(d.notes.some((n) => /lone destination receives all traffic whatever its weight \(weight 30\)/.test(n.message))).toBe(true);
  });

  it('several destinations all weighing 0 are rejected by validation', () => {
    const c = rule('  - route: [{destination: {host: a}}, {destination: {host: b}}]\n');
    expect(c.diagnostics.map((x) => x.code)).toContain('IstioTotalWeightZero');
  });
});

const DR = subsetsYaml('a', 'shop');

// istio.md §1.4, §3 and §9.13 (a subset no DestinationRule defines, or a host that does not exist:
// no cluster, 503); DESIGN.md "Objects outside the design"; route.go GetDestinationCluster (port:
// destination port, else the service's only port, else the listener port).
describe('destinations, subsets and ServiceEntries (§1.4, §3)', () => {
  it.each([
    ['{host: a, subset: v1}', DR, 200, ['a:v1=1'], undefined],
    ['{host: a, subset: v3}', DR, 503, ['a:v3=1'], /SubsetNotFound: subset v3 of a.shop.svc.cluster.local: DestinationRule shop\/a does not define it/],
    ['{host: a, subset: v1}', '', 503, ['a:v1=1'], /SubsetNotFound: .*no DestinationRule applies/],
    ['{host: missing}', '', 503, ['missing=1'], /BackendNotFound: Service shop\/missing is neither a Service nor a ServiceEntry in this design/],
    ['{host: a, port: {number: 9090}}', '', 503, ['a=1'], /PortNotFound: Service shop\/a has no port 9090/],
    ['{host: a.shop.svc.cluster.local, port: {number: 8080}}', '', 200, ['a=1'], undefined],
  ])('%s → %i', (dest, more, status, expected, reason) => {
    const d = ask(rule(`  - route: [{destination: ${dest}}]\n`, more), `GET ${H}/`);
    expect(d.status).toBe(status);
    expect(shares(d)).toEqual(expected);
    if (reason) expect(d.outcomes[0]?.reason).toMatch(reason);
  });

  it('a share that cannot be routed answers 503 for its part only', () => {
    const d = ask(rule('  - route: [{destination: {host: a, subset: v1}, weight: 90}, {destination: {host: a, subset: v9}, weight: 10}]\n', DR), `GET ${H}/`);
    expect(d.outcomes.map((o) => [o.probability, o.status])).toEqual([[0.9, 200], [0.1, 503]]);
    expect(d.backends[1]?.problem).toMatch(/^SubsetNotFound/);
  });

  it('the DestinationRule of the proxy namespace wins over the service namespace (istio.md §3)', () => {
    const local = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: a-local, namespace: istio-system}
spec: {host: a.shop.svc.cluster.local, subsets: [{name: v2, labels: {version: v2}}]}
`;
    const d = ask(rule('  - route: [{destination: {host: a, subset: v1}}]\n', `${DR}${local}`), `GET ${H}/`);
    expect(d.status).toBe(503);
    expect(d.outcomes[0]?.reason).toMatch(/DestinationRule istio-system\/a-local does not define it/);
  });

  it('a destination without port on a multi-port service uses the listener port (IST0112)', () => {
    const svc = `---
apiVersion: v1
kind: Service
metadata: {name: multi, namespace: shop}
spec: {ports: [{port: 9080, name: http}, {port: 9443, name: https}]}
`;
    const d = ask(rule('  - route: [{destination: {host: multi}}]\n', svc), `GET ${H}/`);
    expect(d.status).toBe(503);
    expect(d.outcomes[0]?.reason).toMatch(/has no port 80 \(no destination port: Istio uses the listener port 80\)/);
  });

  it('short destination names resolve in the namespace of the VirtualService, not the service (§1.1)', () => {
    const other = design(`${BASE}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: o, namespace: other}
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/gw]
  http: [{route: [{destination: {host: a}}]}]
`);
    const d = ask(other, `GET ${H}/`);
    expect(d.status).toBe(503);
    expect(d.backends[0]).toMatchObject({ kind: 'Service', namespace: 'other', name: 'a' });
    expect(d.notes.some((n) => n.code === 'NotInDesign' && n.message.startsWith('Service other/a '))).toBe(true);
  });

  it('--assume-external treats a missing host as present, and says so', () => {
    const c = design(vs('  - route: [{destination: {host: missing}}]\n'), { assumeExternal: true });
    const d = ask(c, `GET ${H}/`);
    expect(d.status).toBe(200);
    expect(d.notes.some((n) => n.code === 'AssumedExternal' && n.message.startsWith('Service shop/missing '))).toBe(true);
  });

  it('a ServiceEntry host is a destination (istio.md §1.4; service_entry.proto)', () => {
    const se = `---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: wiki, namespace: shop}
spec:
  hosts: [wikipedia.org]
  location: MESH_EXTERNAL
  ports: [{number: 80, name: example-http, protocol: HTTP}]
  resolution: DNS
`;
    const d = ask(rule('  - timeout: 5s\n    route: [{destination: {host: wikipedia.org}}]\n', se), `GET ${H}/`);
    expect(d.status).toBe(200);
    expect(d.backends[0]).toMatchObject({ kind: 'ServiceEntry', namespace: 'shop', name: 'wiki', port: 80 });
  });
});
