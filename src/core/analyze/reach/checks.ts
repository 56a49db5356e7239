/**
 * Rule checks that need the compiled entries (and, for loops, the simulator):
 * - WeightsAllZero: a Gateway API rule whose backendRefs all weigh 0 sends nothing anywhere (the
 *   API leaves the answer to the implementation; the simulator answers 500). Istio's own check is
 *   IstioTotalWeightZero (compile), so only the Gateway API is checked here.
 * - RedirectLoop: the redirect of a reachable rule, followed as the client would (same gateway,
 *   method and headers), comes back to the same rule.
 * - RewriteEmptyPath / RewriteDoubleSlash: a rewrite that turns a request the rule matches into an
 *   empty path or a path with `//`: decided for string-prefix rewrites (Envoy `prefix_rewrite`,
 *   Istio `rewrite.uri` / redirect prefix: prefix `/api` rewritten to `/` gives `/api/x` → `//x`),
 *   and seen on the rule's witness for every other rewrite (e.g. an Istio `uriRegexRewrite`).
 */
import type { PathModifier, RouteEntry, RouteTable } from '../../compile/types.js';
import type { Diagnostic, WitnessRequest } from '../../diagnostics/types.js';
import { simulate } from '../../simulate/index.js';
import type { Decision } from '../../simulate/types.js';
import { parseRequest } from '../../simulate/parse-request.js';
import { describe, refOf, rulePath, type Locator } from './place.js';
import type { ReachCode } from './types.js';
import type { Unit } from './units.js';
import { reaches } from './witness.js';

export function ruleChecks(table: RouteTable, units: readonly Unit[], locate: Locator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const once = (e: RouteEntry, code: ReachCode, suffix: string, message: string, witness?: WitnessRequest): void => {
    const path = `${rulePath(e)}${suffix}`;
    const key = `${e.provenance.resource}\u0000${path}\u0000${code}`;
    if (seen.has(key)) return;
    seen.add(key);
    const at = locate(e, path) ?? { file: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
    out.push({ code, severity: 'warning', message, ...at, resource: refOf(e), path, ...(witness ? { witness } : {}) });
  };
  for (const u of units.values()) {
    const e = u.entry;
    const a = e.action;
    if (a.kind === 'forward' && e.dialect === 'gateway-api' && a.backends.length > 0 && a.backends.every((b) => b.weight === 0)) {
      once(e, 'WeightsAllZero', '.backendRefs', `every backendRef of ${describe(e)} has weight 0, so its requests reach no backend (answered 500): give at least one a weight above 0`);
    }
    const istio = e.dialect === 'istio';
    const rewrites = e.filters.some((f) => f.type === 'URLRewrite' && f.rewrite.path !== null);
    const rewritten = u.witness && rewrites && e.action.kind === 'forward' ? forwardedPath(table, u.witness) : null;
    if (rewritten && (rewritten.to === '' || (rewritten.to.includes('//') && !rewritten.from.includes('//')))) {
      const code: ReachCode = rewritten.to === '' ? 'RewriteEmptyPath' : 'RewriteDoubleSlash';
      once(e, code, istio ? '.rewrite' : '.filters', `${describe(e)} rewrites ${rewritten.from} to ${rewritten.to === '' ? 'an empty path' : rewritten.to}: change the rewrite so that the path keeps one "/" between segments`, u.witness ?? undefined);
    }
    for (const mod of modifiers(e)) {
      const bad = rewriteProblem(mod, e);
      if (!bad) continue;
      const where = mod.where === 'redirect' ? (istio ? '.redirect' : '.filters') : istio ? '.rewrite' : '.filters';
      once(e, bad.code, where, `${describe(e)} rewrites ${bad.from} to ${bad.to === '' ? 'an empty path' : bad.to}: ${bad.code === 'RewriteEmptyPath' ? 'rewrite to "/" instead of ""' : `drop the trailing "/" of "${mod.value}" (or add one to the matched prefix)`}`);
    }
    if (a.kind === 'redirect' && u.witness) {
      const loop = followsBack(table, u.witness, e);
      if (loop) once(e, 'RedirectLoop', istio ? '.redirect' : '.filters', `${describe(e)} redirects ${loop.from} to ${loop.to}, which the same rule matches and redirects again (a loop): change the redirect's scheme, host or path, or narrow the rule`, u.witness);
    }
  }
  return out;
}

function modifiers(e: RouteEntry): { readonly mod: PathModifier; readonly value: string; readonly where: 'rewrite' | 'redirect' }[] {
  const out: { mod: PathModifier; value: string; where: 'rewrite' | 'redirect' }[] = [];
  for (const f of e.filters) if (f.type === 'URLRewrite' && f.rewrite.path && 'value' in f.rewrite.path) out.push({ mod: f.rewrite.path, value: f.rewrite.path.value, where: 'rewrite' });
  if (e.action.kind === 'redirect' && e.action.path && 'value' in e.action.path) out.push({ mod: e.action.path, value: e.action.path.value, where: 'redirect' });
  return out;
}

/** Envoy `prefix_rewrite` (string semantics): the matched prefix replaced by the value, the rest kept. */
function rewriteProblem(m: { readonly mod: PathModifier; readonly value: string }, e: RouteEntry): { code: ReachCode; from: string; to: string } | null {
  if (m.mod.type !== 'ReplacePrefixMatch' || m.mod.semantics !== 'string') return null;
  const prefix = m.mod.prefix;
  const p = e.match.path;
  const rests = p?.type === 'Exact' ? [''] : p?.type === 'RegularExpression' ? [] : prefix.endsWith('/') ? ['', 'x'] : ['', '/x'];
  for (const rest of rests) {
    const to = m.mod.value + rest;
    if (to === '') return { code: 'RewriteEmptyPath', from: prefix, to };
    if (to.includes('//')) return { code: 'RewriteDoubleSlash', from: prefix + rest, to };
  }
  return null;
}

/** The path (without query) the backend receives for the witness, and the one sent. */
function forwardedPath(table: RouteTable, w: WitnessRequest): { from: string; to: string } | null {
  const d = simulateWitness(table, w);
  const sent = d?.request?.path;
  if (!d || sent === undefined) return null;
  const from = (/^\S+ [a-z]+:\/\/[^/]*([^?]*)/.exec(w.request)?.[1] ?? '/');
  return { from, to: sent.split('?')[0] ?? '' };
}

function simulateWitness(table: RouteTable, w: WitnessRequest): Decision | null {
  const req = parseRequest(w.request, Object.entries(w.headers).map(([k, v]) => `${k}: ${v}`));
  if (!req.ok) return null;
  const [ns = '', name = ''] = (w.gateway ?? '').split('/');
  const [mns = '', workload = ''] = (w.mesh?.from ?? '').split('/');
  return simulate(table, req.request, {
    traceAll: false,
    ...(w.gateway ? { gateway: { namespace: ns, name } } : {}),
    ...(w.mesh ? { mesh: { namespace: mns, workload, labels: w.mesh.labels ?? {} } } : {}),
  });
}

/** Follow the witness' redirect once; the Location as a request with the same method and headers. */
function followsBack(table: RouteTable, w: WitnessRequest, e: RouteEntry): { from: string; to: string } | null {
  if (w.mesh) return null;
  const location = simulateWitness(table, w)?.redirect?.location;
  if (!location || !/^[a-z]+:\/\//i.test(location)) return null;
  const method = /^\S+/.exec(w.request)?.[0] ?? 'GET';
  const next: WitnessRequest = { ...w, request: `${method} ${location}` };
  return reaches(table, next, e) ? { from: w.request.replace(/^\S+ /, ''), to: location } : null;
}
