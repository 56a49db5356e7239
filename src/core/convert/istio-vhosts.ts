import { compareTimes } from '../compile/precedence.js';
import { creationOf } from '../compile/read.js';
import { covers } from './hosts.js';
import type { IstioCtx } from './istio-context.js';
import type { RuleDraft } from './istio-http-rule.js';
import type { RoutePlan } from './istio-virtual-service.js';
import { isCatchAll } from './gw-match.js';
import { compareStrings } from './names.js';
import { splitMatches } from './istio-rule-split.js';
import { preserveOrder, type OrderEntry, type OrderProblem } from './order.js';

/**
 * Keeps Istio's per-virtual-host decisions under Gateway API precedence (istio.md §1.2, §1.7, §9.1).
 *
 * A gateway virtual host lists the routes of its VirtualServices oldest first (ties by name, then
 * namespace), with catch-all routes moved to the end; a sidecar takes only the first VirtualService
 * of a host (the first that yields routes for the port and client: one whose every match names a
 * port, source or gateways may leave the host to the next — istio-virtual-service.ts `selective`
 * reports it). Each virtual host's sequence goes through the order fixer; as a rule can serve several
 * hosts, sequences are fixed again until no match is added.
 */
export function orderVirtualHosts(plans: readonly RoutePlan[], routeName: (p: RoutePlan) => string, ctx: IstioCtx): void {
  const byHost = new Map<string, RoutePlan[]>();
  for (const p of plans) {
    for (const v of p.vhosts) {
      const list = byHost.get(v);
      if (list) list.push(p);
      else byHost.set(v, [p]);
    }
  }
  const sequences: { key: string; seq: OrderEntry[] }[] = [];
  const draftOf = new Map<OrderEntry, RuleDraft>();
  for (const [key, members] of [...byHost.entries()].sort(([a], [b]) => compareStrings(a, b))) {
    // Server by server, then oldest VirtualService first (istio.md §1.7).
    const rank = (p: RoutePlan): number => p.serverRank.get(key) ?? 0;
    const ordered = [...members].sort((a, b) => rank(a) - rank(b) || istioOrder(a, b));
    const mesh = key.startsWith('mesh|');
    const used = mesh ? ordered.slice(0, 1) : ordered;
    if (mesh) for (const p of ordered.slice(1)) dropMeshParent(p, key, ordered[0] as RoutePlan, ctx);
    const heads: OrderEntry[] = [];
    const tails: OrderEntry[] = [];
    for (const p of used) {
      const route = `${p.namespace}/${routeName(p)}`;
      p.drafts.forEach((d, rule) => {
        const label = `${p.vs.kind} ${p.vs.namespace}/${p.vs.name} spec.http[${d.index}]`;
        if (d.head.length > 0) {
          const e = { route, rule, matches: d.head, label };
          draftOf.set(e, d);
          heads.push(e);
        }
        if (d.tail.length > 0) {
          const e = { route, rule, matches: d.tail, label };
          draftOf.set(e, d);
          (mesh ? heads : tails).push(e);
        }
      });
    }
    sequences.push({ key, seq: [...heads, ...tails] });
  }
  const problems: { pr: OrderProblem; key: string }[] = [];
  for (let pass = 0; pass < 4; pass++) {
    let added = 0;
    const found: { pr: OrderProblem; key: string }[] = [];
    for (const s of sequences) {
      const mine: OrderProblem[] = [];
      added += preserveOrder(s.seq, mine);
      found.push(...mine.map((pr) => ({ pr, key: s.key })));
    }
    // An added match can need a rewrite of its own, so its rule splits: new intersections, another pass.
    for (const d of new Set(draftOf.values())) added += resplit(d, ctx);
    problems.splice(0, problems.length, ...found);
    if (added === 0) break;
  }
  for (const { pr, key } of problems) {
    const d = draftOf.get(pr.earlier);
    const host = gatewayHost(key);
    if (d) ctx.report.lose('OrderNotPreserved', d.vs, d.at, pr.message, { requests: [{ ...(host !== undefined ? { hosts: [host] } : {}), allOf: pr.allOf }] });
  }
  reportFallthrough(sequences, ctx, draftOf);
}

/** Intersections across the rules a draft splits into (istio-rule-split.ts), added to its head; how many. */
function resplit(d: RuleDraft, ctx: IstioCtx): number {
  const before = d.head.length;
  const split = splitMatches(d, d.head, [], (message, affects) => ctx.report.lose('OrderNotPreserved', d.vs, d.at, message, affects)).map((x) => x.m);
  d.head.splice(0, d.head.length, ...split);
  return d.head.length - before;
}

/** The host of a gateway virtual host key (`gw|ns/name|host`); undefined for `*` and the mesh. */
function gatewayHost(key: string): string | undefined {
  const [kind, , host] = key.split('|');
  return kind === 'gw' && host !== undefined && host !== '*' ? host : undefined;
}

/** istiod's order (compile/istio compareByCreation): oldest first, no timestamp the newest. */
function istioOrder(a: RoutePlan, b: RoutePlan): number {
  return compareTimes(creationOf(a.vs.object), creationOf(b.vs.object)) || compareStrings(a.vs.name, b.vs.name) || compareStrings(a.vs.namespace, b.vs.namespace);
}

function dropMeshParent(p: RoutePlan, key: string, winner: RoutePlan, ctx: IstioCtx): void {
  const i = p.vhosts.indexOf(key);
  if (i < 0) return;
  p.vhosts.splice(i, 1);
  p.parentRefs.splice(i, 1);
  ctx.report.note('UnreachableRuleDropped', p.vs, ['spec', 'hosts'], `sidecars use only the first VirtualService for ${key.slice(key.lastIndexOf('|') + 1)} (${winner.vs.namespace}/${winner.vs.name}); this one's mesh routing is left out`);
}

/**
 * Istio consults one virtual host, the most specific (istio.md §1.2 step 2); the Gateway API falls
 * through to routes with a less specific hostname when no rule of the specific ones matches.
 */
function reportFallthrough(sequences: { key: string; seq: OrderEntry[] }[], ctx: IstioCtx, draftOf: Map<OrderEntry, RuleDraft>): void {
  const wildcards = new Map<string, string[]>();
  for (const s of sequences) {
    const [kind, gw, host] = s.key.split('|') as [string, string, string];
    if (kind === 'gw' && (host === '*' || host.startsWith('*.'))) wildcards.set(gw, [...(wildcards.get(gw) ?? []), host]);
  }
  for (const s of sequences) {
    if (!s.key.startsWith('gw|')) continue;
    const [, gw, host] = s.key.split('|') as [string, string, string];
    const wider = (wildcards.get(gw) ?? []).filter((w) => w !== host && covers(w, host));
    if (wider.length === 0) continue;
    if (s.seq.some((e) => e.matches.some(isCatchAll))) continue;
    for (const e of s.seq) {
      const d = draftOf.get(e);
      if (d) ctx.report.lose('HostFallthrough', d.vs, ['spec', 'hosts'], `requests for ${host} that match none of its rules go to the routes for ${wider.join(', ')} in the Gateway API; Istio answers 404`, { scope: null, requests: [{ hosts: [host], unrouted: true }] });
    }
  }
}
