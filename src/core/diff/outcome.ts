/**
 * A Decision reduced to behaviour (what the client and the backends see) and a canonical key for
 * it: two answers are the same behaviour when their keys are equal, whichever route, rule or
 * match produced them, however the weights were written (1:1 and 50:50 are one split) and in
 * whatever order backends, mirrors and headers were listed.
 */
import type { Decision, ForwardedRequest, Request } from '../simulate/types.js';
import type { DiffOutcome } from './types.js';

/** Shares are compared to 1e-12: 1/3 from weights 1:2 and from 50:100 are one probability. */
function share(p: number): number {
  return Math.round(p * 1e12) / 1e12;
}

export function outcomeOf(d: Decision): DiffOutcome {
  const outcomes = new Map<string, { probability: number; status: number | string }>();
  for (const o of d.outcomes) {
    const k = String(o.status);
    const seen = outcomes.get(k);
    if (seen) seen.probability += o.probability;
    else outcomes.set(k, { probability: o.probability, status: o.status });
  }
  const backends = new Map<string, { kind: string; namespace: string; name: string; port: number | null; subset: string | null; probability: number; problem?: string }>();
  for (const b of d.backends) {
    const k = `${b.kind}/${b.namespace}/${b.name}:${b.port ?? ''}#${b.subset ?? ''}`;
    const seen = backends.get(k);
    if (seen) seen.probability += b.probability;
    else backends.set(k, { kind: b.kind, namespace: b.namespace, name: b.name, port: b.port, subset: b.subset, probability: b.probability, ...(b.problem === undefined ? {} : { problem: b.problem }) });
  }
  return {
    status: d.status,
    outcomes: [...outcomes.values()].map((o) => ({ ...o, probability: share(o.probability) })).filter((o) => o.probability > 0).sort((a, b) => String(a.status).localeCompare(String(b.status))),
    route: d.route,
    rule: d.rule,
    backends: [...backends.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, b]) => ({ ...b, probability: share(b.probability) })).filter((b) => b.probability > 0),
    redirect: d.redirect,
    request: d.request,
    responseHeaders: d.responseHeaders,
    mirrors: [...d.mirrors].sort((a, b) => mirrorKey(a).localeCompare(mirrorKey(b))),
    timeouts: d.timeouts,
    retries: d.retries,
  };
}

function mirrorKey(m: DiffOutcome['mirrors'][number]): string {
  return `${m.kind}/${m.namespace}/${m.name}:${m.port ?? ''}@${m.percent}`;
}

/**
 * The behaviour key: the outcome without route and rule, objects with sorted keys, and the
 * forwarded request as what the proxy changed in `incoming` — so requests that change alike (GET
 * and POST of one path, two paths of one prefix) share a key, and, for one request, equal keys are
 * equal answers. A backend or mirror with a problem receives nothing (its share fails: simulate's
 * outcomes.ts; a mirror with a problem is not configured), so it is left out, and with no backend
 * that receives, no request is forwarded: a route that starts sending a TCP connection to a
 * missing Service instead of no route rejects it alike.
 */
export function behaviourKey(o: DiffOutcome, incoming: Request): string {
  const { route: _route, rule: _rule, request, ...rest } = o;
  const backends = o.backends.filter((b) => b.problem === undefined);
  const plain = {
    ...rest,
    redirect: o.redirect === null ? null : { status: o.redirect.status, location: relativeLocation(o.redirect.location, incoming) },
    request: request === null || backends.length === 0 ? null : forwardedChanges(request, incoming),
    backends,
    mirrors: o.mirrors.filter((m) => m.problem === undefined),
  };
  return JSON.stringify(plain, sortedKeys);
}

/** A redirect's Location as what it changes in `incoming` (`=` for a part kept): requests redirected alike share it. */
interface RelativeLocation {
  readonly scheme: string;
  readonly host: string;
  readonly port: string;
  readonly path: string;
}

const LOCATION = /^([a-z][a-z0-9+.-]*):\/\/([^/:?#]*|\[[^\]]*\])(?::(\d+))?([^#]*)/i;

function relativeLocation(location: string, r: Request): RelativeLocation | string {
  const m = LOCATION.exec(location);
  if (!m) return location;
  const [, scheme = '', host = '', port = '', path = ''] = m;
  const defaultPort = scheme.toLowerCase() === 'https' ? 443 : 80;
  const p = port === '' ? defaultPort : Number(port);
  return {
    scheme: scheme.toLowerCase() === r.scheme ? '=' : scheme.toLowerCase(),
    host: host.toLowerCase() === r.host ? '=' : host.toLowerCase(),
    port: p === r.port ? '=' : String(p),
    path: (path === '' ? '/' : path) === r.path ? '=' : path,
  };
}

function locationWords(l: RelativeLocation | string): string {
  if (typeof l === 'string') return l;
  const scheme = l.scheme === '=' ? '' : `${l.scheme}:`;
  const host = l.host === '=' ? '(same host)' : l.host;
  const port = l.port === '=' ? '' : `:${l.port}`;
  const path = l.path === '=' ? ' (same path)' : l.path;
  return `${scheme}//${host}${port}${path}`;
}

interface ForwardedChanges {
  readonly method: string;
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | null>>;
}

function forwardedChanges(f: ForwardedRequest, r: Request): ForwardedChanges {
  const sent = new Map<string, string>();
  for (const [k, v] of r.headers) {
    const name = k.toLowerCase();
    const seen = sent.get(name);
    sent.set(name, seen === undefined ? v : `${seen},${v}`);
  }
  const headers: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(f.headers)) if (sent.get(k) !== v) headers[k] = v;
  for (const k of sent.keys()) if (!(k in f.headers)) headers[k] = null;
  return {
    method: f.method === r.method ? '=' : f.method,
    scheme: f.scheme === r.scheme ? '=' : f.scheme,
    host: f.host === r.host ? '=' : f.host,
    path: f.path === r.path ? '=' : prefixSwap(r.path, f.path),
    headers,
  };
}

/**
 * A rewritten path as the prefix swapped, after their longest common tail: `/x/y` → `/r/y` and
 * `/x` → `/r` both read `/x… → /r…` (one prefix rewrite, one class); a full-path replacement keeps
 * each request's own path.
 */
function prefixSwap(from: string, to: string): string {
  let n = 0;
  while (n < from.length && n < to.length && from[from.length - 1 - n] === to[to.length - 1 - n]) n++;
  return `${from.slice(0, from.length - n)}… → ${to.slice(0, to.length - n)}…`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = (value as Record<string, unknown>)[k];
  return out;
}

/**
 * Words for a class: `404 ⇒ 200 → team/svc`, `200 → team/svc 90%, team/svc-canary 10%`,
 * `301 → https://…`, with what the proxy changed in the request (`path /v2/cart`, `x-a: 1`,
 * `-x-b`), mirrors, timeouts and retries — each only on the side where it differs.
 */
export function describeChange(before: DiffOutcome, after: DiffOutcome, incoming: Request): string {
  const a = words(before, incoming);
  const b = words(after, incoming);
  const side = (x: Words, other: Words): string => {
    const extra = x.extra.filter((e) => !other.extra.includes(e));
    return `${x.head}${extra.length > 0 ? ` (${extra.join(', ')})` : ''}`;
  };
  return `${side(a, b)} ⇒ ${side(b, a)}`;
}

interface Words {
  readonly head: string;
  readonly extra: readonly string[];
}

function words(o: DiffOutcome, incoming: Request): Words {
  if (o.redirect) return { head: `${o.redirect.status} → ${locationWords(relativeLocation(o.redirect.location, incoming))}`, extra: [] };
  const to = o.backends.map((b) => `${b.namespace}/${b.name}${b.subset ? `#${b.subset}` : ''}${b.probability === 1 ? '' : ` ${+(b.probability * 100).toFixed(4)}%`}`).join(', ');
  const extra: string[] = [];
  if (o.request) {
    const f = forwardedChanges(o.request, incoming);
    for (const k of ['method', 'scheme', 'host', 'path'] as const) if (f[k] !== '=') extra.push(`${k} ${f[k]}`);
    for (const [k, v] of Object.entries(f.headers)) extra.push(v === null ? `-${k}` : `${k}: ${v}`);
  }
  for (const m of o.mirrors) extra.push(`mirror ${m.namespace}/${m.name} ${m.percent}%`);
  if (o.timeouts) for (const [k, v] of Object.entries(o.timeouts)) extra.push(`${k} timeout ${v}`);
  if (o.retries) extra.push(`${o.retries.attempts} retries`);
  if (o.outcomes.length > 1) extra.push(o.outcomes.map((x) => `${x.status} ${+(x.probability * 100).toFixed(4)}%`).join(' / '));
  return { head: to === '' ? String(o.status) : `${o.status} → ${to}`, extra };
}

