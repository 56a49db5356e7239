import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../resources/types.js';
import { parseTarget } from '../target/target.js';
import { REGEX_NOTE } from '../compile/http-match.js';
import { regexNote, withRegexNote } from './implementation-notes.js';
import { IMPLEMENTATIONS } from './implementation-table.js';
import { targetView } from './implementation-target.js';
import { ask, build, gateway, gatewayClass, http, httpRoute, route, service, to } from './testing.js';
import type { Decision, SimulateOptions } from './types.js';

/**
 * Each implementation-specific choice is said once per answer: the regex reading of the target's
 * implementation (or of the Gateway's class's) stands in for compile's generic regex note, however
 * many regex matches of however many routes (HTTPRoute and GRPCRoute) were looked at.
 */
const TARGETS = ['-', 'gateway-api=v1.5', 'implementation=kgateway', ...IMPLEMENTATIONS.map((i) => `implementation=${i.project}`)];
const CLASSES = ['example.com/gateway', 'gateway.nginx.org/nginx-gateway-controller', 'istio.io/gateway-controller', 'traefik.io/gateway-controller'];

function optionsOf(text: string): SimulateOptions {
  if (text === '-') return {};
  const r = parseTarget(text);
  if (!r.ok) throw new Error(r.error);
  return { target: r.target };
}

const regexNotes = (d: Decision): string[] => d.notes.filter((n) => /^regular expressions /.test(n.message)).map((n) => n.message);

const regexArb = fc.constantFrom('/api', '/api/v[0-9]+', '/a.*', '/(a|b)', 'v1', '.*');
const matchArb = fc.record({
  path: fc.option(regexArb, { nil: undefined }),
  header: fc.option(regexArb, { nil: undefined }),
  query: fc.option(regexArb, { nil: undefined }),
});

function designOf(controller: string, routes: { path?: string; header?: string; query?: string }[][], grpc: boolean): KubeObject[] {
  const http1 = routes.map((matches, i) =>
    httpRoute(`r${i}`, {
      rules: matches.map((m) => ({
        matches: [{
          ...(m.path ? { path: { type: 'RegularExpression', value: m.path } } : {}),
          ...(m.header ? { headers: [{ type: 'RegularExpression', name: 'x-v', value: m.header }] } : {}),
          ...(m.query ? { queryParams: [{ type: 'RegularExpression', name: 'q', value: m.query }] } : {}),
        }],
        backendRefs: [to('a')],
      })),
    }),
  );
  const grpcRoute = route('GRPCRoute', 'g', { rules: [{ matches: [{ method: { type: 'RegularExpression', service: 'pkg\\..*', method: 'Get.*' }, headers: [{ type: 'RegularExpression', name: 'x-v', value: 'v1' }] }], backendRefs: [to('a')] }] });
  return [{ ...gatewayClass(), spec: { controllerName: controller } }, gateway('gw', [http('http')]), service('a'), ...http1, ...(grpc ? [grpcRoute] : [])];
}

describe('implementation notes are said once', () => {
  it('at most one regex reading note, and no note twice, whatever the target, class, routes and request', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TARGETS),
        fc.constantFrom(...CLASSES),
        fc.array(fc.array(matchArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('/api', '/api/v1', '/b', '/a/../api/v2?q=v1&q=v2'),
        fc.constantFrom([], ['x-v: v1'], ['x-v: v10', 'x-v: a']),
        (target, controller, routes, grpc, path, headers) => {
          const result = build(designOf(controller, routes, grpc));
          const requests = [`GET http://shop.example.com${path}`, ...(grpc ? ['GRPC grpc://shop.example.com:80/pkg.Svc/GetX'] : [])];
          for (const r of requests) {
            const d = ask(result, r, headers, optionsOf(target));
            const messages = d.notes.map((n) => `${n.code} ${n.message}`);
            expect(new Set(messages).size).toBe(messages.length);
            expect(regexNotes(d).length).toBeLessThanOrEqual(1);
            // The implementation's regex dialect is written once: in the regex note, not again per entry.
            for (const i of IMPLEMENTATIONS) {
              const dialect = i.regex?.value.dialect;
              if (dialect) expect(d.notes.filter((n) => n.message.includes(dialect)).length).toBeLessThanOrEqual(1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each(['gateway-api=v1.5', 'implementation=nginx-gateway-fabric', 'implementation=kgateway'])('withRegexNote under %s: compile\'s note, given once per regex entry, and the walk\'s, give one note', (text) => {
    const target = optionsOf(text).target;
    if (!target) throw new Error(text);
    const view = targetView(target);
    const walked = regexNote(view) ?? REGEX_NOTE;
    const notes = withRegexNote([REGEX_NOTE, walked, REGEX_NOTE, { code: 'Info', message: 'x' }, walked], view);
    expect(notes).toEqual([walked, { code: 'Info', message: 'x' }]);
  });
});
