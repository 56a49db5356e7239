import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { appendItem, moveItem } from './fields.js';
import { setAt } from './immutable.js';

/**
 * VirtualService, DestinationRule and Service edits. A VirtualService's http routes are tried in
 * order (the first that matches wins), so moving one is a real change of behaviour.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPRoute
 */
export type VsSection = 'http' | 'tls' | 'tcp';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A new http route sending `/` to the host the first route sends to (or the first host). */
export function addVsRoute(object: KubeObject): KubeObject {
  const http = list(getAt(object, ['spec', 'http']));
  const firstDest = getAt(http[0], ['route', 0, 'destination', 'host']);
  const hosts = list(getAt(object, ['spec', 'hosts']));
  const host = typeof firstDest === 'string' ? firstDest : typeof hosts[0] === 'string' ? hosts[0] : 'backend';
  return appendItem(object, ['spec', 'http'], { match: [{ uri: { prefix: '/' } }], route: [{ destination: { host } }] });
}

export function moveVsRoute(object: KubeObject, from: number, to: number, section: VsSection = 'http'): KubeObject {
  return moveItem(object, ['spec', section], from, to);
}

/** A destination of route `index` in `section`: a host, optionally a subset and a port. */
export function addVsDestination(object: KubeObject, section: VsSection, index: number, host: string, options: { subset?: string; port?: number } = {}): KubeObject {
  const destination: KubeObject = { host };
  if (options.subset) destination.subset = options.subset;
  if (options.port !== undefined) destination.port = { number: options.port };
  return appendItem(object, ['spec', section, index, 'route'], { destination });
}

/** A header match (`exact`) on the first match of http route `index` (created when there is none). */
export function addVsHeaderMatch(object: KubeObject, index: number): KubeObject {
  const headers = getAt(object, ['spec', 'http', index, 'match', 0, 'headers']);
  let name = 'x-canary';
  for (let n = 2; isRecord(headers) && name in headers; n++) name = `x-canary-${n}`;
  return setAt(object, ['spec', 'http', index, 'match', 0, 'headers', name], { exact: 'true' });
}

/** DestinationRule: the next subset (`v2` after `v1`), selecting pods by `version`. */
export function addSubset(object: KubeObject): KubeObject {
  const subsets = list(getAt(object, ['spec', 'subsets']));
  const names = new Set(subsets.map((s) => (isRecord(s) ? s.name : undefined)));
  let n = subsets.length + 1;
  while (names.has(`v${n}`)) n++;
  return appendItem(object, ['spec', 'subsets'], { name: `v${n}`, labels: { version: `v${n}` } });
}

/** Service: another port (`http-2` on the next free number from 8080). */
export function addServicePort(object: KubeObject): KubeObject {
  const ports = list(getAt(object, ['spec', 'ports'])).filter(isRecord);
  const numbers = new Set(ports.map((p) => p.port));
  const names = new Set(ports.map((p) => p.name));
  let port = 8080;
  while (numbers.has(port)) port++;
  let name = 'http';
  for (let n = 2; names.has(name); n++) name = `http-${n}`;
  return appendItem(object, ['spec', 'ports'], { name, port, targetPort: port });
}
