import type { KubeObject, Resource } from '../resources/types.js';
import { hostOfService } from './design.js';
import type { Attachment } from './gw-attach.js';
import { destinations } from './gw-backends.js';
import type { GwCtx } from './gw-context.js';
import { records, spec } from './read.js';

/** The VirtualService body for a TLSRoute or TCPRoute on some gateways or a mesh Service (istio.md §4.3 "TCPRoute/TLSRoute"). */
export function l4Body(route: Resource, att: readonly Attachment[], gwName: (a: Attachment) => string, ctx: GwCtx): KubeObject | undefined {
  const rule = records(spec(route.object).rules)[0];
  const route0 = destinations(rule?.item.backendRefs, ['spec', 'rules', 0, 'backendRefs'], route, route.namespace, ctx);
  const dest = route0 ?? [{ destination: { host: 'no-backend.invalid' } }];
  if (!route0) ctx.report.lose('UnsupportedBackend', route, ['spec', 'rules', 0], 'no backend can take traffic: the Gateway API rejects these connections; the VirtualService sends them to a host that does not exist');
  const gws = att.filter((a) => a.kind !== 'mesh');
  const mesh = att.filter((a): a is Extract<Attachment, { kind: 'mesh' }> => a.kind === 'mesh');
  if (route.kind === 'TLSRoute') {
    const hosts = [...new Set(gws.flatMap((a) => ('hosts' in a ? a.hosts : [])))].sort();
    if (mesh.length > 0) ctx.report.lose('UnsupportedKind', route, ['spec', 'parentRefs'], 'a TLSRoute with a Service parent is not converted; only its gateway parents are');
    if (hosts.length === 0) return undefined;
    return { hosts, gateways: [...new Set(gws.map(gwName))].sort(), tls: [{ match: [{ sniHosts: hosts }], route: dest }] };
  }
  if (gws.length > 0) return { hosts: ['*'], gateways: [...new Set(gws.map(gwName))].sort(), tcp: [{ route: dest }] };
  if (mesh.length === 0) return undefined;
  const m = mesh[0] as Extract<Attachment, { kind: 'mesh' }>;
  return {
    hosts: [hostOfService(m.service, route.namespace)],
    tcp: [{ ...(m.port !== undefined ? { match: [{ port: m.port }] } : {}), route: dest }],
  };
}
