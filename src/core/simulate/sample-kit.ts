/**
 * Shared parts of the sample request (sample-request.ts): its shape, and how a host, a URL and a
 * mesh request are written.
 */
import { records, rec } from '../graph/read.js';
import type { Resource } from '../resources/types.js';

/** A request as the simulator's form holds it (`simulate`'s terms: method, URL, headers). */
export interface SampleRequest {
  readonly method: string;
  /** `https://www.shop.example.com/cart` */
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  /** Through a gateway (null), or inside the mesh from this workload (`namespace/workload`). */
  readonly mesh: { readonly from: string } | null;
}

/** A route's sample, and whether its rule sends traffic to a backend (a redirect does not). */
export interface Sample {
  readonly forwards: boolean;
  readonly request: SampleRequest;
}

/** The host a client could send: `*.example.com` → `www.example.com`; none or `*` → `example.com`. */
export function concreteHost(host: string | undefined): string {
  if (host === undefined || host === '' || host === '*') return 'example.com';
  return host.startsWith('*.') ? `www.${host.slice(2)}` : host;
}

const DEFAULT_PORT: Readonly<Record<string, number>> = { http: 80, https: 443 };

export function urlOf(scheme: 'http' | 'https', host: string, port: unknown, pathAndQuery: string): string {
  const shown = typeof port === 'number' && port !== DEFAULT_PORT[scheme] ? `:${port}` : '';
  return `${scheme}://${host}${shown}${pathAndQuery.startsWith('/') ? pathAndQuery : `/${pathAndQuery}`}`;
}

/**
 * A request inside the mesh to Service `namespace/name` (on `port`, else the Service's first port),
 * sent by a workload of `clientNamespace` (a consumer route applies to its own namespace's clients).
 */
export function meshSample(resources: readonly Resource[], clientNamespace: string, namespace: string, name: string, port: number | undefined, pathAndQuery: string): SampleRequest {
  const service = resources.find((r) => r.group === '' && r.kind === 'Service' && r.namespace === namespace && r.name === name);
  const first = records(rec(service?.object.spec).ports)[0]?.item.port;
  const p = port ?? (typeof first === 'number' ? first : 80);
  return { method: 'GET', url: urlOf('http', `${name}.${namespace}`, p, pathAndQuery), headers: [], mesh: { from: `${clientNamespace}/client` } };
}

/** `namespace/name` or `name` (in `namespace`) → its parts. */
export function splitRef(ref: string, namespace: string): { namespace: string; name: string } {
  const slash = ref.indexOf('/');
  return slash < 0 ? { namespace, name: ref } : { namespace: ref.slice(0, slash), name: ref.slice(slash + 1) };
}
