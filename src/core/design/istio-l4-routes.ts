import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { appendItem } from './fields.js';

/**
 * VirtualService `tls:` and `tcp:` routes: matched on the connection (SNI, port, gateway), not
 * on HTTP; like http routes, the first that matches wins.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TLSRoute
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TCPRoute
 */
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The host new routes send to: the first destination of the design's routes, else the first host. */
function defaultHost(object: KubeObject): string {
  for (const section of ['tls', 'tcp', 'http'] as const) {
    const host = str(getAt(object, ['spec', section, 0, 'route', 0, 'destination', 'host']));
    if (host) return host;
  }
  const first = str(list(getAt(object, ['spec', 'hosts']))[0]);
  return first && !first.includes('*') ? first : 'backend';
}

/**
 * A TLS route passing through connections for the VirtualService's first concrete host on 443
 * (a TLS route must match on `sniHosts`, within the VirtualService's hosts).
 */
export function addVsTlsRoute(object: KubeObject): KubeObject {
  const hosts = list(getAt(object, ['spec', 'hosts'])).filter((h): h is string => typeof h === 'string');
  const sni = hosts[0] ?? 'app.example.com';
  // Where the first TLS route sends (host and port), else the default host on 443.
  const first = getAt(object, ['spec', 'tls', 0, 'route', 0, 'destination']);
  const destination = isRecord(first) && typeof first.host === 'string' ? first : { host: defaultHost(object), port: { number: 443 } };
  return appendItem(object, ['spec', 'tls'], { match: [{ port: 443, sniHosts: [sni] }], route: [{ destination }] });
}

/** A TCP route for the next port not matched yet (from 3306), to the default host on that port. */
export function addVsTcpRoute(object: KubeObject): KubeObject {
  const used = new Set(list(getAt(object, ['spec', 'tcp'])).flatMap((r) => list(getAt(r, ['match'])).map((m) => (isRecord(m) ? m.port : undefined))));
  let port = 3306;
  while (used.has(port)) port++;
  return appendItem(object, ['spec', 'tcp'], { match: [{ port }], route: [{ destination: { host: defaultHost(object), port: { number: port } } }] });
}
