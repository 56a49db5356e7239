/**
 * A first request worth simulating on a design: the simulator proposes it when a design is opened
 * (New, an example, an import), so the first answer is a route of this design rather than a 404
 * for the previous one. Read from the objects as written (no compile): the first HTTP route
 * (Gateway API HTTPRoute, Istio VirtualService) in document order whose rule sends traffic to a
 * backend, addressed the way its parent takes it — the parent listener's scheme and port, the
 * route's first hostname (else the listener's), the rule's first match (path, exact headers,
 * method, exact query parameters). A rule without backends (a redirect) is proposed only when no
 * route has one; a bare Gateway gets `scheme://host/`.
 */
import { records, rec, str, strings } from '../graph/read.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { istioSample } from './sample-istio.js';
import { concreteHost, meshSample, urlOf, type Sample, type SampleRequest } from './sample-kit.js';

export type { SampleRequest } from './sample-kit.js';

const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export function sampleRequest(resources: readonly Resource[]): SampleRequest | null {
  let fallback: SampleRequest | null = null;
  for (const r of resources) {
    const found = r.group === GATEWAY_GROUP && r.kind === 'HTTPRoute' ? httpRouteSample(resources, r) : r.kind === 'VirtualService' ? istioSample(resources, r) : null;
    if (found?.forwards) return found.request;
    fallback ??= found?.request ?? null;
  }
  return fallback ?? bareGatewaySample(resources);
}

function httpRouteSample(resources: readonly Resource[], route: Resource): Sample | null {
  const spec = rec(route.object.spec);
  const rules = records(spec.rules).map((r) => r.item);
  const rule = rules.find((r) => records(r.backendRefs).length > 0) ?? rules[0] ?? {};
  const forwards = records(rule.backendRefs).length > 0;
  const match = records(rule.matches)[0]?.item ?? {};
  const path = rec(match.path);
  const pathValue = str(path.type) === 'RegularExpression' ? '/' : (str(path.value) ?? '/');
  const query = records(match.queryParams)
    .map((q) => q.item)
    .filter((q) => (str(q.type) ?? 'Exact') === 'Exact' && str(q.name) !== undefined)
    .map((q) => `${encodeURIComponent(str(q.name) ?? '')}=${encodeURIComponent(str(q.value) ?? '')}`);
  const headers = records(match.headers)
    .map((h) => h.item)
    .filter((h) => (str(h.type) ?? 'Exact') === 'Exact' && str(h.name) !== undefined)
    .map((h): readonly [string, string] => [str(h.name) ?? '', str(h.value) ?? '']);
  const method = str(match.method) ?? 'GET';
  const pathAndQuery = query.length > 0 ? `${pathValue}?${query.join('&')}` : pathValue;
  const routeHost = strings(spec.hostnames)[0];
  for (const p of records(spec.parentRefs).map((x) => x.item)) {
    const kind = str(p.kind) ?? 'Gateway';
    const namespace = str(p.namespace) ?? route.namespace;
    const name = str(p.name) ?? '';
    if (kind === 'Service') {
      return { forwards, request: { ...meshSample(resources, route.namespace, namespace, name, typeof p.port === 'number' ? p.port : undefined, pathAndQuery), method, headers } };
    }
    if (kind !== 'Gateway') continue;
    const gateway = resources.find((g) => g.group === GATEWAY_GROUP && g.kind === 'Gateway' && g.namespace === namespace && g.name === name);
    const listener = gateway && listenersOf(gateway.object).find((l) => (str(p.sectionName) === undefined || str(l.name) === p.sectionName) && (typeof p.port !== 'number' || l.port === p.port));
    if (!listener) continue;
    const host = concreteHost(routeHost ?? str(listener.hostname));
    return { forwards, request: { method, url: urlOf(schemeOf(listener), host, listener.port, pathAndQuery), headers, mesh: null } };
  }
  return null;
}

/** The HTTP and HTTPS listeners of a Gateway (a route sample speaks HTTP). */
function listenersOf(gateway: KubeObject): KubeObject[] {
  return records(rec(gateway.spec).listeners)
    .map((l) => l.item)
    .filter((l) => (str(l.protocol) === 'HTTP' || str(l.protocol) === 'HTTPS') && typeof l.port === 'number');
}

function schemeOf(listener: KubeObject): 'http' | 'https' {
  return str(listener.protocol) === 'HTTPS' ? 'https' : 'http';
}

function bareGatewaySample(resources: readonly Resource[]): SampleRequest | null {
  for (const g of resources) {
    if (g.group !== GATEWAY_GROUP || g.kind !== 'Gateway') continue;
    const listener = listenersOf(g.object)[0];
    if (listener) return { method: 'GET', url: urlOf(schemeOf(listener), concreteHost(str(listener.hostname)), listener.port, '/'), headers: [], mesh: null };
  }
  return null;
}

