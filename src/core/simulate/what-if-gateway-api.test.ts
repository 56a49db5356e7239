import { describe, expect, it } from 'vitest';
import { design, gatewayApi, outcomesOf, tries, whatIf } from './what-if-kit.js';

// The Gateway API conformance routes (httproute-retry.yaml, httproute-timeout-request.yaml,
// httproute-timeout-backend-request.yaml) with the rules of gateway-api.md §6.3–6.4 beside them.
const g = gatewayApi(`
  - matches: [{path: {type: PathPrefix, value: /retry/code-500-attempts-3}}]
    retry: {codes: [500], attempts: 3}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /retry/code-all-attempts-2}}]
    retry: {codes: [500, 502, 503, 504], attempts: 2}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /retry/code-all-attempts-0}}]
    retry: {codes: [500, 502, 503, 504], attempts: 0}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /request-timeout}}]
    timeouts: {request: 500ms}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /disable-request-timeout}}]
    timeouts: {request: 0s}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /backend-timeout}}]
    timeouts: {backendRequest: 500ms}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /disabled-backend-timeout}}]
    timeouts: {backendRequest: 0s}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /both}}]
    timeouts: {request: 1s, backendRequest: 300ms}
    retry: {codes: [503], attempts: 5, backoff: 100ms}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /backoff}}]
    retry: {codes: [503], attempts: 2, backoff: 100ms}
    backendRefs: [{name: a, port: 8080}]
  - matches: [{path: {type: PathPrefix, value: /split}}]
    retry: {codes: [503], attempts: 1}
    backendRefs: [{name: a, port: 8080, weight: 3}, {name: gone, port: 8080, weight: 1}]
  - backendRefs: [{name: a, port: 8080}]
`);
const at = (path: string, status?: string, delay?: string) => whatIf(g, `GET http://shop.example.com${path}`, { ...(status ? { status } : {}), ...(delay ? { delay } : {}) });

describe('conformance cases replayed (succeedAfter N = N failures then 200)', () => {
  it.each([
    ['/retry/code-500-attempts-3', '500,500,200', 200, 3],
    ['/retry/code-500-attempts-3', '500,500,500,500,200', 500, 4],
    ['/retry/code-500-attempts-3', '503,503,200', 503, 1],
    ['/retry/code-all-attempts-2', '500,200', 200, 2],
    ['/retry/code-all-attempts-2', '500,500,500,200', 500, 3],
    ['/retry/code-all-attempts-2', '502,200', 200, 2],
    ['/retry/code-all-attempts-2', '502,502,502,200', 502, 3],
    ['/retry/code-all-attempts-2', '503,200', 200, 2],
    ['/retry/code-all-attempts-2', '503,503,503,200', 503, 3],
    ['/retry/code-all-attempts-2', '504,200', 200, 2],
    ['/retry/code-all-attempts-2', '504,504,504,200', 504, 3],
    ['/retry/code-all-attempts-0', '500,200', 500, 1],
  ])('%s with %s → %s after %s tries', (path, status, expected, count) => {
    const d = at(path, status);
    expect([d.status, d.attempts?.length]).toEqual([expected, count]);
  });
  it.each([
    ['/request-timeout', '1s', 504, 500],
    ['/request-timeout', undefined, 200, 0],
    ['/disable-request-timeout', '1s', 200, 1000],
    ['/backend-timeout', '1s', 504, 500],
    ['/backend-timeout', undefined, 200, 0],
    ['/disabled-backend-timeout', '1s', 200, 1000],
  ])('%s with delay %s → %s at %s ms', (path, delay, expected, ms) => {
    const d = at(path, undefined, delay);
    expect([d.status, d.elapsedMs]).toEqual([expected, ms]);
  });
});

describe('Gateway API timeouts and retry (gateway-api.md §6.3–6.4)', () => {
  it('retry.attempts counts retries after the first try', () => {
    expect(tries(at('/retry/code-500-attempts-3', '500'))).toEqual(['500@0+', '500@0+', '500@0+', '500@0']);
  });
  it('each try says why it was or was not retried', () => {
    const d = at('/retry/code-500-attempts-3', '500,503');
    expect(d.attempts?.map((a) => a.reason)).toEqual(['500 is in retry codes; retry 1 of 3', 'not retried: 503 is not in retry codes (500)']);
  });
  it('backoff is the wait between tries', () => {
    expect(tries(at('/backoff', '503,503,200'))).toEqual(['503@0+', '503@100+', '200@200']);
  });
  it('backendRequest cuts a try; the timed-out try is retried (a connection error) after the backoff', () => {
    expect(tries(at('/both', '200', '500ms,0s'))).toEqual(['504@300+', '200@400']);
  });
  it('request spans every try and backoff: 504 when it ends, even between tries', () => {
    const d = at('/both', '503', '250ms');
    expect([d.status, d.elapsedMs, tries(d)]).toEqual([504, 1000, ['503@250+', '503@600+', '503@950']]);
    expect(d.outcomes[0]?.reason).toBe('timeouts.request 1s exceeded: the proxy answers 504');
  });
  it('a try still waiting when the request timeout ends gets 504 and no retry', () => {
    expect(tries(at('/both', '503,200', '250ms,1s'))).toEqual(['503@250+', '504@650+', '504@1000']);
  });
  it.each([['reset'], ['connect-failure'], ['refused-stream']])('%s is retried when a retry is configured', (failure) => {
    expect(tries(at('/retry/code-500-attempts-3', `${failure},200`))).toEqual([`${failure}@0+`, '200@0']);
  });
  it('without retry a connection failure reaches the client as 503', () => {
    const d = at('/', 'reset');
    expect([d.status, d.outcomes[0]?.reason]).toEqual([503, 'reset from the backend: the proxy answers 503']);
    expect(d.notes.map((n) => n.message)).toContain('the rule has no retry: whether the implementation retries by default is not specified; this simulator does not retry');
  });
  it('an invalid backend share answers 500 without any try; the valid share retries', () => {
    const d = at('/split', '503,200');
    expect(outcomesOf(d)).toEqual(['0.75 200 @0', '0.25 500 @0']);
    expect(d.outcomes[1]?.attempts).toEqual([]);
    expect(tries(d)).toEqual(['503@0+', '200@0']);
  });
  it('backoff and unset timeouts are noted as implementation-specific when they matter', () => {
    const messages = at('/backoff', '503,200').notes.map((n) => n.message);
    expect(messages).toContain('retry.backoff 100ms is the minimum wait between tries; implementations may wait longer (exponential backoff, jitter); this simulator waits exactly 100ms');
    expect(messages).toContain("timeouts.request is not set: the request timeout is the implementation's default; this simulator applies none");
    expect(at('/backoff').notes.filter((n) => n.message.includes('backoff'))).toEqual([]);
  });
  it('a TCP connection has no answers to describe: noted, no try', () => {
    const d = whatIf(g, 'TCP tcp://shop.example.com:80', { status: '503' });
    expect([d.status, d.attempts, d.elapsedMs]).toEqual(['REJECTED', [], 0]);
    expect(d.notes.map((n) => n.message)).toContain('backend answers (the status and time of each try) apply to HTTP and gRPC requests; a TCP connection makes no try');
  });
  it('a redirect or no match makes no try', () => {
    const d = whatIf(g, 'GET http://shop.example.com:8080/', { status: '503' });
    expect([d.status, d.attempts, d.elapsedMs]).toEqual([404, [], 0]);
  });
});

describe('GRPCRoute (v1.6.1 has no timeouts or retry)', () => {
  const grpc = design(`
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gw}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners: [{name: grpc, port: 80, protocol: HTTP}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: infra}
spec: {ports: [{port: 50051}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: api, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: api, port: 50051}]}]
`);
  it.each([
    ['UNAVAILABLE,OK', 'UNAVAILABLE'],
    ['503,200', 'UNAVAILABLE'],
    ['200', 'OK'],
    ['reset', 'UNAVAILABLE'],
  ])('%s → %s after one try', (status, expected) => {
    const d = whatIf(grpc, 'GRPC grpc://api.example.com:80/pkg.Svc/Get', { status, delay: '1s' });
    expect([d.status, d.attempts?.length, d.elapsedMs]).toEqual([expected, 1, 1000]);
    expect(d.notes.some((n) => n.message.startsWith('a GRPCRoute has no timeouts or retry in Gateway API v1.6.1'))).toBe(true);
  });
});
