/**
 * Reads a VirtualService into its model with istiod's name resolution
 * (`pilot/pkg/model/virtualservice.go: ResolveVirtualServiceShortnames`, istio.md §1.1):
 * hosts, destinations and mirrors resolve in the VS namespace; gateway names become `ns/name`;
 * an empty `gateways` means `mesh` only (`push_context.go: getGatewayNames`).
 */
import type { Resource } from '../../resources/types.js';
import { compareTimes } from '../precedence.js';
import { arr, creationOf, num, rec } from '../read.js';
import type { L4MatchModel, L4RuleModel, VirtualServiceModel } from './model.js';
import { exportToSet, MESH, resolveGatewayName, resolveShortHost } from './names.js';
import { readDestination, readStringMap, readStrings } from './read-common.js';
import { readHttpRule } from './read-http-rule.js';

function readL4Match(raw: unknown, index: number, path: string, namespace: string): L4MatchModel {
  const m = rec(raw);
  return {
    index,
    path,
    sniHosts: readStrings(m.sniHosts).map((h) => h.toLowerCase()),
    destinationSubnets: readStrings(m.destinationSubnets),
    port: num(m.port) ?? 0,
    sourceLabels: readStringMap(m.sourceLabels),
    sourceNamespace: typeof m.sourceNamespace === 'string' ? m.sourceNamespace : '',
    gateways: readStrings(m.gateways).map((g) => resolveGatewayName(g, namespace)),
  };
}

function readL4Rules(resource: Resource, raw: unknown, field: 'tls' | 'tcp'): L4RuleModel[] {
  const ns = resource.namespace;
  return arr(raw).map((r, index) => {
    const rule = rec(r);
    const path = `spec.${field}[${index}]`;
    return {
      origin: { resource, index, path },
      match: arr(rule.match).map((m, i) => readL4Match(m, i, `${path}.match[${i}]`, ns)),
      route: arr(rule.route).map((d, i) => {
        const dest = rec(d);
        return { destination: readDestination(dest.destination, ns), weight: num(dest.weight) ?? 0, headers: null, path: `${path}.route[${i}]` };
      }),
    };
  });
}

export function readVirtualService(resource: Resource): VirtualServiceModel {
  const spec = rec(resource.object.spec);
  const ns = resource.namespace;
  const gateways = readStrings(spec.gateways).map((g) => resolveGatewayName(g, ns));
  return {
    resource,
    hosts: readStrings(spec.hosts).map((h) => resolveShortHost(h, ns)),
    gateways: gateways.length === 0 ? [MESH] : gateways,
    exportTo: exportToSet(readStrings(spec.exportTo), ns),
    http: arr(spec.http).map((h, i) => readHttpRule(resource, h, i)),
    tls: readL4Rules(resource, spec.tls, 'tls'),
    tcp: readL4Rules(resource, spec.tcp, 'tcp'),
    creationTimestamp: creationOf(resource.object),
  };
}

/**
 * istiod's VirtualService order (`config.go: configCompareByCreationTime`): oldest first, then by
 * name, then by namespace. Ages as the Gateway API compiler reads them (precedence.ts
 * `compareTimes`): objects without a timestamp are equally old among themselves (DESIGN.md) and,
 * next to a known time, the newest — never the oldest.
 */
export function compareByCreation(
  a: { readonly resource: Resource; readonly creationTimestamp: string | null },
  b: { readonly resource: Resource; readonly creationTimestamp: string | null },
): number {
  return compareTimes(a.creationTimestamp, b.creationTimestamp) || compareByName(a, b);
}

/** The tie-break of `compareByCreation`: name, then namespace. */
export function compareByName(a: { readonly resource: Resource }, b: { readonly resource: Resource }): number {
  if (a.resource.name !== b.resource.name) return a.resource.name < b.resource.name ? -1 : 1;
  return a.resource.namespace < b.resource.namespace ? -1 : a.resource.namespace > b.resource.namespace ? 1 : 0;
}
