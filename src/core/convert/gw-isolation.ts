import { ISTIO_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { Attachment, IstioListener } from './gw-attach.js';
import { covers } from './hosts.js';
import type { Report } from './report.js';

/**
 * Listener isolation on plaintext HTTP (gateway-api.md §2.3): a request for the hostname of a
 * specific listener is that listener's, and gets 404 when none of its routes matches. Istio merges
 * the plaintext HTTP servers of a port into one route table where the most specific vhost wins
 * (istio.md §1.2, §2), so such a request would reach a VirtualService written for a wider listener
 * whenever no VirtualService of the specific listener has a vhost for exactly its hostname. A
 * catch-all 404 VirtualService for that hostname, bound to the specific listener, keeps the answer.
 * Returns the VirtualServices to add, by the Gateway they belong to.
 */
export function isolationVirtualServices(listeners: ReadonlyMap<string, readonly IstioListener[]>, att: ReadonlyMap<Resource, readonly Attachment[]>, take: (ns: string, base: string) => string, report: Report): Map<Resource, KubeObject[]> {
  const served: { listener: IstioListener; host: string }[] = [];
  for (const list of att.values()) for (const a of list) if (a.kind === 'listener') for (const host of a.hosts) served.push({ listener: a.listener, host });
  const out = new Map<Resource, KubeObject[]>();
  for (const ls of listeners.values()) {
    for (const o of ls) {
      if (o.protocol !== 'HTTP' || o.hostname === '*') continue;
      const own = served.some((s) => s.listener === o && s.host === o.hostname);
      const wider = served.filter((s) => s.listener !== o && s.listener.gateway === o.gateway && s.listener.port === o.port && s.listener.protocol === 'HTTP' && s.host !== o.hostname && covers(s.host, o.hostname));
      // The VirtualService must live in a namespace the server admits (istio.md §2 `hosts`).
      const ns = o.namespaces.includes('*') || o.namespaces.includes(o.gateway.namespace) ? o.gateway.namespace : o.namespaces[0];
      if (own || wider.length === 0 || ns === undefined) continue;
      const name = take(ns, `${o.gateway.name}-${o.name}-isolation`);
      const gateway = o.istioGateway.startsWith(`${ns}/`) ? o.istioGateway.slice(ns.length + 1) : o.istioGateway;
      report.note('ListenerIsolation', o.gateway, ['spec', 'listeners', o.index], `requests for ${o.hostname} belong to listener ${o.name} (404 when none of its routes matches); Istio would send them to the routes for ${[...new Set(wider.map((w) => w.host))].join(', ')}, so VirtualService ${ns}/${name} answers 404 for them`);
      const vs: KubeObject = { apiVersion: `${ISTIO_GROUP}/v1`, kind: 'VirtualService', metadata: { name, namespace: ns }, spec: { hosts: [o.hostname], gateways: [gateway], http: [{ directResponse: { status: 404 } }] } };
      out.set(o.gateway, [...(out.get(o.gateway) ?? []), vs]);
    }
  }
  return out;
}
