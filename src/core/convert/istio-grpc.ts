import type { KubeObject, Resource } from '../resources/types.js';
import { serviceOfHost } from './design.js';
import type { IstioCtx } from './istio-context.js';
import { isIstioCatchAll, readStringMatch } from './istio-match.js';
import type { RoutePlan } from './istio-virtual-service.js';
import { has, num, rec, records, spec, str } from './read.js';
import { RouteLimits } from './route-limits.js';

/**
 * VirtualService → GRPCRoute (gateway-api.md §7; istio.md §5, ingress2gateway's Istio provider):
 * when every `http` rule sends only to Service ports Istio treats as gRPC (appProtocol `grpc`, or
 * without appProtocol a port name `grpc` / `grpc-*`) and every match has a GRPCRoute form (uri
 * exact `/pkg.Service/Method`, uri prefix `/pkg.Service/`, headers exact/regex), the route is a
 * GRPCRoute. Anything else (other conditions, rewrite, redirect, direct response, CORS, fault,
 * timeouts, retries) keeps the HTTPRoute.
 */
interface GrpcMatch {
  readonly service: string | undefined;
  readonly method: string | undefined;
  readonly headers: KubeObject[];
}

const SERVICE = /^[A-Za-z_][A-Za-z_0-9]*(\.[A-Za-z_][A-Za-z_0-9]*)*$/;
const METHOD = /^[A-Za-z_][A-Za-z_0-9]*$/;
const MATCH_KEYS = new Set(['name', 'uri', 'headers']);
const RULE_BLOCKERS = ['delegate', 'redirect', 'directResponse', 'rewrite', 'corsPolicy', 'fault', 'timeout', 'retries'];

function isGrpcPort(dest: KubeObject, vs: Resource, ctx: IstioCtx): boolean {
  const svc = serviceOfHost(str(dest.host) ?? '', vs.namespace);
  const ports = svc ? ctx.design.servicePorts(svc) : undefined;
  if (!ports) return false;
  const number = num(rec(dest.port).number) ?? (ports.length === 1 ? ports[0]?.port : undefined);
  const p = ports.find((x) => x.port === number);
  if (!p) return false;
  if (p.appProtocol !== undefined) return p.appProtocol.toLowerCase() === 'grpc';
  const name = (p.name ?? '').toLowerCase();
  return name === 'grpc' || name.startsWith('grpc-');
}

/** One Istio match → its GRPCRoute match; undefined when it has none. Catch-all → all fields undefined. */
function grpcMatch(m: KubeObject): GrpcMatch | undefined {
  if (Object.keys(m).some((k) => !MATCH_KEYS.has(k))) return undefined;
  let service: string | undefined;
  let method: string | undefined;
  if (has(m, 'uri')) {
    const u = readStringMatch(m.uri);
    if (u.type === 'exact') {
      const g = /^\/([^/]+)\/([^/]+)$/.exec(u.value);
      if (!g || !SERVICE.test(g[1] ?? '') || !METHOD.test(g[2] ?? '')) return undefined;
      service = g[1];
      method = g[2];
    } else if (u.type === 'prefix') {
      if (u.value !== '/') {
        const g = /^\/([^/]+)\/$/.exec(u.value);
        if (!g || !SERVICE.test(g[1] ?? '')) return undefined;
        service = g[1];
      }
    } else return undefined;
  }
  const headers: KubeObject[] = [];
  for (const [name, v] of Object.entries(rec(m.headers)).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const lower = name.toLowerCase();
    if (!/^[a-z0-9!#$%&'*+.^_`|~-]+$/.test(lower) || ['uri', 'scheme', 'method', 'authority'].includes(lower)) return undefined;
    const s = readStringMatch(v);
    if (s.type === 'exact' && s.value !== '') headers.push({ type: 'Exact', name: lower, value: s.value });
    else if (s.type === 'regex') headers.push({ type: 'RegularExpression', name: lower, value: s.value });
    else return undefined;
  }
  return { service, method, headers };
}

/** The GRPCRoute matches of each `http` rule (up to Istio's catch-all), or undefined when the VirtualService is no GRPCRoute. */
function grpcRules(vs: Resource, ctx: IstioCtx): Map<number, GrpcMatch[]> | undefined {
  const rules = records(spec(vs.object).http);
  if (rules.length === 0) return undefined;
  const out = new Map<number, GrpcMatch[]>();
  for (const { item, index } of rules) {
    if (RULE_BLOCKERS.some((k) => has(item, k))) return undefined;
    const dests = records(item.route);
    if (dests.length === 0) return undefined;
    const mirrors = [...(has(item, 'mirror') ? [rec(item.mirror)] : []), ...records(item.mirrors).map(({ item: m }) => rec(m.destination))];
    if (![...dests.map(({ item: d }) => rec(d.destination)), ...mirrors].every((d) => isGrpcPort(d, vs, ctx))) return undefined;
    const ms: GrpcMatch[] = [];
    const raw = records(item.match);
    if (raw.length === 0) ms.push({ service: undefined, method: undefined, headers: [] });
    for (const { item: m } of raw) {
      const g = grpcMatch(m);
      if (!g) return undefined;
      ms.push(g);
      if (isIstioCatchAll(m)) break;
    }
    out.set(index, ms);
  }
  return ordered(out) ? out : undefined;
}

/** GRPCRoute precedence (gateway-api.md §7) must not put a later Istio rule before an earlier one it overlaps. */
function ordered(rules: Map<number, GrpcMatch[]>): boolean {
  const key = (m: GrpcMatch): number[] => [m.service?.length ?? 0, m.method?.length ?? 0, m.headers.length];
  const later = (a: number[], b: number[]): boolean => {
    for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (b[i] ?? 0) > (a[i] ?? 0);
    return false;
  };
  const overlap = (a: GrpcMatch, b: GrpcMatch): boolean => (a.service === undefined || b.service === undefined || a.service === b.service) && (a.method === undefined || b.method === undefined || a.method === b.method);
  const list = [...rules.entries()].sort(([a], [b]) => a - b);
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      for (const a of list[i]?.[1] ?? []) for (const b of list[j]?.[1] ?? []) if (overlap(a, b) && later(key(a), key(b))) return false;
    }
  }
  return true;
}

/**
 * The plans to emit as GRPCRoutes: gateway-bound, not widened, alone on their virtual hosts (so
 * that no HTTPRoute competes for the same requests), of a VirtualService with a GRPCRoute form.
 */
export function grpcPlans(plans: readonly RoutePlan[], ctx: IstioCtx): Map<RoutePlan, Map<number, GrpcMatch[]>> {
  const count = new Map<string, number>();
  for (const p of plans) for (const v of p.vhosts) count.set(v, (count.get(v) ?? 0) + 1);
  const out = new Map<RoutePlan, Map<number, GrpcMatch[]>>();
  for (const p of plans) {
    if (p.mesh || p.widened.length > 0 || p.parentRefs.length === 0 || p.vhosts.some((v) => (count.get(v) ?? 0) > 1)) continue;
    const rules = grpcRules(p.vs, ctx);
    if (rules) out.set(p, rules);
  }
  return out;
}

export function grpcRoute(p: RoutePlan, rules: Map<number, GrpcMatch[]>, name: string, ctx: IstioCtx): KubeObject {
  const target = { kind: 'GRPCRoute', namespace: p.namespace, name };
  const limits = new RouteLimits('GRPCRoute', `${p.namespace}/${name}`);
  const out: KubeObject[] = [];
  const ruleNames = new Set<string>();
  const grant = (ref: KubeObject): void => {
    if (typeof ref.namespace === 'string' && ref.group === undefined) ctx.grants.add('GRPCRoute', p.namespace, 'Service', ref.namespace, String(ref.name));
  };
  for (const d of p.drafts) {
    const ms = rules.get(d.index);
    if (!ms) continue;
    const rule: KubeObject = {};
    if (d.name && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(d.name) && !ruleNames.has(d.name)) {
      rule.name = d.name;
      ruleNames.add(d.name);
    }
    const all = ms.some((m) => m.service === undefined && m.method === undefined && m.headers.length === 0);
    if (!all) {
      rule.matches = ms.map((m) => ({
        ...(m.service !== undefined ? { method: { type: 'Exact', service: m.service, ...(m.method !== undefined ? { method: m.method } : {}) } } : {}),
        ...(m.headers.length > 0 ? { headers: m.headers } : {}),
      }));
    }
    if (!limits.admit(Array.isArray(rule.matches) ? rule.matches.length : 0, d.vs, d.at, ctx.report)) continue;
    if (d.filters.length > 0) rule.filters = d.filters;
    for (const f of d.filters) if (f.type === 'RequestMirror') grant(rec(rec(f.requestMirror).backendRef));
    if (d.backendRefs && d.backendRefs.length > 0) rule.backendRefs = d.backendRefs;
    for (const b of d.backendRefs ?? []) grant(b);
    const k = out.push(rule) - 1;
    ctx.report.origin(target, ['spec', 'rules', k], d.vs, d.at);
    if (!all) ms.forEach((_, j) => ctx.report.origin(target, ['spec', 'rules', k, 'matches', j], d.vs, [...d.at, 'match', j]));
  }
  const s: KubeObject = { parentRefs: p.parentRefs };
  if (p.hostnames.length > 0) s.hostnames = p.hostnames;
  s.rules = out;
  return { apiVersion: `gateway.networking.k8s.io/v1`, kind: 'GRPCRoute', metadata: { name, namespace: p.namespace }, spec: s };
}

/**
 * A GRPCRoute takes gRPC requests only (gateway-api.md §7: its matches are on the gRPC service and
 * method); Istio's `http` rules take any HTTP request on the same path. Plain HTTP requests that
 * the VirtualService routed to its hosts now find no rule.
 */
export function reportGrpcOnly(p: RoutePlan, name: string, ctx: IstioCtx): void {
  const hosts = p.hostnames.length > 0 ? { hosts: p.hostnames } : {};
  ctx.report.lose('GRPCRequestsOnly', p.vs, ['spec', 'http'], `GRPCRoute ${p.namespace}/${name} matches gRPC requests only: plain HTTP requests to ${p.hostnames.join(', ') || 'these hosts'} that this VirtualService routed are no longer routed`, { scope: [], requests: [{ ...hosts, protocols: ['http'] }] });
}
