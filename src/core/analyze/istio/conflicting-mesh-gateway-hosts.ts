/**
 * IST0109 ConflictingMeshGatewayVirtualServiceHosts (istio/istio
 * analyzers/virtualservice/conflictingmeshgatewayhosts.go): several VirtualServices bound to the
 * mesh (no `gateways`, or `mesh` among them) define the same host in the same visibility scope.
 * A host is keyed by its FQDN (short names read in the VirtualService's namespace) and by each
 * namespace it is exported to (`*` when exportTo is empty or holds `*`); a host exported to some
 * namespaces also conflicts with an overlapping host exported to all. Each VirtualService is
 * reported once, at its name, naming the others.
 */
import type { Diagnostic, RelatedPlace } from '../../diagnostics/types.js';
import { hostsOverlap } from '../../compile/istio/names.js';
import { MESH } from './gateway-refs.js';
import { toFqdn } from './service-hosts.js';
import { istioProblem, relatedPlace, type IstioAnalysisInput } from './types.js';
import { readVirtualServices, type VirtualServiceFact } from './virtual-services.js';

const ALL = '*';

function scopesOf(vs: VirtualServiceFact): string[] {
  if (vs.exportTo.length === 0 || vs.exportTo.includes(ALL)) return [ALL];
  return [...new Set(vs.exportTo.map((e) => (e === '.' ? vs.resource.namespace : e)))];
}

const nameOf = (vs: VirtualServiceFact): string => `${vs.resource.namespace}/${vs.resource.name}`;

/** The other VirtualService's host entry that conflicts. */
function relatedHost(input: IstioAnalysisInput, vs: VirtualServiceFact, fqdn: string): RelatedPlace {
  const i = Math.max(0, vs.hosts.findIndex((h) => hostsOverlap(toFqdn(h, vs.resource.namespace), fqdn)));
  return relatedPlace(input, vs.resource, ['spec', 'hosts', i], 'also defines the host');
}

export function analyzeConflictingMeshGatewayHosts(input: IstioAnalysisInput): Diagnostic[] {
  // scope → fqdn → VirtualServices (each once)
  const byScope = new Map<string, Map<string, VirtualServiceFact[]>>();
  for (const vs of readVirtualServices(input.resources)) {
    if (vs.gateways.length > 0 && !vs.gateways.includes(MESH)) continue;
    for (const scope of scopesOf(vs)) {
      const hosts = byScope.get(scope) ?? new Map<string, VirtualServiceFact[]>();
      byScope.set(scope, hosts);
      for (const h of vs.hosts) {
        const fqdn = toFqdn(h, vs.resource.namespace);
        const list = hosts.get(fqdn) ?? [];
        if (!list.includes(vs)) list.push(vs);
        hosts.set(fqdn, list);
      }
    }
  }
  const exportedToAll = byScope.get(ALL) ?? new Map<string, VirtualServiceFact[]>();
  const wildcardsToAll = [...exportedToAll].filter(([h]) => h.startsWith('*'));
  /** Hosts exported to all that overlap `fqdn` (`host.Name.Matches`): the same name, a wildcard covering it, or under it. */
  const overlappingToAll = (fqdn: string): VirtualServiceFact[] => {
    const pairs = fqdn.startsWith('*') ? [...exportedToAll] : [[fqdn, exportedToAll.get(fqdn) ?? []] as const, ...wildcardsToAll];
    return pairs.filter(([h]) => hostsOverlap(h, fqdn)).flatMap(([, vss]) => vss);
  };
  const reported = new Set<VirtualServiceFact>();
  const out: Diagnostic[] = [];
  for (const [scope, hosts] of byScope) {
    for (const [fqdn, own] of hosts) {
      const list = [...own];
      if (scope !== ALL) {
        for (const v of overlappingToAll(fqdn)) if (!list.includes(v)) list.push(v);
      }
      if (list.length < 2) continue;
      const names = list.map(nameOf).sort().join(', ');
      for (const vs of list) {
        if (reported.has(vs)) continue;
        reported.add(vs);
        const related = list.filter((o) => o !== vs).map((o) => relatedHost(input, o, fqdn));
        const where = scope === ALL ? '' : ` for namespace ${scope}`;
        out.push({
          ...istioProblem(input, vs.resource, 'IstioConflictingMeshGatewayHosts', 'IST0109', 'error',
            `VirtualServices ${names} bound to the mesh all define host ${fqdn}${where}: which one a sidecar uses is undefined; merge them into one VirtualService, or narrow exportTo`,
            ['metadata', 'name']),
          related,
        });
      }
    }
  }
  return out;
}
