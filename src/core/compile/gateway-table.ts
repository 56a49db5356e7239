/** GatewayModel + attached routes → GatewayTable (ports → listeners in selection order → vhosts). */
import type { ListenerRoute, RouteResult } from './attach-all.js';
import { refOf } from './context.js';
import type { GatewayModel } from './gateways.js';
import { hostnameSpecificity } from './hostname.js';
import { listenerServes, type ListenerModel } from './listener-model.js';
import type { GatewayTable, ListenerEntry, PortTable, RejectedAttachment } from './types.js';
import { buildHostIndex } from './vhosts.js';

export function buildGatewayTable(g: GatewayModel, byListener: ReadonlyMap<ListenerModel, ListenerRoute[]>, results: readonly RouteResult[]): GatewayTable {
  let rejected = cache.get(results);
  if (!rejected) cache.set(results, (rejected = rejectionsByListener(results)));
  // A Gateway refused as a whole (UnsupportedAddress, InvalidParameters) programs no listener.
  const refused = g.checks.problems.find((p) => p.condition === 'Accepted');
  const entries = g.listeners.map((l): ListenerEntry => {
    const routes = (byListener.get(l) ?? []).filter((r) => r.parent.accepted);
    const first = l.problems[0];
    return {
      dialect: 'gateway-api',
      name: l.name,
      owner: refOf(l.owner),
      provenance: { resource: l.owner.id, ref: refOf(l.owner), rule: null, match: null, path: `spec.listeners[${l.index}]` },
      port: l.port,
      protocol: l.protocol,
      tlsMode: l.tlsMode,
      hostnames: l.hostname === null ? [] : [l.hostname],
      accepted: !refused && listenerServes(l),
      problem: refused ? `Gateway Accepted=False: ${refused.reason} — ${refused.message}` : first ? `${first.condition === 'Conflicted' ? 'Conflicted' : `${first.condition}=False`}: ${first.reason} — ${first.message}` : null,
      hosts: buildHostIndex(routes.map((r) => ({ key: r.route.resource.id, templates: r.parent.compiled.templates, hostnames: r.attachment.hostnames }))),
      rejected: rejected.get(l) ?? [],
    };
  });
  const ports = new Map<number, PortTable>();
  for (const port of [...new Set(entries.map((e) => e.port))].sort((a, b) => a - b)) {
    const listeners = entries
      .filter((e) => e.port === port)
      .sort((a, b) => hostnameSpecificity(b.hostnames[0] ?? null) - hostnameSpecificity(a.hostnames[0] ?? null));
    ports.set(port, { port, listeners });
  }
  const usable = !refused && g.listeners.some(listenerServes);
  return {
    dialect: 'gateway-api',
    ref: refOf(g.resource),
    resource: g.resource.id,
    members: [refOf(g.resource)],
    accepted: usable,
    problem: refused ? `Accepted=False: ${refused.reason} — ${refused.message}` : usable ? null : 'Accepted=False: ListenersNotValid — no listener can be programmed',
    ports,
    ...(g.classInDesign ? { gatewayClass: { name: g.className, controllerName: g.controllerName } } : {}),
  };
}

/** Computed once per compile (the results array), not once per gateway. */
const cache = new WeakMap<readonly RouteResult[], Map<ListenerModel, RejectedAttachment[]>>();

function rejectionsByListener(results: readonly RouteResult[]): Map<ListenerModel, RejectedAttachment[]> {
  const out = new Map<ListenerModel, RejectedAttachment[]>();
  const add = (l: ListenerModel, r: RejectedAttachment): void => {
    const list = out.get(l) ?? [];
    list.push(r);
    out.set(l, list);
  };
  for (const { route, parents } of results) {
    for (const p of parents) {
      const att = p.gateway;
      if (!att) continue;
      const base = { route: refOf(route.resource), resource: route.resource.id };
      for (const r of att.rejections) add(r.listener, { ...base, reason: r.reason, message: r.message });
      if (!p.accepted && att.listeners.length > 0) for (const la of att.listeners) add(la.listener, { ...base, reason: p.reason, message: p.message });
    }
  }
  return out;
}
