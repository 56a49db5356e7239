/**
 * Sites that answer alike in both tables, whose candidates need not be sent: most of a large
 * design is untouched by a change of ten routes. A gateway site is alike when its gateway's
 * port is alike in both (members, acceptance, its class's controller, every listener's name, protocol, TLS mode,
 * hostnames, acceptance, redirect and virtual-host names: so a request lands on the listener and
 * virtual host of the same name in both) and every virtual host its candidate hosts land on, on
 * any listener of that port, holds the same entries in both (same order, same match, filters,
 * action, timeouts, retries; provenance and precedence keys aside — the order already says what
 * precedence decided). A mesh site is alike when its Service is alike and the mesh's host names
 * lead to the same Services in both. Anything else is sent (a false "different" costs time only).
 */
import { hostCandidates, type Site } from '../analyze/reach/sites.js';
import type { GatewayTable, ListenerEntry, MeshService, RouteTable, VirtualHost } from '../compile/types.js';
import { lookupVhost } from '../simulate/gateway-flow.js';

export function sameSites(before: RouteTable, after: RouteTable): (site: Site) => boolean {
  const prints = new Fingerprints();
  const gatewaysA = byRef(before.gateways);
  const gatewaysB = byRef(after.gateways);
  const meshHostsAlike = meshHosts(before) === meshHosts(after);
  return (site) => {
    if (site.kind === 'mesh') {
      if (!meshHostsAlike) return false;
      const key = `${site.service.ref.namespace}/${site.service.ref.name}`;
      const a = before.mesh.services.get(key) ?? findService(before, site.service);
      const b = after.mesh.services.get(key) ?? findService(after, site.service);
      return a !== undefined && b !== undefined && prints.service(a) === prints.service(b);
    }
    const key = refKey(site.gateway);
    const a = gatewaysA.get(key);
    const b = gatewaysB.get(key);
    if (!a || !b) return false;
    const pa = a.ports.get(site.listener.port);
    const pb = b.ports.get(site.listener.port);
    if (!pa || !pb || prints.port(a, pa.listeners) !== prints.port(b, pb.listeners)) return false;
    for (const host of hostCandidates(site)) {
      for (let i = 0; i < pa.listeners.length; i++) {
        const va = lookupVhost((pa.listeners[i] as ListenerEntry).hosts, host);
        const vb = lookupVhost((pb.listeners[i] as ListenerEntry).hosts, host);
        if ((va === null) !== (vb === null) || (va && vb && prints.vhost(va) !== prints.vhost(vb))) return false;
      }
    }
    return true;
  };
}

function byRef(gateways: readonly GatewayTable[]): Map<string, GatewayTable> {
  return new Map(gateways.map((g) => [refKey(g), g]));
}

function refKey(g: GatewayTable): string {
  return `${g.dialect}/${g.ref.kind}/${g.ref.namespace}/${g.ref.name}`;
}

function findService(table: RouteTable, s: MeshService): MeshService | undefined {
  for (const x of table.mesh.services.values()) if (x.ref.kind === s.ref.kind && x.ref.namespace === s.ref.namespace && x.ref.name === s.ref.name) return x;
  return undefined;
}

function meshHosts(table: RouteTable): string {
  const out: string[] = [];
  for (const [key, s] of table.mesh.services) out.push(`${key}=${s.ref.kind}/${s.ref.namespace}/${s.ref.name}:${s.hosts.join(',')}`);
  return out.sort().join('\n');
}

/** Fingerprints, computed once per object. */
class Fingerprints {
  private readonly vhosts = new WeakMap<VirtualHost, string>();

  vhost(v: VirtualHost): string {
    let f = this.vhosts.get(v);
    if (f === undefined) {
      // Entries are plain typed data (no Map, Set or RegExp: compile/action-types.ts), so plain JSON.
      f = JSON.stringify([v.domain, v.order, v.entries.map(({ provenance: _p, precedence: _k, notes: _n, ruleName: _r, ...rest }) => rest)]);
      this.vhosts.set(v, f);
    }
    return f;
  }

  private readonly ports = new WeakMap<readonly ListenerEntry[], string>();

  port(g: GatewayTable, listeners: readonly ListenerEntry[]): string {
    let f = this.ports.get(listeners);
    if (f === undefined) {
      f = this.portPrint(g, listeners);
      this.ports.set(listeners, f);
    }
    return f;
  }

  private portPrint(g: GatewayTable, listeners: readonly ListenerEntry[]): string {
    // The class's controller names the implementation the gateway is simulated as (simulate/implementation-target.ts).
    return stable([g.accepted, g.problem, g.members, g.gatewayClass?.controllerName ?? null, listeners.map((l) => [l.name, l.protocol, l.port, l.tlsMode, l.hostnames, l.accepted, l.problem, l.httpsRedirect ?? false, [...l.hosts.exact.keys()], [...l.hosts.wildcard.keys()], l.hosts.any !== null])]);
  }

  service(s: MeshService): string {
    return stable([s.hosts, s.servicePorts, s.ports.map((p) => [p.port, p.name, p.routeSets.map((r) => [r.dialect, r.scope, this.vhost(r.vhost), r.l4 ? this.vhost(r.l4) : null])])]);
  }
}

/** JSON with Maps, Sets and RegExps written out (so two different regexes never print alike). */
function stable(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => {
    if (v instanceof Map) return ['Map', [...v.entries()]];
    if (v instanceof Set) return ['Set', [...v.values()]];
    if (v instanceof RegExp) return ['RegExp', v.source, v.flags];
    if (typeof v === 'function') return ['Function', String(v)];
    if (typeof v === 'bigint') return String(v);
    return v;
  });
}
