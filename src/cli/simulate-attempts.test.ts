import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

// DESIGN.md "simulate": --backend-status/--backend-delay, and `attempts` in the answer.
const DESIGN = `
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
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: infra}
spec: {ports: [{port: 8080}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: infra}
spec:
  parentRefs: [{name: gw}]
  rules:
  - timeouts: {request: 10s}
    retry: {codes: [503], attempts: 3, backoff: 100ms}
    backendRefs: [{name: a, port: 8080}]
`;
const FILES = { 'd.yaml': DESIGN };
const REQUEST = ['simulate', 'd.yaml', '--request', 'GET http://shop.example.com/'];

describe('route-designer simulate --backend-status --backend-delay', () => {
  it('lists each attempt, then what the client gets and when', async () => {
    const io = memoryIO(FILES);
    expect(await run([...REQUEST, '--backend-status', '503,503,200', '--backend-delay', '2s'], io)).toBe(0);
    expect(io.out).toMatch(/^200 OK\n/);
    expect(io.out).toContain(
      [
        '  attempts:',
        '    attempt 1: 503 after 2.0 s — retried (503 is in retry codes; retry 1 of 3 after a 100 ms backoff)',
        '    attempt 2: 503 after 4.1 s — retried (503 is in retry codes; retry 2 of 3 after a 100 ms backoff)',
        '    attempt 3: 200 after 6.2 s — the answer goes to the client',
        '  the client gets 200 after 6.2 s',
      ].join('\n'),
    );
  });
  it('per-try delays, and a failure the client gets', async () => {
    const io = memoryIO(FILES);
    await run([...REQUEST, '--backend-status', '500', '--backend-delay', '2s,0s'], io);
    expect(io.out).toMatch(/^500 Internal Server Error\n/);
    expect(io.out).toContain('    100%  500  the backend answered 500  after 2.0 s\n');
    expect(io.out).toContain('    attempt 1: 500 after 2.0 s — not retried: 500 is not in retry codes (503)\n');
  });
  it('JSON carries attempts and elapsedMs after retries, and per outcome', async () => {
    const io = memoryIO(FILES);
    await run([...REQUEST, '--backend-status', '503,200', '--format', 'json'], io);
    const d = JSON.parse(io.out) as Record<string, unknown>;
    expect(Object.keys(d)).toEqual(['status', 'outcomes', 'dialect', 'gateway', 'listener', 'route', 'rule', 'match', 'backends', 'request', 'responseHeaders', 'redirect', 'mirrors', 'timeouts', 'retries', 'attempts', 'elapsedMs', 'notes', 'trace']);
    expect(d).toMatchObject({
      status: 200,
      elapsedMs: 100,
      attempts: [
        { status: 503, elapsedMs: 0, retried: true, reason: '503 is in retry codes; retry 1 of 3 after a 100 ms backoff' },
        { status: 200, elapsedMs: 100, retried: false, reason: 'the answer goes to the client' },
      ],
      outcomes: [{ probability: 1, status: 200, elapsedMs: 100 }],
    });
  });
  it('without the flags the answer has no attempts', async () => {
    const io = memoryIO(FILES);
    await run([...REQUEST, '--format', 'json'], io);
    expect(Object.keys(JSON.parse(io.out) as object)).not.toContain('attempts');
  });
  it.each([
    [['--backend-status', '600'], '--backend-status: "600" is not an HTTP status (100–599), a gRPC status name or one of reset, connect-failure, refused-stream'],
    [['--backend-status', ''], '--backend-status: give at least one status, e.g. 503,503,200'],
    [['--backend-delay', 'soon'], '--backend-delay: "soon" is not a duration such as 2s, 500ms or 1.5s'],
    [['--backend-delay', '2s,'], '--backend-delay: "" is not a duration such as 2s, 500ms or 1.5s'],
  ])('%j is refused with one line and exit 2', async (flags, message) => {
    const io = memoryIO(FILES);
    expect(await run([...REQUEST, ...flags], io)).toBe(2);
    expect(io.err.trim().split('\n')).toEqual([expect.stringContaining(message)]);
    expect(io.out).toBe('');
  });
});

// README "Route tests": a case's backendStatus/backendDelay, re-run by hand with the same flags.
describe('route-designer test with backendStatus / backendDelay', () => {
  const TESTS = `tests:
  - name: two failures are retried
    request: GET http://shop.example.com/
    backendStatus: 503,503,200
    expect: {status: 200}
  - name: four failures are too many
    request: GET http://shop.example.com/
    backendStatus: [503, 503, 503, 503, 200]
    backendDelay: 1s
    expect: {status: 200}
`;
  it('simulates each case with its behaviour; a failing case prints the flags to re-run it', async () => {
    const io = memoryIO({ ...FILES, 't.yaml': TESTS });
    expect(await run(['test', 't.yaml', 'd.yaml'], io)).toBe(1);
    expect(io.out).toContain('✓ two failures are retried\n');
    expect(io.out).toContain('✗ four failures are too many  (t.yaml:6:11)\n    status: expected 200, got 503\n');
    expect(io.out).toContain("    simulate --request 'GET http://shop.example.com/' --backend-status '503,503,503,503,200' --backend-delay '1s'\n");
    expect(io.out).toContain('        attempt 4: 503 after 4.3 s — not retried: 503 is in retry codes, but no retries are left (3 of 3 used)\n');
  });
  it('JSON carries the fields as written', async () => {
    const io = memoryIO({ ...FILES, 't.yaml': TESTS });
    await run(['test', 't.yaml', 'd.yaml', '--format', 'json'], io);
    const cases = (JSON.parse(io.out) as { cases: Record<string, unknown>[] }).cases;
    expect(cases.map((c) => [c.backendStatus, c.backendDelay, c.passed])).toEqual([['503,503,200', undefined, true], ['503,503,503,503,200', '1s', false]]);
  });
});
