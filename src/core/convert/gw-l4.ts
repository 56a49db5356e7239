import type { KubeObject, Resource } from '../resources/types.js';
import type { Attachment } from './gw-attach.js';
import { destinations } from './gw-backends.js';
import type { GwCtx } from './gw-context.js';
import { records, spec } from './read.js';

/**
 * The `route` of the VirtualService rule written for a TLSRoute or TCPRoute: the destinations of
 * its first rule (a loss when none can take traffic).
 */
export function l4Destinations(route: Resource, ctx: GwCtx): KubeObject[] {
  const rule = records(spec(route.object).rules)[0];
  const route0 = destinations(rule?.item.backendRefs, ['spec', 'rules', 0, 'backendRefs'], route, route.namespace, ctx);
  if (!route0) ctx.report.lose('UnsupportedBackend', route, ['spec', 'rules', 0], 'no backend can take traffic: the Gateway API rejects these connections; the VirtualService sends them to a host that does not exist');
  return route0 ?? [{ destination: { host: 'no-backend.invalid' } }];
}

/**
 * The VirtualService body for a TLSRoute or TCPRoute on some gateways (istio.md §4.3
 * "TCPRoute/TLSRoute"). Mesh parents of a TCPRoute or TLSRoute are converted with the other routes
 * of their Service (gateway-to-istio.ts `meshVirtualServices`).
 */
export function l4Body(route: Resource, att: readonly Attachment[], gwName: (a: Attachment) => string, dest: () => KubeObject[]): KubeObject | undefined {
  const gws = att.filter((a) => a.kind !== 'mesh');
  if (route.kind === 'TLSRoute') {
    const hosts = [...new Set(gws.flatMap((a) => ('hosts' in a ? a.hosts : [])))].sort();
    if (hosts.length === 0) return undefined;
    return { hosts, gateways: [...new Set(gws.map(gwName))].sort(), tls: [{ match: [{ sniHosts: hosts }], route: dest() }] };
  }
  if (gws.length > 0) return { hosts: ['*'], gateways: [...new Set(gws.map(gwName))].sort(), tcp: [{ route: dest() }] };
  return undefined;
}
