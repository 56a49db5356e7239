/**
 * GAMMA (gateway-api.md §3.5): routes whose parentRef is a Service apply to requests sent to that
 * Service. Producer routes (in the Service's namespace) apply to every client; consumer routes (in
 * another namespace) only to clients in their namespace, and replace the producer routes for them
 * (GEP-1294 "Multiple routes for a Service"). `port` limits a route to one Service port; hostnames
 * are ignored. Mesh backendRefs need no ReferenceGrant.
 */
import type { Resource } from '../resources/types.js';
import { refOf, type CompileContext } from './context.js';
import type { EntryTemplate } from './entry-template.js';
import { instantiate } from './entry-template.js';
import { arr, num, rec, str } from './read.js';
import type { ParentRefModel, RouteModel } from './route-model.js';
import type { MeshPort, MeshRouteSet, MeshScope, MeshService, MeshTable, RejectedAttachment } from './types.js';
import { buildVhost } from './vhosts.js';
import { plainLabel, ServiceHosts } from './mesh-hosts.js';
import { RoutelessService } from './mesh-service.js';

export interface MeshAttachment {
  readonly parentRef: ParentRefModel;
  readonly accepted: boolean;
  readonly reason: string;
  readonly message: string;
  /** The Service port the route is limited to (null = every port). */
  readonly port: number | null;
}

export function servicePorts(svc: Resource): { port: number; name: string | null }[] {
  // A loop, not flatMap (an array per port): read for every Service of the design.
  const out: { port: number; name: string | null }[] = [];
  for (const raw of arr(rec(svc.object.spec).ports)) {
    const p = rec(raw);
    const port = num(p.port);
    if (port !== null) out.push({ port, name: str(p.name) });
  }
  return out;
}

/** null when the Service is neither in the design nor assumed (the parent is then not seen). */
export function attachToService(ctx: CompileContext, p: ParentRefModel): MeshAttachment | null {
  const svc = ctx.find('', 'Service', p.namespace, p.name);
  if (!svc) {
    if (!ctx.assumeExternal) return null;
    ctx.note({ code: 'AssumedExternal', message: `Service ${p.namespace}/${p.name} is not in this design; assumed present (as a mesh parent)` });
    return { parentRef: p, accepted: true, reason: 'Accepted', message: 'Route is accepted', port: p.port };
  }
  const ports = servicePorts(svc);
  const byName = p.sectionName === null ? undefined : ports.find((x) => x.name === p.sectionName);
  if (p.sectionName !== null && !byName) return reject(p, `Service ${p.namespace}/${p.name} has no port named ${p.sectionName}`);
  if (p.port !== null && !ports.some((x) => x.port === p.port)) return reject(p, `Service ${p.namespace}/${p.name} has no port ${p.port}`);
  if (byName && p.port !== null && byName.port !== p.port) return reject(p, `port ${p.sectionName} of Service ${p.namespace}/${p.name} is not ${p.port}`);
  return { parentRef: p, accepted: true, reason: 'Accepted', message: 'Route is accepted', port: byName?.port ?? p.port };
}

function reject(p: ParentRefModel, message: string): MeshAttachment {
  return { parentRef: p, accepted: false, reason: 'NoMatchingParent', message, port: null };
}

/** One accepted mesh attachment with the route's compiled (mesh-scoped) templates. */
export interface MeshInput {
  readonly route: RouteModel;
  readonly attachment: MeshAttachment;
  readonly templates: readonly EntryTemplate[];
}

const NO_REJECTED: readonly RejectedAttachment[] = [];

export function buildMeshTable(ctx: CompileContext, inputs: readonly MeshInput[], rejected: ReadonlyMap<string, RejectedAttachment[]>): MeshTable {
  const services = new Map<string, MeshService>();
  // Aliases only for Services whose names do not read back from the host (mesh-hosts.ts).
  const others = new Map<string, string>();
  // Every Service of the design and every mesh parent, by `ns/name`: the design's own Services
  // are kept with their resource (no lookup by name per Service).
  const parents = new Map<string, { namespace: string; name: string; svc: Resource | undefined }>();
  for (const svc of ctx.ofKind('', 'Service')) parents.set(`${svc.namespace}/${svc.name}`, { namespace: svc.namespace, name: svc.name, svc });
  // Inputs by parent Service, in input order (one pass, not one per Service).
  const byParent = new Map<string, MeshInput[]>();
  for (const i of inputs) {
    const { namespace, name } = i.attachment.parentRef;
    const key = `${namespace}/${name}`;
    if (!parents.has(key)) parents.set(key, { namespace, name, svc: undefined });
    const list = byParent.get(key);
    if (list) list.push(i);
    else byParent.set(key, [i]);
  }
  for (const key of [...parents.keys()].sort()) {
    const { namespace, name, svc } = parents.get(key) as { namespace: string; name: string; svc: Resource | undefined };
    const plain = plainLabel(namespace) && plainLabel(name);
    if (!plain) for (const h of aliases(namespace, name).slice(1)) others.set(h, key);
    const mine = byParent.get(key);
    if (mine === undefined) {
      services.set(key, new RoutelessService(namespace, name, svc, rejected.get(key) ?? NO_REJECTED, servicePorts, aliases));
      continue;
    }
    const declared = svc ? servicePorts(svc) : null;
    const ports: MeshPort[] = [...new Set(mine.map((i) => i.attachment.port))].map((port) => ({
      port,
      name: declared?.find((d) => d.port === port)?.name ?? null,
      routeSets: routeSets(mine.filter((i) => i.attachment.port === null || i.attachment.port === port), namespace),
    }));
    services.set(key, { ref: svc ? refOf(svc) : { kind: 'Service', namespace, name }, hosts: aliases(namespace, name), servicePorts: declared, ports, rejected: rejected.get(key) ?? [] });
  }
  return { services, hosts: new ServiceHosts(services, others) };
}

/** Route kinds that carry connections, not requests (gateway-api.md §8). */
const L4_KINDS = new Set<string>(['TCPRoute', 'TLSRoute', 'UDPRoute']);

export function aliases(namespace: string, name: string): string[] {
  return [name, `${name}.${namespace}`, `${name}.${namespace}.svc`, `${name}.${namespace}.svc.cluster.local`];
}

function routeSets(inputs: readonly MeshInput[], serviceNamespace: string): MeshRouteSet[] {
  const groups = new Map<string, MeshInput[]>();
  const seen = new Set<string>();
  for (const i of inputs) {
    if (seen.has(i.route.resource.id)) continue;
    seen.add(i.route.resource.id);
    const ns = i.route.resource.namespace;
    const k = ns === serviceNamespace ? '' : ns;
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ns, list]): MeshRouteSet => {
      const scope: MeshScope = ns === '' ? { kind: 'producer' } : { kind: 'consumer', namespace: ns };
      const entries = list.flatMap((i) => i.templates.map((t) => instantiate(t, '*')));
      const l4 = entries.filter((e) => L4_KINDS.has(e.routeKind));
      const http = entries.filter((e) => !L4_KINDS.has(e.routeKind));
      return { dialect: 'gateway-api', scope, vhost: buildVhost('*', http), ...(l4.length > 0 ? { l4: buildVhost('*', l4) } : {}) };
    });
}
