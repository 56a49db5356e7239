/**
 * Whether a request written for one design still means something in another (the simulator keeps
 * it, rather than proposing the new design's sample request): some HTTP route of the design takes
 * its host — the route's hostnames, else those of the Gateway listeners it attaches to; a
 * VirtualService's hosts — and has a rule whose path match takes its path (Exact, PathPrefix by
 * whole segments, no match at all; Istio `exact` and `prefix` as written). Headers, methods and
 * regular expressions are left aside: this is a quick look at the objects, not a simulation.
 */
import { records, rec, str, strings } from '../graph/read.js';
import type { Resource } from '../resources/types.js';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export function routesRequest(resources: readonly Resource[], host: string, path: string): boolean {
  const h = host.toLowerCase();
  const p = path.split('?')[0] ?? '/';
  const covers = (name: string): boolean => {
    const n = name.toLowerCase();
    return n === h || n === '*' || (n.startsWith('*.') && h.endsWith(n.slice(1)));
  };
  return resources.some((r) => {
    const spec = rec(r.object.spec);
    if (r.group === GATEWAY_GROUP && r.kind === 'HTTPRoute') {
      return hostnamesOf(resources, r).some(covers) && records(spec.rules).some((rule) => gatewayRuleTakes(rule.item, p));
    }
    if (r.kind === 'VirtualService' && r.group !== GATEWAY_GROUP) {
      return strings(spec.hosts).some(covers) && records(spec.http).some((rule) => istioRuleTakes(rule.item, p));
    }
    return false;
  });
}

/**
 * The hosts a route takes at its Gateways: its hostnames, else its listeners' (a listener without
 * one: any host). None when no Gateway of the design is its parent (a mesh route, a missing Gateway).
 */
function hostnamesOf(resources: readonly Resource[], route: Resource): string[] {
  const own = strings(rec(route.object.spec).hostnames);
  const gateways = records(rec(route.object.spec).parentRefs).filter(({ item: ref }) => (str(ref.kind) ?? 'Gateway') === 'Gateway');
  if (gateways.length === 0) return [];
  if (own.length > 0) return own;
  return gateways.flatMap(({ item: ref }) => {
    const gateway = resources.find((g) => g.group === GATEWAY_GROUP && g.kind === 'Gateway' && g.name === str(ref.name) && g.namespace === (str(ref.namespace) ?? route.namespace));
    const listeners = records(rec(gateway?.object.spec).listeners).filter((l) => str(ref.sectionName) === undefined || str(l.item.name) === str(ref.sectionName));
    return listeners.map((l) => str(l.item.hostname) ?? '*');
  });
}

function gatewayRuleTakes(rule: Record<string, unknown>, path: string): boolean {
  const matches = records(rule.matches);
  if (matches.length === 0) return true;
  return matches.some(({ item }) => {
    const m = rec(item.path);
    const type = str(m.type) ?? 'PathPrefix';
    const value = str(m.value) ?? '/';
    if (type === 'Exact') return path === value;
    if (type === 'PathPrefix') return prefixTakes(value, path);
    return false;
  });
}

function istioRuleTakes(rule: Record<string, unknown>, path: string): boolean {
  const matches = records(rule.match);
  if (matches.length === 0) return true;
  return matches.some(({ item }) => {
    const uri = rec(item.uri);
    const exact = str(uri.exact);
    const prefix = str(uri.prefix);
    if (exact !== undefined) return path === exact;
    if (prefix !== undefined) return path.startsWith(prefix);
    return str(uri.regex) === undefined;
  });
}

/** Gateway API PathPrefix: by whole path elements (`/api` takes `/api` and `/api/x`, not `/apix`). */
function prefixTakes(prefix: string, path: string): boolean {
  const p = prefix.endsWith('/') && prefix !== '/' ? prefix.slice(0, -1) : prefix;
  return p === '/' || path === p || path.startsWith(`${p}/`);
}
