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

/** The hosts of a server as written (istioctl does not sanitize them). */
export function writtenHosts(server: ServerModel): string[] {
  return readStrings(rec(arr(rec(server.gateway.object.spec).servers)[server.index]).hosts);
}

function shareHost(a: ServerModel, b: ServerModel): boolean {
  if (a.portNumber !== b.portNumber || a.bind !== b.bind) return false;
  const hosts = new Set(writtenHosts(b));
  return writtenHosts(a).some((h) => hosts.has(h));
}

/**
 * The other Gateways (`ns/name`, sorted) of `members` — Gateways with the selector of the server's
 * own Gateway — that conflict with `server`. Empty when the server has no port number (that is a
 * schema problem, reported there).
 */
export function conflictingGateways(server: ServerModel, members: readonly IstioGatewayModel[]): string[] {
  if (server.portNumber === 0) return [];
  const names = new Set<string>();
  for (const g of members) {
    if (g.name === server.gatewayName) continue;
    if (g.servers.some((other) => shareHost(server, other))) names.add(g.name);
  }
  return [...names].sort();
}
