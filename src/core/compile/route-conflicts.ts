/**
 * HTTPRoute and GRPCRoute never share a hostname on one listener (apis/v1/grpcroute_types.go,
 * Hostnames doc; gateway-api.md §4.6): when their hostnames intersect, exactly one is accepted — the
 * oldest, then the first by namespace/name. The other loses that listener; a parent left without
 * listeners is not accepted.
 */
import type { ListenerRoute } from './attach-all.js';
import { intersectHostnames } from './hostname.js';
import { compareAge } from './precedence.js';

export function resolveKindConflicts(list: ListenerRoute[]): void {
  const http = list.filter((l) => l.route.kind === 'HTTPRoute');
  const grpc = list.filter((l) => l.route.kind === 'GRPCRoute');
  if (http.length === 0 || grpc.length === 0) return;
  const losers = new Set<ListenerRoute>();
  for (const h of http) {
    for (const g of grpc) {
      if (losers.has(h) || losers.has(g)) continue;
      const overlap = h.attachment.hostnames.some((a) => g.attachment.hostnames.some((b) => intersectHostnames(a, b) !== null));
      if (!overlap) continue;
      const [winner, loser] = compareAge(h.route.resource, g.route.resource) <= 0 ? [h, g] : [g, h];
      losers.add(loser);
      const l = loser.attachment.listener;
      const w = winner.route.resource;
      loser.parent.gateway?.rejections.push({
        listener: l,
        reason: 'NotAllowedByListeners',
        message: `its hostnames intersect those of ${w.kind} ${w.namespace}/${w.name}, which is older or first by namespace/name; HTTPRoute and GRPCRoute cannot share a hostname`,
      });
    }
  }
  for (const loser of losers) {
    list.splice(list.indexOf(loser), 1);
    const att = loser.parent.gateway;
    if (!att) continue;
    const i = att.listeners.indexOf(loser.attachment);
    if (i >= 0) att.listeners.splice(i, 1);
    if (att.listeners.length === 0 && loser.parent.accepted) {
      loser.parent.accepted = false;
      loser.parent.reason = 'NotAllowedByListeners';
      loser.parent.message = att.rejections.map((r) => `listener ${r.listener.name}: ${r.message}`).join('; ');
    }
  }
}
