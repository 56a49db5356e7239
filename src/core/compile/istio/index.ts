/**
 * compileIstio(resources) → the Istio half of the RouteTable: one GatewayTable per merged Istio
 * gateway (Gateways with the same selector), mesh route sets for VirtualServices bound to `mesh`,
 * table notes and diagnostics. Istio writes no status, so problems are diagnostics (DESIGN.md).
 * `mergeIstioIntoTable` adds the result to the Gateway API table.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Resource } from '../../resources/types.js';
import { createContext } from '../context.js';
import { aliases } from '../mesh.js';
import type { CompileOptions, GatewayTable, MeshService, MeshTable, Note, RouteTable } from '../types.js';
import { assumedMeshServices } from './assumed-services.js';
import type { BaseContext, IstioSinks } from './context.js';
import { mergeIstioGateways } from './gateway-merge.js';
import { buildIstioGatewayTable } from './gateway-table.js';
import { MeshClaims, meshServiceFor } from './mesh.js';
import { MESH } from './names.js';
import { readIstioGateway } from './read-gateway.js';
import { readVirtualService } from './read-virtual-service.js';
import { IstioRegistry } from './registry.js';
import { VirtualServiceIndex } from './vs-index.js';

const ISTIO = 'networking.istio.io';

export interface IstioCompileResult {
  readonly gateways: readonly GatewayTable[];
  /** Keyed like MeshTable.services: `ns/name` for a Service, `ServiceEntry:ns/name:host` for a ServiceEntry host. */
  readonly meshServices: ReadonlyMap<string, MeshService>;
  readonly meshHosts: ReadonlyMap<string, string>;
  readonly notes: readonly Note[];
  readonly diagnostics: readonly Diagnostic[];
}

function checkGatewayRefs(sinks: IstioSinks, index: VirtualServiceIndex, gatewayNames: ReadonlySet<string>): void {
  for (const vs of index.roots) {
    vs.gateways.forEach((g, i) => {
      if (g !== MESH && !gatewayNames.has(g)) {
        sinks.diagnose(vs.resource, 'IstioGatewayNotFound', 'warning', `Gateway ${g} (networking.istio.io) is not in this design: these routes serve no gateway of the design`, `spec.gateways[${i}]`);
      }
    });
  }
}

export function compileIstio(resources: readonly Resource[], options: CompileOptions = {}): IstioCompileResult {
  const assumeExternal = options.assumeExternal === true;
  const ctx = createContext(resources, assumeExternal);
  // Entries are built per proxy (gateway server, mesh port): report each problem once.
  const seen = new Set<string>();
  const sinks: IstioSinks = {
    diagnose(r, code, severity, message, path) {
      const key = `${r.id}\u0000${code}\u0000${path ?? ''}\u0000${message}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.diagnose(r, code, severity, message, path);
    },
    note: (n) => ctx.note(n),
  };
  const base: BaseContext = { registry: new IstioRegistry(resources), sinks, assumeExternal };
  const index = new VirtualServiceIndex(ctx.ofKind(ISTIO, 'VirtualService').map(readVirtualService), sinks);
  const gatewayModels = ctx.ofKind(ISTIO, 'Gateway').map(readIstioGateway);
  checkGatewayRefs(sinks, index, new Set(gatewayModels.map((g) => g.name)));

  const gateways = mergeIstioGateways(gatewayModels, sinks)
    .map((m) => buildIstioGatewayTable(base, m, index))
    .filter((g): g is GatewayTable => g !== null);

  const meshServices = new Map<string, MeshService>();
  const meshHosts = new Map<string, string>();
  const claims = new MeshClaims(index);
  const assumed = assumeExternal ? assumedMeshServices(index, base.registry, sinks) : [];
  for (const svc of [...base.registry.services(), ...assumed]) {
    const isService = svc.ref.kind === 'Service';
    const key = isService ? `${svc.ref.namespace}/${svc.ref.name}` : `ServiceEntry:${svc.ref.namespace}/${svc.ref.name}:${svc.hostname}`;
    const names = isService ? aliases(svc.ref.namespace, svc.ref.name) : [svc.hostname];
    const mesh = meshServiceFor(base, svc, claims, names);
    if (mesh === null) continue;
    meshServices.set(key, mesh);
    for (const h of isService ? names.slice(1) : names) if (!meshHosts.has(h)) meshHosts.set(h, key);
  }
  return { gateways, meshServices, meshHosts, notes: ctx.notes, diagnostics: ctx.diagnostics };
}

const byRef = (a: GatewayTable, b: GatewayTable): number => {
  const x = `${a.ref.namespace}/${a.ref.name}`;
  const y = `${b.ref.namespace}/${b.ref.name}`;
  return x < y ? -1 : x > y ? 1 : 0;
};

function mergeMesh(mesh: MeshTable, istio: IstioCompileResult): MeshTable {
  const services = new Map(mesh.services);
  for (const [key, svc] of istio.meshServices) {
    const existing = services.get(key);
    if (!existing) {
      services.set(key, svc);
      continue;
    }
    const ports = [...existing.ports];
    for (const p of svc.ports) {
      const i = ports.findIndex((q) => q.port === p.port);
      const q = ports[i];
      if (q === undefined) ports.push(p);
      else ports[i] = { ...q, routeSets: [...q.routeSets, ...p.routeSets] };
    }
    services.set(key, { ...existing, ports });
  }
  const hosts = new Map(mesh.hosts);
  for (const [h, k] of istio.meshHosts) if (!hosts.has(h)) hosts.set(h, k);
  return { services, hosts };
}

/** The Gateway API table with the Istio gateways, mesh route sets and notes added. */
export function mergeIstioIntoTable(table: RouteTable, istio: IstioCompileResult): RouteTable {
  if (istio.gateways.length === 0 && istio.meshServices.size === 0 && istio.notes.length === 0) return table;
  return {
    ...table,
    gateways: [...table.gateways, ...istio.gateways].sort(byRef),
    mesh: mergeMesh(table.mesh, istio),
    notes: [...table.notes, ...istio.notes],
  };
}
