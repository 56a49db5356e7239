/**
 * Istio's service registry as far as the design shows it: Kubernetes Services
 * (`name.ns.svc.cluster.local`) and ServiceEntry hosts, plus the DestinationRules that define
 * subsets over them (istio.md §3).
 */
import type { Resource } from '../../resources/types.js';
import { arr, num, rec, str } from '../read.js';
import type { ObjectRef } from '../types.js';
import { HostOverlapIndex } from './host-overlap-index.js';
import { CLUSTER_DOMAIN, exportToSet, resolveShortHost, visibleTo } from './names.js';
import { readStrings } from './read-common.js';

export interface ServicePort {
  readonly port: number;
  readonly name: string | null;
  readonly protocol: string | null;
}

export interface RegistryService {
  readonly hostname: string;
  readonly ref: ObjectRef;
  readonly resource: Resource;
  readonly ports: readonly ServicePort[];
}

interface DestinationRuleRecord {
  readonly resource: Resource;
  readonly host: string;
  readonly subsets: readonly string[];
  readonly exportTo: ReadonlySet<string>;
}

export interface SubsetsFound {
  readonly names: ReadonlySet<string>;
  readonly rules: readonly Resource[];
}

/** istiod's root config namespace (mesh-wide DestinationRules live there). */
export const ROOT_NAMESPACE = 'istio-system';

export class IstioRegistry {
  private readonly byHost = new Map<string, RegistryService[]>();
  /** DestinationRules by namespace, indexed by host. */
  private readonly rulesByNamespace = new Map<string, HostOverlapIndex<DestinationRuleRecord>>();
  private readonly subsetMemo = new Map<string, SubsetsFound | null>();

  constructor(resources: readonly Resource[]) {
    for (const r of resources) {
      if (r.group === '' && r.kind === 'Service') this.addService(r);
      else if (r.group === 'networking.istio.io' && r.kind === 'ServiceEntry') this.addServiceEntry(r);
      else if (r.group === 'networking.istio.io' && r.kind === 'DestinationRule') this.addDestinationRule(r);
    }
  }

  private add(s: RegistryService): void {
    const list = this.byHost.get(s.hostname) ?? [];
    list.push(s);
    this.byHost.set(s.hostname, list);
  }

  private addService(r: Resource): void {
    const ports = arr(rec(r.object.spec).ports).flatMap((p) => {
      const port = num(rec(p).port);
      return port === null ? [] : [{ port, name: str(rec(p).name), protocol: str(rec(p).appProtocol) }];
    });
    this.add({ hostname: `${r.name}.${r.namespace}.svc.${CLUSTER_DOMAIN}`, ref: { kind: 'Service', namespace: r.namespace, name: r.name }, resource: r, ports });
  }

  private addServiceEntry(r: Resource): void {
    const spec = rec(r.object.spec);
    const ports = arr(spec.ports).flatMap((p) => {
      const port = num(rec(p).number);
      return port === null ? [] : [{ port, name: str(rec(p).name), protocol: str(rec(p).protocol) }];
    });
    for (const h of readStrings(spec.hosts)) {
      this.add({ hostname: h.toLowerCase(), ref: { kind: 'ServiceEntry', namespace: r.namespace, name: r.name }, resource: r, ports });
    }
  }

  private addDestinationRule(r: Resource): void {
    const spec = rec(r.object.spec);
    const record: DestinationRuleRecord = {
      resource: r,
      host: resolveShortHost(str(spec.host) ?? '', r.namespace),
      subsets: arr(spec.subsets).flatMap((s) => {
        const name = str(rec(s).name);
        return name === null ? [] : [name];
      }),
      exportTo: exportToSet(readStrings(spec.exportTo), r.namespace),
    };
    let rules = this.rulesByNamespace.get(r.namespace);
    if (!rules) this.rulesByNamespace.set(r.namespace, (rules = new HostOverlapIndex()));
    rules.add(record.host, record);
  }

  /**
   * The service for a hostname, preferring the one in `preferNamespace` (the VirtualService's),
   * as `core/gateway.go: buildNameToServiceMapForHTTPRoutes` does; else the first by namespace.
   */
  lookup(hostname: string, preferNamespace: string): RegistryService | null {
    const list = this.byHost.get(hostname.toLowerCase());
    if (!list || list.length === 0) return null;
    return list.find((s) => s.ref.namespace === preferNamespace) ?? [...list].sort((a, b) => (a.ref.namespace < b.ref.namespace ? -1 : 1))[0] ?? null;
  }

  services(): RegistryService[] {
    return [...this.byHost.values()].flat();
  }

  /**
   * Subset names visible to a proxy in `proxyNamespace` for `hostname`, following
   * `push_context.go: destinationRule`: DestinationRules in the proxy's namespace, else those of
   * the service's namespace exported to it, else those of the root namespace; most specific host
   * wins; several rules for that host are merged (subsets unioned). null when no rule applies.
   */
  subsets(hostname: string, serviceNamespace: string, proxyNamespace: string): SubsetsFound | null {
    const key = `${hostname}\u0000${serviceNamespace}\u0000${proxyNamespace}`;
    const hit = this.subsetMemo.get(key);
    if (hit !== undefined) return hit;
    const found = this.findSubsets(hostname, serviceNamespace, proxyNamespace);
    this.subsetMemo.set(key, found);
    return found;
  }

  private findSubsets(hostname: string, serviceNamespace: string, proxyNamespace: string): SubsetsFound | null {
    // `hostname` is concrete: an overlapping rule host is the same name or a wildcard covering it.
    const pick = (namespace: string, visible: (d: DestinationRuleRecord) => boolean): DestinationRuleRecord[] => {
      const matching = (this.rulesByNamespace.get(namespace)?.overlapping(hostname) ?? []).map((e) => e.value).filter(visible);
      if (matching.length === 0) return [];
      const best = matching.some((d) => d.host === hostname) ? hostname : longest(matching.map((d) => d.host));
      return matching.filter((d) => d.host === best);
    };
    const exported = (d: DestinationRuleRecord): boolean => visibleTo(d.exportTo, proxyNamespace);
    const steps: [string, (d: DestinationRuleRecord) => boolean][] = [[proxyNamespace, () => true], [serviceNamespace, exported], [ROOT_NAMESPACE, exported]];
    for (const [namespace, visible] of steps) {
      const rules = pick(namespace, visible);
      if (rules.length > 0) return { names: new Set(rules.flatMap((d) => d.subsets)), rules: rules.map((d) => d.resource) };
    }
    return null;
  }
}

function longest(hosts: string[]): string {
  return hosts.reduce((a, b) => (b.length > a.length ? b : a), '');
}
