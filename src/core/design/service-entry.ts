import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { appendItem } from './fields.js';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * ServiceEntry: a host the mesh does not know by itself (an external API, a VM). Ports carry a
 * protocol; endpoints are needed when resolution is STATIC (addresses) and optional for DNS.
 * @see https://istio.io/latest/docs/reference/config/networking/service-entry/
 */
export function addServiceEntryPort(object: KubeObject): KubeObject {
  const ports = list(getAt(object, ['spec', 'ports'])).filter(isRecord);
  const numbers = new Set(ports.map((p) => p.number));
  if (!numbers.has(443)) return appendItem(object, ['spec', 'ports'], { number: 443, name: 'https', protocol: 'TLS' });
  const names = new Set(ports.map((p) => p.name));
  let number = 8080;
  while (numbers.has(number)) number++;
  let name = 'http';
  for (let n = 2; names.has(name); n++) name = `http-${n}`;
  return appendItem(object, ['spec', 'ports'], { number, name, protocol: 'HTTP' });
}

/** Another endpoint, at the next address of the documentation range (192.0.2.0/24, RFC 5737) — to be replaced. */
export function addServiceEntryEndpoint(object: KubeObject): KubeObject {
  const endpoints = list(getAt(object, ['spec', 'endpoints']));
  const taken = new Set(endpoints.map((e) => (isRecord(e) ? e.address : undefined)));
  let n = endpoints.length + 1;
  while (taken.has(`192.0.2.${n}`)) n++;
  return appendItem(object, ['spec', 'endpoints'], { address: `192.0.2.${n}` });
}
