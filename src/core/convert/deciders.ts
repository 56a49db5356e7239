import type { ObjectRef, Provenance, RouteTable, VirtualHost } from '../compile/types.js';
import type { Decision } from '../simulate/types.js';
import { ruleOf } from './scope.js';
import type { Origin, SourceRef } from './types.js';

/** An element of a design that decided a request: its object (`Kind/ns/name`) and field path. */
export interface Decider {
  readonly object: string;
  readonly path: string;
}

export function objectKey(r: SourceRef): string {
  return `${r.kind}/${r.namespace}/${r.name}`;
}

/**
 * The elements behind a decision (DESIGN.md "every entry keeps provenance"), read from the table
 * the decision came from: the route rule and match that answered (and, for Istio delegation, the
 * root rule it was merged into), the listener or server, and the gateway.
 */
export class DeciderIndex {
  private readonly routes = new Map<string, Decider[]>();
  private readonly listeners = new Map<string, Decider[]>();

  constructor(table: RouteTable) {
    const vhosts: VirtualHost[] = [];
    for (const gw of table.gateways) {
      for (const port of gw.ports.values()) {
        for (const l of port.listeners) {
          push(this.listeners, `${objectKey(gw.ref)}#${l.name}`, { object: objectKey(l.owner), path: l.provenance.path });
          vhosts.push(...l.hosts.exact.values(), ...l.hosts.wildcard.values(), ...(l.hosts.any ? [l.hosts.any] : []));
        }
      }
    }
    for (const svc of table.mesh.services.values()) for (const p of svc.ports) for (const s of p.routeSets) vhosts.push(s.vhost, ...(s.l4 ? [s.l4] : []));
    for (const v of vhosts) for (const e of v.entries) this.addRoute(e.provenance);
  }

  private addRoute(p: Provenance): void {
    const key = routeKey(p.ref, p.rule, p.match);
    push(this.routes, key, { object: objectKey(p.ref), path: p.path });
    if (p.delegatedFrom) push(this.routes, key, { object: objectKey(p.delegatedFrom.ref), path: p.delegatedFrom.path });
  }

  /** The route rule / match that decided (none for a default answer). */
  route(d: Decision): readonly Decider[] {
    return d.route ? (this.routes.get(routeKey(d.route, d.rule, d.match)) ?? []) : [];
  }

  /** Every element that decided: route, listener (or server) and gateway. */
  all(d: Decision): Decider[] {
    const out = [...this.route(d)];
    if (d.gateway) {
      out.push({ object: objectKey(d.gateway), path: '' });
      const ls = d.listener === null ? [] : (this.listeners.get(`${objectKey(d.gateway)}#${d.listener}`) ?? []);
      for (const l of ls) out.push(l, { object: l.object, path: '' });
    }
    return out;
  }
}

/** Output element → source element (types.ts Origin), looked up at a match or, failing that, its rule. */
export class OriginIndex {
  private readonly byTarget = new Map<string, Decider>();

  constructor(origins: readonly Origin[]) {
    for (const o of origins) this.byTarget.set(`${objectKey(o.target)}\u0000${o.path}`, { object: objectKey(o.source), path: o.sourcePath });
  }

  sources(after: readonly Decider[]): Decider[] {
    const out: Decider[] = [];
    for (const d of after) {
      const hit = this.byTarget.get(`${d.object}\u0000${d.path}`) ?? this.byTarget.get(`${d.object}\u0000${ruleOf(d.path)}`);
      if (hit) out.push(hit);
    }
    return out;
  }
}

function routeKey(ref: ObjectRef, rule: number | null, match: number | null): string {
  return `${objectKey(ref)}#${rule ?? ''}#${match ?? ''}`;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
