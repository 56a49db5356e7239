/**
 * `--assume-external` in the mesh (DESIGN.md "Objects outside the design"): a host of a mesh-bound
 * VirtualService that names a Kubernetes Service (`name.ns.svc.cluster.local`, short names already
 * resolved in the VirtualService's namespace) absent from the design is taken as that Service,
 * present, with ports unknown (every port). Its routes then apply to requests addressed to it, as
 * they would in a cluster that has it; a table note says it was assumed. Other absent hosts
 * (external names, wildcards) are not assumed: in Istio only a ServiceEntry makes them routable.
 */
import type { IstioSinks } from './context.js';
import { CLUSTER_DOMAIN, MESH } from './names.js';
import type { IstioRegistry, RegistryService } from './registry.js';
import type { VirtualServiceIndex } from './vs-index.js';

/** What the mesh needs of a service: its host name, the object, its ports (none = every port). */
export type MeshHost = Pick<RegistryService, 'hostname' | 'ref' | 'ports'>;

const SERVICE_HOST = new RegExp(`^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc\\.${CLUSTER_DOMAIN.replace(/\./g, '\\.')}$`);

export function assumedMeshServices(index: VirtualServiceIndex, registry: IstioRegistry, sinks: IstioSinks): MeshHost[] {
  const out = new Map<string, MeshHost>();
  for (const vs of index.roots) {
    if (!vs.gateways.includes(MESH)) continue;
    for (const host of vs.hosts) {
      const m = SERVICE_HOST.exec(host);
      const name = m?.[1];
      const namespace = m?.[3];
      if (name === undefined || namespace === undefined || out.has(host) || registry.lookup(host, namespace) !== null) continue;
      out.set(host, { hostname: host, ref: { kind: 'Service', namespace, name }, ports: [] });
      // Starts with `Service ns/name ` so that answers about this Service carry it (simulate/backend-notes.ts).
      sinks.note({ code: 'AssumedExternal', message: `Service ${namespace}/${name} is not in this design; assumed present for mesh VirtualService ${vs.resource.namespace}/${vs.resource.name} (on every port)` });
    }
  }
  return [...out.values()];
}
