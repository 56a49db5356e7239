import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../bench/generate.js';
import { generateIstioDesign } from '../../bench/generate-istio.js';
import { parseRequest } from '../simulate/parse-request.js';
import type { Request } from '../simulate/types.js';
import { diffTables, simulateWitness } from './behaviour.js';
import { behaviourKey, outcomeOf } from './outcome.js';
import { classWords, coarseKey, diffText, showsChange, tableOf } from './testing.js';

/**
 * STYLE.md "properties for round-trips": diff over generated designs (src/bench's generators, both
 * dialects). A failing case prints its seed (fast-check's report) so it can be replayed.
 */
const RUNS = 25;
const dialect = fc.constantFrom('gateway-api', 'istio');
const designArb = fc.record({ dialect, routes: fc.integer({ min: 1, max: 5 }), seed: fc.integer({ min: 1, max: 10_000 }) });
type DesignArgs = { dialect: string; routes: number; seed: number };

function designText(d: DesignArgs): string {
  return d.dialect === 'istio' ? generateIstioDesign(d.routes, d.seed).text : generateDesign(d.routes, d.seed).text;
}

const docsOf = (text: string): string[] => text.split('---\n').filter((d) => d.trim() !== '');

/** Same design written otherwise: documents shuffled, keys sorted, defaults a controller applies written out. */
function reformat(text: string, order: readonly number[]): string {
  const docs = docsOf(text).map((d) => withDefaults(yaml.load(d)));
  const shuffled = order.map((i) => docs[i % docs.length]).filter((d, i, all) => all.indexOf(d) === i);
  for (const d of docs) if (!shuffled.includes(d)) shuffled.push(d);
  return shuffled.map((d) => yaml.dump(d, { sortKeys: true })).join('---\n');
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): Obj[] => (Array.isArray(x) ? x.filter(isObj) : []);

/** Gateway API defaults (gateway-api.md: backendRef weight 1, group "", kind Service; parentRef group and kind). */
function withDefaults(doc: unknown): unknown {
  if (!isObj(doc) || doc.kind !== 'HTTPRoute' || !isObj(doc.spec)) return doc;
  const spec = doc.spec;
  for (const p of list(spec.parentRefs)) Object.assign(p, { group: p.group ?? 'gateway.networking.k8s.io', kind: p.kind ?? 'Gateway' });
  for (const r of list(spec.rules)) for (const b of list(r.backendRefs)) Object.assign(b, { weight: b.weight ?? 1, group: b.group ?? '', kind: b.kind ?? 'Service' });
  return doc;
}

/** Edits of one route document: [pattern, replacement]; one that does not apply leaves the text as it is. */
const EDITS: readonly [RegExp, string][] = [
  [/weight: \d+/, 'weight: 7'],
  [/value: \/healthz/, 'value: /health'],
  [/exact: \/healthz/, 'prefix: /'],
  [/value: \/api\n/, 'value: /ap\n'],
  [/prefix: \/api\//, 'prefix: /ap'],
  [/value: "true"/, 'value: "false"'],
  [/exact: "true"/, 'regex: "t.*"'],
  [/sectionName: https/, 'sectionName: http'],
  [/name: (svc-\d+)-canary\n/, 'name: $1\n'],
  [/host: (svc-\d+)-canary,/, 'host: $1,'],
  [/method: GET/, 'method: POST'],
  [/exact: GET/, 'exact: POST'],
  [/type: PathPrefix\n(\s+)value: \/api\n/, 'type: Exact\n$1value: /api\n'],
  [/value: route-(\d+)/, 'value: edited'],
  [/x-route: route-(\d+)/, 'x-route: edited'],
  [/- app-\d+\.g0/, '- app-0.g0'],
  [/hosts: \[app-\d+\.g0/, 'hosts: [app-0.g0'],
];

function edit(text: string, picks: readonly { doc: number; edit: number; drop: boolean }[]): string {
  const docs = docsOf(text);
  const routes = docs.map((d, i) => (/kind: (HTTPRoute|VirtualService)/.test(d) ? i : -1)).filter((i) => i >= 0);
  for (const p of picks) {
    const at = routes[p.doc % routes.length];
    if (at === undefined) continue;
    const [pattern, replacement] = EDITS[p.edit % EDITS.length] as [RegExp, string];
    docs[at] = p.drop ? '' : (docs[at] ?? '').replace(pattern, replacement);
  }
  return docs.filter((d) => d !== '').join('---\n');
}

const picksArb = fc.array(fc.record({ doc: fc.nat(), edit: fc.nat(), drop: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }), { minLength: 1, maxLength: 3 });

describe('diff properties over generated designs', () => {
  it('diff(a, a) is empty, also when every site is sent', () => {
    fc.assert(fc.property(designArb, (d) => {
      const text = designText(d);
      const r = diffText(text, text);
      expect(r.changes).toEqual([]);
      expect(r.status).toEqual([]);
      expect(r.problems).toEqual({ added: [], fixed: [] });
      const every = diffTables(tableOf(text), tableOf(text), { everySite: true });
      expect(every.candidates).toBeGreaterThan(0);
      expect(every.changes).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('diff(a, reformatted a) is empty: documents reordered, keys sorted, defaults written out', () => {
    fc.assert(fc.property(designArb, fc.array(fc.nat(), { maxLength: 30 }), (d, order) => {
      const text = designText(d);
      const other = reformat(text, order);
      const r = diffText(text, other);
      expect(r.changes).toEqual([]);
      expect(r.status).toEqual([]);
      expect(r.problems).toEqual({ added: [], fixed: [] });
      expect(diffTables(tableOf(text), tableOf(other), { everySite: true }).changes).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('for random edits, every witness behaves differently on the two versions, and skipping alike sites loses no class', () => {
    fc.assert(fc.property(designArb, picksArb, (d, picks) => {
      const before = designText(d);
      const after = edit(before, picks);
      const r = diffText(before, after);
      const [ta, tb] = [tableOf(before), tableOf(after)];
      for (const c of r.changes) expect(showsChange(ta, tb, c.witness), `${c.class}: ${c.witness.request}`).toBe(true);
      const every = diffTables(ta, tb, { everySite: true });
      expect(classWords(r)).toEqual(classWords(every));
    }), { numRuns: RUNS * 2 });
  });

  it('for random edits, every request (of a grid over the designs\' hosts, paths, methods and headers) that behaves differently falls in a reported class', () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST'),
      scheme: fc.constantFrom('https', 'http'),
      host: fc.integer({ min: 0, max: 6 }),
      path: fc.constantFrom('/', '/api', '/api/', '/api/v1', '/api/v2/x', '/ap', '/ap/x', '/apx', '/healthz', '/health', '/x'),
      canary: fc.constantFrom(null, 'true', 'false', 'tx'),
    });
    fc.assert(fc.property(designArb, picksArb, fc.array(request, { minLength: 1, maxLength: 20 }), (d, picks, requests) => {
      const before = designText(d);
      const after = edit(before, picks);
      const r = diffText(before, after);
      const [ta, tb] = [tableOf(before), tableOf(after)];
      const reported = new Set(r.changes.map((c) => `${coarseKey(c.before, parsed(c.witness.request, c.witness.headers))}\u0000${coarseKey(c.after, parsed(c.witness.request, c.witness.headers))}`));
      for (const q of requests) {
        const headers: Record<string, string> = q.canary === null ? {} : { 'x-canary': q.canary };
        const w = { request: `${q.method} ${q.scheme}://app-${q.host}.g0.example.com${q.path}`, headers, gateway: 'infra/gw-0', mesh: null };
        const req = parsed(w.request, headers);
        const a = behaviourKey(outcomeOf(simulateWitness(ta, req, w)), req);
        const b = behaviourKey(outcomeOf(simulateWitness(tb, req, w)), req);
        const [ca, cb] = [coarseKey(outcomeOf(simulateWitness(ta, req, w)), req), coarseKey(outcomeOf(simulateWitness(tb, req, w)), req)];
        if (a !== b) expect(reported.has(`${ca}\u0000${cb}`), `${w.request} ${JSON.stringify(headers)} changes but falls in no reported class`).toBe(true);
      }
    }), { numRuns: RUNS * 2 });
  });
});

function parsed(line: string, headers: Readonly<Record<string, string>>): Request {
  const r = parseRequest(line, Object.entries(headers).map(([k, v]) => `${k}: ${v}`));
  if (!r.ok) throw new Error(r.error);
  return r.request;
}
