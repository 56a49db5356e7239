import { describe, expect, it } from 'vitest';
import { clientStatus } from './attempts.js';
import { envoyBackoffMs, envoyRetriable } from './envoy-retry.js';
import type { TryEnd } from './try-policy.js';
import { parseTarget, type Target } from '../target/target.js';
import { design, istio, outcomesOf, tries, whatIf } from './what-if-kit.js';

const status = (s: number | string): TryEnd => ({ kind: 'status', status: s });
const failure = (f: string): TryEnd => ({ kind: 'failure', failure: f });
const perTry: TryEnd = { kind: 'perTryTimeout' };
const targetOf = (text: string): Target => {
  const t = parseTarget(text);
  if (!t.ok) throw new Error(t.error);
  return t.target;
};

// Envoy's retry conditions (router_filter.rst x-envoy-retry-on, x-envoy-retry-grpc-on;
// retry_state_impl.cc): which try endings each retryOn condition retries.
describe('retryOn conditions', () => {
  it.each<[string, TryEnd, boolean]>([
    ['5xx', status(500), true],
    ['5xx', status(503), true],
    ['5xx', status(404), false],
    ['5xx', failure('reset'), true],
    ['5xx', failure('connect-failure'), true],
    ['5xx', failure('refused-stream'), true],
    ['5xx', perTry, true],
    ['gateway-error', status(502), true],
    ['gateway-error', status(503), true],
    ['gateway-error', status(504), true],
    ['gateway-error', status(500), false],
    ['gateway-error', failure('reset'), true],
    ['gateway-error', perTry, true],
    ['reset', failure('reset'), true],
    ['reset', failure('connect-failure'), true],
    ['reset', perTry, true],
    ['reset', status(503), false],
    ['reset-before-request', failure('connect-failure'), true],
    ['reset-before-request', failure('reset'), false],
    ['connect-failure', failure('connect-failure'), true],
    ['connect-failure', failure('reset'), false],
    ['connect-failure', perTry, false],
    ['connect-failure', status(503), false],
    ['refused-stream', failure('refused-stream'), true],
    ['refused-stream', failure('reset'), false],
    ['retriable-4xx', status(409), true],
    ['retriable-4xx', status(404), false],
    ['cancelled', status('CANCELLED'), true],
    ['deadline-exceeded', status('DEADLINE_EXCEEDED'), true],
    ['internal', status('INTERNAL'), true],
    ['resource-exhausted', status('RESOURCE_EXHAUSTED'), true],
    ['unavailable', status('UNAVAILABLE'), true],
    ['unavailable', status('INTERNAL'), false],
    ['unavailable', status(503), false],
  ])('%s retries %o: %s', (retryOn, end, expected) => {
    expect(envoyRetriable(end, [retryOn], []).retry).toBe(expected);
  });
  it('retriable-status-codes retries only the listed codes', () => {
    expect([409, 500, 503].map((s) => envoyRetriable(status(s), ['retriable-status-codes'], [409, 503]).retry)).toEqual([true, false, true]);
    expect(envoyRetriable(perTry, ['retriable-status-codes'], [504]).retry).toBe(false);
  });
  it('the backoff is the top of the jittered range (2^N−1)·base, capped at 10·base', () => {
    expect([1, 2, 3, 4, 5].map((n) => envoyBackoffMs(n, 25))).toEqual([25, 75, 175, 250, 250]);
  });
  it('a gRPC client reads proxy answers through the HTTP→gRPC mapping', () => {
    expect([clientStatus(status(200), 'grpc'), clientStatus(status(503), 'grpc'), clientStatus(perTry, 'grpc'), clientStatus(failure('reset'), 'grpc'), clientStatus(failure('reset'), 'http')]).toEqual(['OK', 'UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE', 503]);
  });
});

// The mesh default (retry.go defaultPolicy): 2 retries on connect-failure, refused-stream,
// unavailable, cancelled, retriable-status-codes. Its retriable status codes depend on the release:
// 503 up to 1.23 (retry.go at 1.23.0: RetriableStatusCodes 503), none from 1.24
// (EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY default true, releasenotes/notes/50506.yaml; flag and 503
// gone in 1.27, commit 748c90d41d4). No target = the newest Istio.
describe('the mesh default retry policy (no retries set; retry.go defaultPolicy)', () => {
  const d = istio('  - route: [{destination: {host: a}}]');
  const at = (s: string, target?: Target) => whatIf(d, 'GET http://shop.example.com/', { status: s, ...(target ? { target } : {}) });
  it.each([
    // Newest: a 503 is not a retriable status code any more.
    ['503,200', 503, ['503@0']],
    ['503', 503, ['503@0']],
    ['500,200', 500, ['500@0']],
    ['connect-failure,200', 200, ['connect-failure@0+', '200@25']],
    ['refused-stream,200', 200, ['refused-stream@0+', '200@25']],
    ['reset,200', 503, ['reset@0']],
  ])('%s → %s', (s, expected, list) => {
    const r = at(s);
    expect([r.status, tries(r)]).toEqual([expected, list]);
  });
  // A backend answering 503, 503, 200 behind a rule without retries, per target Istio release.
  it.each<[string, number, string[]]>([
    ['', 503, ['503@0']],
    ['istio=1.22', 200, ['503@0+', '503@25+', '200@100']],
    ['istio=1.23', 200, ['503@0+', '503@25+', '200@100']],
    ['istio=1.24', 503, ['503@0']],
    ['istio=1.26', 503, ['503@0']],
    ['istio=1.27', 503, ['503@0']],
    ['istio=1.29', 503, ['503@0']],
  ])('503,503,200 for target %j → %s', (text, expected, list) => {
    const r = at('503,503,200', targetOf(text));
    expect([r.status, tries(r)]).toEqual([expected, list]);
  });
  it('istio=1.23 retries 503 at most twice (the default keeps 2 retries)', () => {
    const r = at('503', targetOf('istio=1.23'));
    expect([r.status, tries(r)]).toEqual([503, ['503@0+', '503@25+', '503@100']]);
  });
  it('says why a 503 is not retried by the newest default', () => {
    const r = at('503,200');
    expect(r.attempts?.[0]?.reason).toBe('not retried: 503 is not retried under retryOn connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes (retriable codes: none)');
    const messages = r.notes.map((n) => n.message);
    expect(messages.some((m) => m.startsWith('no retries set: the mesh default retry policy applies') && m.includes('no status codes in Istio 1.24 and later; Istio 1.23 and earlier also retried 503'))).toBe(true);
    expect(messages).toContain('the mesh default retry policy of the newest Istio (1.24 and later; no --target istio=) has no retriable status code: a 503 is not retried (503 left the default in 1.24, EXCLUDE_UNSAFE_503_FROM_DEFAULT_RETRY; gone from 1.27)');
  });
  it('notes the release whose 503 is retried and the jittered backoff', () => {
    const messages = at('503,200', targetOf('istio=1.23')).notes.map((n) => n.message);
    expect(messages).toContain('the mesh default retry policy of Istio 1.23 (--target istio=1.23) has retriable status code 503 (until 1.23; 1.24 dropped it)');
    expect(messages.some((m) => m.startsWith('Envoy waits a random, fully jittered backoff'))).toBe(true);
  });
});

describe('Istio retries, perTryTimeout and timeout', () => {
  const d = istio(`
  - match: [{uri: {prefix: /off}}]
    retries: {attempts: 0}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /pertry}}]
    retries: {attempts: 2, perTryTimeout: 1s, retryOn: 5xx}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /connect-only}}]
    retries: {attempts: 2, perTryTimeout: 1s, retryOn: connect-failure}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /spans}}]
    timeout: 1s
    retries: {attempts: 3, perTryTimeout: 400ms, retryOn: 5xx}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /codes}}]
    retries: {attempts: 1, retryOn: "409,reset"}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /only-rsc}}]
    retries: {attempts: 1, retryOn: retriable-status-codes}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /attempts-only}}]
    retries: {attempts: 3}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /default-written}}]
    retries: {attempts: 3, retryOn: "connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes"}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /backoff}}]
    retries: {attempts: 3, retryOn: 5xx, backoff: 100ms}
    route: [{destination: {host: a}}]
`);
  const at = (path: string, s: string, delay?: string) => whatIf(d, `GET http://shop.example.com${path}`, { status: s, ...(delay ? { delay } : {}) });
  // ConvertPolicy starts from the default: without retryOn the default's conditions and codes stay —
  // no status code from Istio 1.24 (newRetryPolicy at HEAD has no RetriableStatusCodes), 503 up to 1.23.
  it('attempts without retryOn keep the default conditions and codes: newest, 503 is not retried', () => {
    expect(tries(at('/attempts-only', '503,503,200'))).toEqual(['503@0']);
    expect(tries(at('/attempts-only', 'connect-failure,200'))).toEqual(['connect-failure@0+', '200@25']);
  });
  it.each<[string, string[]]>([
    ['istio=1.22', ['503@0+', '503@25+', '200@100']],
    ['istio=1.23', ['503@0+', '503@25+', '200@100']],
    ['istio=1.24', ['503@0']],
    ['istio=1.28', ['503@0']],
  ])('attempts without retryOn for target %j, 503,503,200', (text, list) => {
    expect(tries(whatIf(d, 'GET http://shop.example.com/attempts-only', { status: '503,503,200', target: targetOf(text) }))).toEqual(list);
  });
  it('a retryOn written out never takes the default codes, whatever the release', () => {
    expect(tries(whatIf(d, 'GET http://shop.example.com/default-written', { status: '503,200', target: targetOf('istio=1.23') }))).toEqual(['503@0']);
  });
  it('retryOn written out as the default conditions has no status codes: 503 is not retried', () => {
    expect(tries(at('/default-written', '503,200'))).toEqual(['503@0']);
  });
  it('retries.backoff is the base interval of the jittered backoff', () => {
    expect(tries(at('/backoff', '503,503,503,200'))).toEqual(['503@0+', '503@100+', '503@400+', '200@1100']);
  });
  it('attempts 0 disables retries', () => {
    expect(tries(at('/off', '503,200'))).toEqual(['503@0']);
  });
  it('a per-try timeout answers 504 for that try and is retried under 5xx', () => {
    const r = at('/pertry', '200', '2s,0s');
    expect([r.status, tries(r)]).toEqual([200, ['504@1000+', '200@1025']]);
  });
  it('a per-try timeout is not retried under connect-failure alone: the client gets 504', () => {
    const r = at('/connect-only', '200', '2s');
    expect([r.status, r.elapsedMs, tries(r)]).toEqual([504, 1000, ['504@1000']]);
  });
  it('the route timeout spans every try and backoff and is never retried', () => {
    const r = at('/spans', '200', '2s');
    expect([r.status, r.elapsedMs, tries(r)]).toEqual([504, 1000, ['504@400+', '504@825+', '504@1000']]);
    expect(r.attempts?.[2]?.reason).toBe('timeout 1s reached before the backend answered: the request timeout spans every try and is never retried');
  });
  it('status codes in retryOn are retriable status codes', () => {
    expect([tries(at('/codes', '409,200')), tries(at('/codes', '503,200')), tries(at('/codes', 'reset,200'))]).toEqual([['409@0+', '200@25'], ['503@0'], ['reset@0+', '200@25']]);
  });
  it('retriable-status-codes without codes retries no status (ConvertPolicy replaces the default 503)', () => {
    expect(tries(at('/only-rsc', '503,200'))).toEqual(['503@0']);
  });
});

describe('fault injection (independent delay and abort; before the router)', () => {
  const d = istio(`
  - match: [{uri: {prefix: /abort}}]
    fault: {abort: {httpStatus: 500, percentage: {value: 10}}}
    retries: {attempts: 2, retryOn: 5xx}
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /delay}}]
    fault: {delay: {fixedDelay: 2s, percentage: {value: 50}}}
    timeout: 1s
    route: [{destination: {host: a}}]
  - match: [{uri: {prefix: /both}}]
    fault: {abort: {httpStatus: 503, percentage: {value: 10}}, delay: {fixedDelay: 2s, percentage: {value: 50}}}
    route: [{destination: {host: a}, weight: 90}, {destination: {host: gone}, weight: 10}]
`);
  const at = (path: string, s?: string, delay?: string) => whatIf(d, `GET http://shop.example.com${path}`, { ...(s ? { status: s } : {}), ...(delay ? { delay } : {}) });
  it('an aborted request is not retried; the rest retry as usual', () => {
    const r = at('/abort', '500,200');
    expect(outcomesOf(r)).toEqual(['0.1 500 @0', '0.9 200 @25']);
    // The proxy answers itself before the router: no try to list, nothing retried (said in a note).
    expect(r.outcomes[0]?.attempts).toEqual([]);
    expect(r.notes.some((n) => n.message.startsWith('a fault-injected abort is answered by the proxy before the router'))).toBe(true);
  });
  it('a delay adds to the wait but not to the route timeout', () => {
    const r = at('/delay', '200', '500ms');
    expect(outcomesOf(r)).toEqual(['0.5 200 @500', '0.5 200 @2500']);
    expect(r.notes.some((n) => n.message.startsWith('an injected fault delay comes before the router'))).toBe(true);
  });
  // The /both rule has no retries: the mesh default's codes decide whether its 503 is retried —
  // 503 up to Istio 1.23, none from 1.24 (retry.go defaultPolicy; target/istio-behaviour.ts).
  it('delay, abort and weights combine with exact probabilities (Istio 1.23: the default retries the 503)', () => {
    const r = whatIf(d, 'GET http://shop.example.com/both', { status: '503,200', target: targetOf('istio=1.23') });
    expect(outcomesOf(r)).toEqual(['0.05 503 @0', '0.05 503 @2000', '0.405 200 @25', '0.405 200 @2025', '0.045 503 @0', '0.045 503 @2000']);
    expect(r.outcomes.reduce((sum, o) => sum + o.probability, 0)).toBeCloseTo(1, 9);
    expect([r.status, r.elapsedMs]).toEqual([200, 25]);
  });
  it('delay, abort and weights combine with exact probabilities (newest Istio: the 503 reaches the client)', () => {
    const r = at('/both', '503,200');
    expect(outcomesOf(r)).toEqual(['0.05 503 @0', '0.05 503 @2000', '0.405 503 @0', '0.405 503 @2000', '0.045 503 @0', '0.045 503 @2000']);
    expect(r.outcomes.reduce((sum, o) => sum + o.probability, 0)).toBeCloseTo(1, 9);
    expect(r.outcomes[2]?.attempts?.map((a) => a.retried)).toEqual([false]);
    // A failure the default retries still is, with the same probabilities.
    expect(outcomesOf(at('/both', 'connect-failure,200'))).toEqual(['0.05 503 @0', '0.05 503 @2000', '0.405 200 @25', '0.405 200 @2025', '0.045 503 @0', '0.045 503 @2000']);
  });
});

describe('the mesh uses the same engine', () => {
  const d = istio('  - route: [{destination: {host: a}}]\n    retries: {attempts: 1, retryOn: gateway-error}');
  it('a sidecar retries as the rule says', () => {
    const r = whatIf(d, 'GET http://a.shop.svc.cluster.local/', { status: '502,200', mesh: { namespace: 'shop', workload: 'web', labels: {} } });
    expect([r.status, tries(r)]).toEqual([200, ['502@0+', '200@25']]);
  });
  it('a sidecar applies the mesh default of the target release (503 retried only up to Istio 1.23)', () => {
    const plain = istio('  - route: [{destination: {host: a}}]');
    const mesh = { namespace: 'shop', workload: 'web', labels: {} };
    const at = (text: string) => tries(whatIf(plain, 'GET http://a.shop.svc.cluster.local/', { status: '503,200', mesh, target: targetOf(text) }));
    expect([at('istio=1.23'), at('istio=1.24'), at('')]).toEqual([['503@0+', '200@25'], ['503@0'], ['503@0']]);
  });
  it('a request straight to a Service with no route makes one try, with no policy', () => {
    const bare = design('apiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: shop}\nspec: {ports: [{port: 80, name: http}]}\n');
    const r = whatIf(bare, 'GET http://b.shop.svc.cluster.local/', { status: '503,200', mesh: { namespace: 'shop', workload: 'web', labels: {} } });
    expect([r.status, tries(r), r.route]).toEqual([503, ['503@0'], null]);
  });
});
