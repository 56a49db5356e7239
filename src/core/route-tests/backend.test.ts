import { describe, expect, it } from 'vitest';
import { basic, httpRoute, to } from '../simulate/testing.js';
import { parseRouteTests } from './parse-tests.js';
import { runRouteTest } from './run-test.js';

// A case's backendStatus / backendDelay: simulate --backend-status / --backend-delay (README "Route tests").
const parse = (...lines: string[]) => parseRouteTests({ name: 't.yaml', text: ['tests:', '  - name: a', '    request: GET http://h.example/r', ...lines.map((l) => `    ${l}`), '    expect: {status: 200}'].join('\n') });

describe('route tests: backendStatus and backendDelay', () => {
  it.each<[string[], { statuses: (number | string)[]; delaysMs: number[] }, Record<string, string>]>([
    [['backendStatus: 503,503,200', 'backendDelay: 2s'], { statuses: [503, 503, 200], delaysMs: [2000] }, { backendStatus: '503,503,200', backendDelay: '2s' }],
    [['backendStatus: [503, reset, 200]'], { statuses: [503, 'reset', 200], delaysMs: [0] }, { backendStatus: '503,reset,200' }],
    [['backendStatus: 503'], { statuses: [503], delaysMs: [0] }, { backendStatus: '503' }],
    [['backendDelay: [2s, 0s]'], { statuses: [200], delaysMs: [2000, 0] }, { backendDelay: '2s,0s' }],
  ])('%j', (lines, behaviour, words) => {
    const r = parse(...lines);
    expect(r.diagnostics).toEqual([]);
    expect(r.cases[0]?.options).toEqual({ backend: behaviour });
    expect(r.cases[0]?.witness).toMatchObject(words);
  });
  it('without them the case has no behaviour and its witness no such key', () => {
    const c = parse().cases[0];
    expect([c?.options, c && 'backendStatus' in c.witness]).toEqual([{}, false]);
  });
  it.each<[string, [string, number, number, string]]>([
    ['backendStatus: 600', ['TestInvalidValue', 4, 20, 'backendStatus: "600" is not an HTTP status (100–599), a gRPC status name or one of reset, connect-failure, refused-stream']],
    ['backendDelay: soon', ['TestInvalidValue', 4, 19, 'backendDelay: "soon" is not a duration such as 2s, 500ms or 1.5s']],
    ['backendStatus: {a: 1}', ['TestWrongType', 4, 20, 'backendStatus is a string, not a mapping (write \'\' for an empty value)']],
  ])('%s is refused at its value', (line, [code, lineNo, column, message]) => {
    const r = parse(line);
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.message])).toEqual([[code, lineNo, column, message]]);
    expect(r.cases).toEqual([]);
  });
  it('the case is simulated with the behaviour: status is what the client finally gets', () => {
    const design = basic([httpRoute('r', { rules: [{ retry: { codes: [503], attempts: 2 }, backendRefs: [to('a')] }] })]);
    const run = (status: string) => {
      const r = parseRouteTests({ name: 't.yaml', text: `tests:\n  - name: c\n    request: GET http://h.example/\n    backendStatus: ${status}\n    expect: {status: 200}\n` });
      const c = r.cases[0];
      if (!c) throw new Error(JSON.stringify(r.diagnostics));
      return runRouteTest(design.table, c);
    };
    expect(run('503,503,200').passed).toBe(true);
    expect(run('503,503,503,200').failures.map((f) => `${f.field}: ${f.expected} ≠ ${f.actual}`)).toEqual(['status: 200 ≠ 503']);
  });
});
