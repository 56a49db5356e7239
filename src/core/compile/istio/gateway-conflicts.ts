/**
 * Conflicting Gateways, as `istioctl analyze` defines them (IST0145 ConflictingGateways;
 * istio/istio pkg/config/analysis/analyzers/gateway/conflictinggateway.go): two Istio Gateways
 * with the same workload selector both declare a server on the same port number, with the same
 * `bind`, and at least one host written the same (`model.CheckDuplicates` compares host strings
 * as written). The proxy they select gets two servers for one host and port: one of them loses.
 *
 * Differences from istioctl, on purpose: a Gateway's servers on one port are all compared
 * (istioctl keeps only the last server per gateway and port in its index), and selectors are
 * compared as written — istioctl also matches a selector that is a subset of another when a Pod
 * in the input carries both, and the design holds no Pods.
 */
import { arr, rec } from '../read.js';
import type { IstioGatewayModel, ServerModel } from './model.js';
import { readStrings } from './read-common.js';

const written = new WeakMap<ServerModel, readonly string[]>();

/** The hosts of a server as written (istioctl does not sanitize them). */
export function writtenHosts(server: ServerModel): readonly string[] {
  let hosts = written.get(server);
  if (hosts === undefined) {
    hosts = readStrings(rec(arr(rec(server.gateway.object.spec).servers)[server.index]).hosts);
    written.set(server, hosts);
  }
  return hosts;
}

const claimKey = (s: ServerModel, host: string): string => `${s.portNumber}\u0000${s.bind}\u0000${host}`;

/**
 * For Gateways with one selector (`members`), a lookup: server → the other Gateways (`ns/name`,
 * sorted) of `members` that conflict with it. Empty for a server without a port number (a schema
 * problem, reported there). The index is built on the first lookup, in one pass over the hosts.
 */
export function conflictIndex(members: readonly IstioGatewayModel[]): (server: ServerModel) => string[] {
  let claims: Map<string, Set<string>> | null = null;
  const sorted = new Map<string, string[]>();
  const build = (): Map<string, Set<string>> => {
    const index = new Map<string, Set<string>>();
    for (const g of members) {
      for (const s of g.servers) {
        for (const h of writtenHosts(s)) {
          const names = index.get(claimKey(s, h));
          if (names) names.add(g.name);
          else index.set(claimKey(s, h), new Set([g.name]));
        }
      }
    }
    return index;
  };
  const namesOf = (key: string): string[] => {
    let names = sorted.get(key);
    if (names === undefined) {
      names = [...(claims?.get(key) ?? [])].sort();
      sorted.set(key, names);
    }
    return names;
  };
  return (server) => {
    if (server.portNumber === 0) return [];
    claims ??= build();
    const hosts = writtenHosts(server);
    const all = hosts.length === 1 ? namesOf(claimKey(server, hosts[0] ?? '')) : [...new Set(hosts.flatMap((h) => namesOf(claimKey(server, h))))].sort();
    return all.filter((n) => n !== server.gatewayName);
  };
}

/** How a message names Gateways: the first five, then how many more. */
export function nameSome(names: readonly string[], max = 5): string {
  return names.slice(0, max).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');
}
