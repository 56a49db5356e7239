import { ISTIO_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { Design } from './design.js';
import { GrantCollector } from './grants.js';
import type { IstioCtx } from './istio-context.js';
import { convertIstioGateway } from './istio-gateway.js';
import { grpcPlans, grpcRoute, reportGrpcOnly } from './istio-grpc.js';
import { emitRules } from './istio-http-rule.js';
import { convertL4 } from './istio-l4.js';
import { skippedTlsMatches } from './istio-sni.js';
import { dropShadowedParents, planHttp, ROUTE_API, type RoutePlan } from './istio-virtual-service.js';
import { orderVirtualHosts } from './istio-vhosts.js';
import { compareStrings } from './names.js';
import { RouteLimits } from './route-limits.js';
import { rec, spec } from './read.js';
import type { Report } from './report.js';
import type { ConvertOptions } from './types.js';

/**
 * Istio → Gateway API. Gateways first (routes need their listeners), then every VirtualService;
 * DestinationRules and ServiceEntries stay (an Istio data plane still applies them under the
 * Gateway API); Gateway API, core and other objects pass through unchanged.
 * Output: objects in input order, each converted object where its source was, then the generated
 * ReferenceGrants and subset Services. `sources` receives each object's source resource (not the generated ones').
 */
export function istioToGateway(resources: readonly Resource[], options: ConvertOptions, report: Report, sources?: Map<KubeObject, Resource>): KubeObject[] {
  const design = new Design(resources);
  const ctx: IstioCtx = { design, report, options, grants: new GrantCollector(), listeners: new Map(), subsetServices: new Map() };
  const slots = new Map<Resource, KubeObject[]>();
  const taken = new Set<string>();
  const take = (kind: string, ns: string, base: string): string => {
    let name = base;
    for (let i = 2; taken.has(`${kind}/${ns}/${name}`); i++) name = `${base}-${i}`;
    taken.add(`${kind}/${ns}/${name}`);
    return name;
  };
  for (const r of resources) if (r.family !== 'istio') taken.add(`${r.kind}/${r.namespace}/${r.name}`);
  for (const r of resources) {
    if (r.family !== 'istio' || r.kind !== 'Gateway') continue;
    const objs = convertIstioGateway(r, ctx);
    for (const o of objs) taken.add(`${String(o.kind)}/${String(rec(o.metadata).namespace)}/${String(rec(o.metadata).name)}`);
    slots.set(r, objs);
  }
  reportSharedWorkloads(design, ctx);
  const vss = resources.filter((r) => r.group === ISTIO_GROUP && r.kind === 'VirtualService');
  const plans = new Map<Resource, RoutePlan[]>();
  for (const vs of vss) plans.set(vs, planHttp(vs, ctx));
  const all = [...plans.values()].flat();
  dropShadowedParents(all);
  const names = new Map<RoutePlan, string>();
  const grpc = grpcPlans(all, ctx);
  for (const p of all) names.set(p, take(grpc.has(p) ? 'GRPCRoute' : 'HTTPRoute', p.namespace, p.base));
  orderVirtualHosts(all, (p) => names.get(p) as string, ctx);
  const skipped = skippedTlsMatches(vss);
  for (const vs of vss) {
    const out: KubeObject[] = [];
    for (const p of plans.get(vs) ?? []) {
      const rules = grpc.get(p);
      out.push(rules ? grpcRoute(p, rules, names.get(p) as string, ctx) : httpRoute(p, names.get(p) as string, ctx));
      if (rules) reportGrpcOnly(p, names.get(p) as string, ctx);
    }
    for (const l4 of convertL4(vs, ctx, skipped)) {
      const name = take(l4.kind, l4.namespace, l4.base);
      report.origin({ kind: l4.kind, namespace: l4.namespace, name }, ['spec', 'rules', 0], vs, l4.at);
      out.push(l4.object(name));
    }
    if (out.length === 0) reportNoRules(vs, report);
    slots.set(vs, out);
  }
  for (const r of resources) {
    if (r.family === 'istio' && (r.kind === 'DestinationRule' || r.kind === 'ServiceEntry')) {
      report.note('KeptIstioObject', r, [], `${r.kind} has no Gateway API form and still applies under Istio's Gateway API implementation; it is kept`);
    }
  }
  const items: KubeObject[] = [];
  for (const r of resources) {
    for (const o of slots.get(r) ?? [r.object]) {
      items.push(o);
      sources?.set(o, r);
    }
  }
  items.push(...ctx.grants.objects((ns, name) => taken.has(`ReferenceGrant/${ns}/${name}`)));
  items.push(...[...ctx.subsetServices.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, o]) => o));
  return items;
}

function httpRoute(p: RoutePlan, name: string, ctx: IstioCtx): KubeObject {
  const rules: KubeObject[] = [];
  const ruleNames = new Set<string>();
  const target = { kind: 'HTTPRoute', namespace: p.namespace, name };
  const limits = new RouteLimits('HTTPRoute', `${p.namespace}/${name}`);
  for (const d of p.drafts) {
    const matches = [...d.head, ...d.tail];
    if (matches.length === 0) continue;
    for (const { rule, matches: ms } of emitRules(d, matches, ctx)) {
      if (!limits.admit(Array.isArray(rule.matches) ? rule.matches.length : 0, d.vs, d.at, ctx.report)) continue;
      if (typeof rule.name === 'string') {
        if (ruleNames.has(rule.name)) delete rule.name;
        else ruleNames.add(rule.name);
      }
      const k = rules.push(rule) - 1;
      ctx.report.origin(target, ['spec', 'rules', k], d.vs, d.at);
      ms.forEach((m, j) => ctx.report.origin(target, ['spec', 'rules', k, 'matches', j], d.vs, m.source === undefined ? d.at : [...d.at, 'match', m.source]));
    }
  }
  const s: KubeObject = { parentRefs: p.parentRefs };
  if (p.hostnames.length > 0) s.hostnames = p.hostnames;
  s.rules = rules;
  return { apiVersion: ROUTE_API, kind: 'HTTPRoute', metadata: { name, namespace: p.namespace }, spec: s };
}

/**
 * A VirtualService that became nothing must not vanish unannounced. One without `http`, `tls` or
 * `tcp` rules routes nothing (istio/istio pkg/config/validation/validation.go refuses it: "http, tcp or tls must be provided in
 * virtual service"); a delegate (no hosts) or one whose rules could not be carried over already has
 * its loss entries.
 */
function reportNoRules(vs: Resource, report: Report): void {
  const s = spec(vs.object);
  const rules = ['http', 'tls', 'tcp'].some((k) => Array.isArray(s[k]) && (s[k] as unknown[]).length > 0);
  if (rules || report.lostFor(vs)) return;
  report.lose('NoRules', vs, ['spec'], 'the VirtualService has no http, tls or tcp rule: it routes no request, so it is left out');
}

/** Istio merges Gateways that select the same workload (istio.md §2); Gateway API Gateways stay apart. */
function reportSharedWorkloads(design: Design, ctx: IstioCtx): void {
  const bySelector = new Map<string, Resource[]>();
  for (const gw of design.ofKind(ISTIO_GROUP, 'Gateway')) {
    const key = JSON.stringify(Object.entries(rec(spec(gw.object).selector)).sort());
    bySelector.set(key, [...(bySelector.get(key) ?? []), gw]);
  }
  for (const group of bySelector.values()) {
    if (group.length < 2) continue;
    for (const gw of group) {
      const others = group.filter((g) => g !== gw).map((g) => `${g.namespace}/${g.name}`);
      ctx.report.lose('SharedGatewayWorkload', gw, ['spec', 'selector'], `Istio merges this Gateway with ${others.join(', ')} (same selector): a request may reach routes bound to any of them. Each becomes its own Gateway API Gateway`);
    }
  }
}
