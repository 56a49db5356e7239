import { compile } from '../compile/index.js';
import type { RouteTable } from '../compile/types.js';
import { parse } from '../resources/parse.js';
import { serializeObjects } from '../resources/serialize.js';
import type { Resource } from '../resources/types.js';
import { simulate } from '../simulate/index.js';
import { parseRequest } from '../simulate/parse-request.js';
import type { Decision, MeshClient, Request } from '../simulate/types.js';
import { isAffected } from './affected.js';
import { DeciderIndex, objectKey, OriginIndex, type Decider } from './deciders.js';
import { within } from './scope.js';
import type { ConvertResult, LossEntry } from './types.js';

/**
 * The proof check of a conversion (DESIGN.md "Conversion … is verified through the simulator"):
 * the same requests get the same decision before and after — status and outcome probabilities,
 * backends and their shares, the request as the backend receives it, the redirect — unless a loss
 * entry names the difference. An entry names it when the request is among the ones it says it
 * affects (`requests`, when given) and
 * - its scope (a rule, match, listener, server or whole object) is, or contains, an element that
 *   decided the request before conversion (the route rule and match, the listener, the gateway); or
 * - it `widens` a match and its scope contains the source of the rule that decides the request
 *   after conversion (through `origins`) — a request no route took before (a default answer) can
 *   only be explained this way, by an entry on the listener or gateway that answered, or by an
 *   entry naming it; or
 * - it has no scope (`null`) and names the request.
 */
export interface RequestCase {
  /** Request line as the CLI takes it: `GET http://shop.example.com/api`. */
  readonly text: string;
  readonly headers: readonly string[];
  readonly mesh?: MeshClient;
  /** The TLS server name when it is not the URL's host (mesh TLS connections). */
  readonly sni?: string;
}

export interface Difference {
  readonly request: RequestCase;
  readonly fields: readonly string[];
  readonly before: Decision;
  readonly after: Decision;
  /** The loss entries that explain it; empty = unexplained. */
  readonly explainedBy: readonly LossEntry[];
}

/** What of a decision must survive a conversion, normalised (names of subset Services folded back to `S-SUBSET`). */
export function decisionSummary(d: Decision): Record<string, unknown> {
  const backends = new Map<string, number>();
  for (const b of d.backends) {
    if (b.probability === 0) continue;
    const key = `${b.namespace}/${b.subset ? `${b.name}-${b.subset}` : b.name}:${b.port ?? ''}${b.problem ? ' (fails)' : ''}`;
    backends.set(key, (backends.get(key) ?? 0) + b.probability);
  }
  const outcomes = new Map<string, number>();
  for (const o of d.outcomes) outcomes.set(String(o.status), (outcomes.get(String(o.status)) ?? 0) + o.probability);
  const round = (m: Map<string, number>): Record<string, number> => Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, Math.round(v * 1e6) / 1e6]));
  const forwarded = d.backends.length > 0 && d.redirect === null;
  return {
    status: String(d.status),
    outcomes: round(outcomes),
    backends: round(backends),
    request: forwarded && d.request ? { method: d.request.method, host: d.request.host, path: d.request.path, headers: d.request.headers } : null,
    redirect: d.redirect,
  };
}

export function compareDecisions(a: Decision, b: Decision): string[] {
  const x = decisionSummary(a);
  const y = decisionSummary(b);
  return Object.keys(x).filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]));
}

/** Resources of the converted design (through serialize → parse, so the output is proven serializable). */
export function convertedResources(result: ConvertResult, defaultNamespace = 'default'): readonly Resource[] {
  return parse([{ name: '<converted>', text: serializeObjects(result.items) }], { defaultNamespace }).resources;
}

function decide(table: RouteTable, c: RequestCase): { request: Request; decision: Decision } | undefined {
  const r = parseRequest(c.text, c.headers, c.sni === undefined ? {} : { sni: c.sni });
  return r.ok ? { request: r.request, decision: simulate(table, r.request, c.mesh ? { mesh: c.mesh } : {}) } : undefined;
}

/** What the check knows about one difference. */
interface Evidence {
  readonly request: Request;
  /** No route took the request before conversion. */
  readonly unrouted: boolean;
  /** Elements of the source that decided it before. */
  readonly before: readonly Decider[];
  /** Elements of the source whose conversion decides it after. */
  readonly after: readonly Decider[];
}

/** The loss entries that explain one difference (see the contract above). */
export function explaining(loss: readonly LossEntry[], e: Evidence): LossEntry[] {
  return loss.filter((l) => {
    if (l.requests && !l.requests.some((a) => isAffected(a, e.request, e.unrouted))) return false;
    if (l.scope === null) return l.requests !== undefined;
    const scope = l.scope;
    const hit = (ds: readonly Decider[]): boolean => ds.some((d) => d.object === objectKey(l.resource) && within(d.path, scope));
    return hit(e.before) || (l.widens === true && hit(e.after));
  });
}

/** Simulates every request on both designs; returns the differences, each with the loss entries that explain it. */
export function checkEquivalence(source: readonly Resource[], result: ConvertResult, requests: readonly RequestCase[], options: { assumeExternal?: boolean } = {}): Difference[] {
  const before = compile(source, options).table;
  const after = compile(convertedResources(result), options).table;
  const beforeIndex = new DeciderIndex(before);
  const afterIndex = new DeciderIndex(after);
  const origins = new OriginIndex(result.origins);
  const out: Difference[] = [];
  for (const c of requests) {
    const a = decide(before, c);
    const b = decide(after, c);
    if (!a || !b) continue;
    const fields = compareDecisions(a.decision, b.decision);
    if (fields.length === 0) continue;
    const evidence: Evidence = { request: a.request, unrouted: a.decision.route === null, before: beforeIndex.all(a.decision), after: origins.sources(afterIndex.route(b.decision)) };
    out.push({ request: c, fields, before: a.decision, after: b.decision, explainedBy: explaining(result.loss, evidence) });
  }
  return out;
}
