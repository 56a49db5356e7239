import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createAnalysisSession } from './analysis';
import { caseFromSimulation } from './route-tests-case';
import { readBackend } from './simulation-backend';
import { toSimulation, type SimulationAnswer, type SimulatorInput } from './simulation';
import { DEFAULT_SIMULATOR_INPUT, witnessInput } from './simulator';

/** Issue 13: the simulator's "Backend answers" (simulate --backend-status / --backend-delay in the app). */
const DESIGN = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: cart, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  hostnames: [shop.example.com]
  rules:
  - timeouts: {request: 500ms}
    retry: {attempts: 2, codes: [503]}
    backendRefs: [{name: cart, port: 8080}]
`;

const input = (patch: Partial<SimulatorInput>): SimulatorInput => ({ ...DEFAULT_SIMULATOR_INPUT, url: 'http://shop.example.com/', ...patch });

describe('readBackend: the two fields as the form holds them', () => {
  it.each<[string, string | undefined, string | undefined, unknown]>([
    ['both blank: 200 at once, no behaviour', '', '', { ok: true, behaviour: undefined }],
    ['absent (an input written before the fields existed)', undefined, undefined, { ok: true, behaviour: undefined }],
    ['blanks around are ignored', '  ', ' ', { ok: true, behaviour: undefined }],
    ['statuses alone: delays 0 s', '503,503,200', '', { ok: true, behaviour: { statuses: [503, 503, 200], delaysMs: [0] } }],
    ['delay alone: statuses 200', '', '2s', { ok: true, behaviour: { statuses: [200], delaysMs: [2000] } }],
    ['both, spaces after commas', '503, 200', '2s, 0s', { ok: true, behaviour: { statuses: [503, 200], delaysMs: [2000, 0] } }],
    ['gRPC names and connection failures', 'unavailable,reset', '', { ok: true, behaviour: { statuses: ['UNAVAILABLE', 'reset'], delaysMs: [0] } }],
    ['a bad status names its field', '50x', '2s', { ok: false, field: 'backendStatus' }],
    ['a status out of range', '700', '', { ok: false, field: 'backendStatus' }],
    ['a bad delay names its field', '503', 'soon', { ok: false, field: 'backendDelay' }],
  ])('%s', (_what, backendStatus, backendDelay, expected) => {
    expect(readBackend({ ...(backendStatus === undefined ? {} : { backendStatus }), ...(backendDelay === undefined ? {} : { backendDelay }) })).toMatchObject(expected as object);
  });

  it("an error is the core's words, naming the value", () => {
    expect(readBackend({ backendStatus: '50x' })).toEqual({ ok: false, field: 'backendStatus', error: expect.stringContaining('"50x" is not an HTTP status') as unknown });
    expect(readBackend({ backendDelay: 'soon' })).toEqual({ ok: false, field: 'backendDelay', error: expect.stringContaining('"soon" is not a duration') as unknown });
  });
});

describe('toSimulation: the behaviour goes into the options', () => {
  it('blank fields leave the options as they were (no backend)', () => {
    const sim = toSimulation(input({}));
    expect(sim.ok && sim.options).toEqual({});
  });
  it('with a gateway, the behaviour is beside it', () => {
    const sim = toSimulation(input({ gateway: 'infra/edge', backendStatus: '503,503,200', backendDelay: '2s,0s' }));
    expect(sim.ok && sim.options).toEqual({ gateway: { namespace: 'infra', name: 'edge' }, backend: { statuses: [503, 503, 200], delaysMs: [2000, 0] } });
  });
  it('in the mesh too', () => {
    const sim = toSimulation(input({ mode: 'mesh', from: 'shop/frontend', backendStatus: 'reset' }));
    expect(sim.ok && sim.options.backend).toEqual({ statuses: ['reset'], delaysMs: [0] });
  });
  it('a bad value is an invalid request naming the field; a bad URL is said first', () => {
    expect(toSimulation(input({ backendDelay: 'soon' }))).toMatchObject({ ok: false, field: 'backendDelay', error: expect.stringMatching(/^Backend time to answer: "soon"/) as unknown });
    const both = toSimulation(input({ url: 'nonsense', backendStatus: '50x' }));
    expect(both.ok || both.field).toBeUndefined();
  });
});

describe('the analysis worker applies the behaviour', () => {
  const session = createAnalysisSession();
  const analysis = session.analyze({ seq: 1, files: [{ name: 'd.yaml', text: DESIGN }] });
  const ask = (patch: Partial<SimulatorInput>): SimulationAnswer => session.simulate({ seq: 2, tableId: analysis.tableId ?? -1, input: input(patch) });
  const decisionOf = (a: SimulationAnswer) => (a.kind === 'decision' ? a.decision : null);

  it('without a behaviour the answer has no attempts (as before)', () => {
    const d = decisionOf(ask({}));
    expect(d?.status).toBe(200);
    expect(d && 'attempts' in d).toBe(false);
  });
  it('fails twice: two retries on 503, then the 200 reaches the client', () => {
    const d = decisionOf(ask({ backendStatus: '503,503,200' }));
    expect(d?.status).toBe(200);
    expect(d?.attempts?.map((a) => [a.status, a.retried])).toEqual([[503, true], [503, true], [200, false]]);
    expect(d?.attempts?.[0]?.reason).toBe('503 is in retry codes; retry 1 of 2');
    expect(d?.elapsedMs).toBe(0);
  });
  it('slow: timeouts.request 500ms cuts the 2 s answer, the client gets 504 after 500 ms', () => {
    const d = decisionOf(ask({ backendDelay: '2s' }));
    expect([d?.status, d?.elapsedMs, d?.outcomes.map((o) => [o.probability, o.status, o.elapsedMs])]).toEqual([504, 500, [[1, 504, 500]]]);
  });
  it('a bad value is an invalid answer naming the field, never a crash', () => {
    expect(ask({ backendStatus: 'nope' })).toMatchObject({ kind: 'invalid', field: 'backendStatus' });
  });
});

describe('the behaviour travels with the request', () => {
  it('a witness with backendStatus/backendDelay fills the fields; one without resets them', () => {
    expect(witnessInput({ request: 'GET http://a/', headers: {}, gateway: null, mesh: null, backendStatus: '503,200', backendDelay: '1s' })).toMatchObject({ backendStatus: '503,200', backendDelay: '1s' });
    expect(witnessInput({ request: 'GET http://a/', headers: {}, gateway: null, mesh: null }, input({ backendStatus: '503' }))).toMatchObject({ backendStatus: '', backendDelay: '' });
  });
  it('Save as test writes backendStatus/backendDelay only when given, before expect', () => {
    const session = createAnalysisSession();
    const analysis = session.analyze({ seq: 1, files: [{ name: 'd.yaml', text: DESIGN }] });
    const save = (patch: Partial<SimulatorInput>) => {
      const answer = session.simulate({ seq: 1, tableId: analysis.tableId ?? -1, input: input(patch) });
      if (answer.kind !== 'decision') throw new Error(answer.kind);
      return caseFromSimulation(input(patch), answer, []);
    };
    const slow = save({ backendStatus: ' 503,503,200 ', backendDelay: '2s' });
    expect(Object.keys(slow)).toEqual(['name', 'request', 'backendStatus', 'backendDelay', 'expect']);
    expect(slow).toMatchObject({ backendStatus: '503,503,200', backendDelay: '2s', expect: { status: 504 } });
    expect(Object.keys(save({}))).toEqual(['name', 'request', 'expect']);
    expect(parseYaml(JSON.stringify(save({ backendStatus: '503,200' })))).toMatchObject({ backendStatus: '503,200', expect: { status: 200 } });
  });
});
