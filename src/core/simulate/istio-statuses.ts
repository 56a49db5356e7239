/**
 * The failing status an entry answers for the share of a backend it cannot route to, which the
 * route kind decides, not the request:
 * - Istio: Envoy finds no cluster (a host that is neither a Service nor a ServiceEntry, a subset no
 *   DestinationRule defines, a port the service does not expose) and answers 503 (`NC`, istio.md
 *   §1.4, §3) — where the Gateway API prescribes 500;
 * - an HTTPRoute answers 500 even to a gRPC request (gateway-api.md §6.2: invalid shares get 500),
 *   which the gRPC client reads as UNKNOWN (grpc-status.ts);
 *   only a GRPCRoute answers UNAVAILABLE (gateway-api.md §6.2, §7). Statuses for L4 are the same in both
 *   dialects.
 */
import type { RouteEntry } from '../compile/types.js';
import { grpcStatusOf } from './grpc-status.js';
import type { Statuses } from './outcomes.js';

export function statusesForEntry(entry: RouteEntry, s: Statuses): Statuses {
  if (entry.dialect === 'istio' && s.fail === 500) return { ...s, fail: 503 };
  if (entry.routeKind === 'HTTPRoute' && s.ok === 'OK') return { ...s, fail: grpcStatusOf(500) };
  return s;
}
