/**
 * The sample request of an Istio VirtualService (see sample-request.ts): bound to gateways, sent to
 * the first HTTP(S) server of the first one in the design; bound to the mesh only, sent from a
 * workload of its namespace to the Service its first host names.
 */
import { records, rec, str, strings } from '../graph/read.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { concreteHost, meshSample, splitRef, urlOf, type Sample } from './sample-kit.js';

const ISTIO_GROUP = 'networking.istio.io';

export function istioSample(resources: readonly Resource[], vs: Resource): Sample | null {
  if (vs.group !== ISTIO_GROUP) return null;
  const spec = rec(vs.object.spec);
  const rules = records(spec.http).map((r) => r.item);
  const rule = rules.find((r) => records(r.route).length > 0) ?? rules[0];
  if (!rule) return null;
  const forwards = records(rule.route).length > 0;
  const match = records(rule.match)[0]?.item ?? {};
  const uri = rec(match.uri);
  const path = str(uri.exact) ?? str(uri.prefix) ?? '/';
  const query = Object.entries(rec(match.queryParams)).flatMap(([k, v]) => {
    const value = str(rec(v).exact);
    return value === undefined ? [] : [`${encodeURIComponent(k)}=${encodeURIComponent(value)}`];
  });
  const pathAndQuery = query.length > 0 ? `${path}?${query.join('&')}` : path;
  const headers = Object.entries(rec(match.headers)).flatMap(([k, v]): (readonly [string, string])[] => {
    const value = str(rec(v).exact);
    return value === undefined ? [] : [[k, value]];
  });
  const method = str(rec(match.method).exact) ?? 'GET';
  const host = strings(spec.hosts)[0];
  const gateways = strings(spec.gateways).filter((g) => g !== 'mesh');
  if (gateways.length === 0) {
    if (host === undefined || host.includes('*')) return null;
    const [name = host, namespace = vs.namespace] = host.split('.');
    return { forwards, request: { ...meshSample(resources, vs.namespace, namespace, name, undefined, pathAndQuery), method, headers } };
  }
  for (const ref of gateways) {
    const at = splitRef(ref, vs.namespace);
    const gateway = resources.find((g) => g.group === ISTIO_GROUP && g.kind === 'Gateway' && g.namespace === at.namespace && g.name === at.name);
    const server = gateway && serversOf(gateway.object)[0];
    if (!server) continue;
    const port = rec(server.port);
    const scheme = str(port.protocol) === 'HTTPS' ? 'https' : 'http';
    const serverHost = strings(server.hosts)[0]?.replace(/^[^/]*\//, '');
    const chosen = host === undefined || host === '*' ? serverHost : host;
    return { forwards, request: { method, url: urlOf(scheme, concreteHost(chosen), port.number, pathAndQuery), headers, mesh: null } };
  }
  return null;
}

/** The servers of an Istio Gateway that speak HTTP (Istio's HTTP, HTTP2 and HTTPS protocols). */
function serversOf(gateway: KubeObject): KubeObject[] {
  return records(rec(gateway.spec).servers)
    .map((s) => s.item)
    .filter((s) => ['HTTP', 'HTTP2', 'HTTPS'].includes(str(rec(s.port).protocol) ?? '') && typeof rec(s.port).number === 'number');
}
