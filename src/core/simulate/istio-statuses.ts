/**
 * What Istio answers for the share of a destination it cannot route to: Envoy finds no cluster
 * (a host that is neither a Service nor a ServiceEntry, a subset no DestinationRule defines, a
 * port the service does not expose) and answers 503 (`NC`, istio.md §1.4, §3) — where the
 * Gateway API prescribes 500. Statuses for gRPC and L4 are the same in both dialects.
 */
import type { RouteEntry } from '../compile/types.js';
import type { Statuses } from './outcomes.js';

export function statusesForEntry(entry: RouteEntry, s: Statuses): Statuses {
  return entry.dialect === 'istio' && s.fail === 500 ? { ...s, fail: 503 } : s;
}
