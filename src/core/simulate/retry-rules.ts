/**
 * The timeouts and retry policy that govern a forwarded request's tries, per dialect.
 *
 * Gateway API (HTTPRoute, gateway-api.md §6.3–6.4; GEP-1742, GEP-1731 and the v1.6.1 field docs):
 * - `timeouts.request` spans the whole transaction, every try and backoff included; expiry → 504
 *   (conformance httproute-timeout-request). `timeouts.backendRequest` bounds each try. `0s`
 *   disables either; unset → the implementation's default (none here, noted).
 * - `retry.attempts` is the number of retries after the first try ("retried in addition to the
 *   initial request"); 0 disables. Retried: a status in `retry.codes`, and — "Implementations
 *   SHOULD retry on connection errors (disconnect, reset, timeout, TCP failure) if a retry stanza
 *   is configured" — a reset, a connection failure, a refused stream and a `backendRequest`
 *   timeout (GEP-1731: a try that reaches it is cancelled and the next one scheduled).
 * - `retry.backoff` is "the minimum duration a Gateway should wait between retry attempts": the
 *   simulator waits exactly that; unset → no wait (implementation-specific, noted).
 * - GRPCRoute has neither timeouts nor retry at v1.6.1 (GRPCRouteRule: name, matches, filters,
 *   backendRefs, sessionPersistence; gRPC retries are GEP-3440, provisional).
 *
 * Istio (istio.md §1.4; virtual_service.proto HTTPRoute/HTTPRetry; retry.go ConvertPolicy) is
 * Envoy's router: see envoy-retry.ts. The mesh default's retriable status codes follow the
 * target's Istio release (none from 1.24, 503 before).
 */
import type { RouteEntry } from '../compile/types.js';
import { istioPolicy } from './envoy-retry.js';
import { gatewayApiPolicy } from './gateway-api-retry.js';
import { NO_POLICY, type TryPolicy } from './try-policy.js';

/** `istio`: the target's Istio release (SimulateOptions.target.istio), null = the newest. */
export function policyFor(entry: RouteEntry, istio: string | null = null): TryPolicy {
  if (entry.dialect === 'istio') return istioPolicy(entry, istio);
  if (entry.routeKind === 'GRPCRoute') {
    return { ...NO_POLICY, verdict: () => ({ retry: false, why: 'a GRPCRoute has no retry at v1.6.1' }), notes: [{ code: 'ImplementationSpecific', message: 'a GRPCRoute has no timeouts or retry in Gateway API v1.6.1 (gRPC retries are GEP-3440, provisional): the implementation\'s defaults apply; this simulator applies no timeout and no retry' }] };
  }
  return gatewayApiPolicy(entry);
}
