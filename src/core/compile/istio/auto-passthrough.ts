/**
 * AUTO_PASSTHROUGH gateway servers (istio.md §2; istio/api networking/v1alpha3/gateway.proto
 * `ServerTLSSettings.TLSmode.AUTO_PASSTHROUGH`: "do not require an associated VirtualService … the
 * destination details such as the service/subset/port are encoded in the SNI value"; istio/istio
 * pilot/pkg/networking/core/gateway.go `builtAutoPassthroughFilterChains`). istiod builds one
 * filter chain per upstream cluster: for every mesh-internal service the gateway sees whose
 * hostname lies within one of the server's hosts (`Hostname.SubsetOf`, the hosts without their
 * `ns/` part, as `TLSServerInfo.SNIHosts` holds them), for every port but UDP ones, a chain whose
 * SNI is the cluster's name `outbound_.PORT_._.HOSTNAME` (model.BuildDNSSrvSubsetKey), and one
 * more per DestinationRule subset, `outbound_.PORT_.SUBSET_.HOSTNAME`. No VirtualService applies;
 * any other SNI — the plain service name included — finds no chain and the connection is closed.
 * The chains also require an Istio mTLS ALPN (the client is another mesh proxy); the simulator
 * takes that as given and says so.
 * ServiceEntries are not included here: the design does not say which are mesh-internal.
 */
import { arr, num, rec, str } from '../read.js';
import type { RouteEntry } from '../types.js';
import type { ProxyContext } from './context.js';
import { toWeightedBackends } from './destinations.js';
import type { ServerModel } from './model.js';
import { stripNamespace } from './names.js';
import type { RegistryService } from './registry.js';

/**
 * The cluster name `outbound|PORT|SUBSET|HOSTNAME` with each `|` written `_.` (model.BuildDNSSrvSubsetKey):
 * `outbound_.443_._.db.data.svc.cluster.local`, `outbound_.443_.v2_.db.data.svc.cluster.local`.
 */
export function autoPassthroughSni(port: number, subset: string | null, hostname: string): string {
  return `outbound_.${port}_.${subset ?? ''}_.${hostname}`;
}

/** `host.Name.SubsetOf`: a concrete hostname within a server host (`*`, `*.suffix` or exact). */
function within(hostname: string, serverHost: string): boolean {
  if (serverHost === '*') return true;
  if (serverHost.startsWith('*.')) return hostname.endsWith(serverHost.slice(1));
  return hostname === serverHost;
}

function nonUdpPorts(svc: RegistryService): number[] {
  return arr(rec(svc.resource.object.spec).ports).flatMap((p) => {
    const port = num(rec(p).port);
    return port === null || (str(rec(p).protocol) ?? 'TCP').toUpperCase() === 'UDP' ? [] : [port];
  });
}

/** SNI cluster name → entry, for one AUTO_PASSTHROUGH server. */
export function autoPassthroughChains(ctx: ProxyContext, server: ServerModel): Map<string, RouteEntry> {
  const hosts = server.hosts.map(stripNamespace);
  const chains = new Map<string, RouteEntry>();
  const services = ctx.registry.services().filter((s) => s.ref.kind === 'Service' && hosts.some((h) => within(s.hostname, h)));
  services.sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0));
  const ref = { kind: server.gateway.kind, namespace: server.gateway.namespace, name: server.gateway.name };
  const provenance = { resource: server.gateway.id, ref, rule: server.index, match: null, path: server.path };
  for (const svc of services) {
    const subsets = [...(ctx.registry.subsets(svc.hostname, svc.ref.namespace, ctx.configNamespace)?.names ?? [])].sort();
    for (const port of nonUdpPorts(svc)) {
      for (const subset of [null, ...subsets]) {
        const destination = { host: svc.hostname, written: svc.hostname, subset, port };
        const weighted = toWeightedBackends(ctx, [{ destination, weight: 100, headers: null, path: server.path }], svc.ref.namespace, () => [], () => provenance);
        const sni = autoPassthroughSni(port, subset, svc.hostname);
        chains.set(sni, {
          dialect: 'istio',
          routeKind: 'Gateway',
          provenance,
          ruleName: null,
          hostname: sni,
          match: {},
          filters: [],
          action: { kind: 'forward', backends: weighted.backends },
          timeouts: null,
          retries: null,
          fault: null,
          precedence: null,
          notes: [{ code: 'Simplified', message: 'AUTO_PASSTHROUGH: the chain also requires an Istio mTLS ALPN (the client is a mesh proxy); taken as given' }],
        });
      }
    }
  }
  return chains;
}
