import type { MeshClient, Request, RequestProtocol } from '../../core/index.js';
import { Rand } from './rand.js';
import { HEADER_NAMES, HEADER_VALUES, HOSTS, METHODS, NAMES, NAMESPACES, PATHS } from './pools.js';

/**
 * Random requests, both as the command line writes them (parseRequest's text, headers, SNI) and
 * as structured Request values; each sent automatically, to a named gateway, or inside the mesh.
 */
export type RequestCase =
  | { readonly form: 'text'; readonly line: string; readonly headers: readonly string[]; readonly sni?: string; readonly via: Via }
  | { readonly form: 'structured'; readonly request: Request; readonly via: Via };

/** Where to send: the simulator's choice, the `gateway`-th gateway of the table, or the mesh. */
export type Via = { readonly to: 'auto' } | { readonly to: 'gateway'; readonly index: number } | { readonly to: 'mesh'; readonly client: MeshClient };

const SCHEMES = ['http', 'https', 'grpc', 'grpcs', 'tls', 'tcp', 'udp', 'ftp', 'HTTP'] as const;
const PROTOCOL: Record<string, RequestProtocol> = { http: 'http', https: 'http', grpc: 'grpc', grpcs: 'grpc', tls: 'tls', tcp: 'tcp', udp: 'udp' };
const GARBAGE = ['', ' ', 'GET', 'GET /cart', '://', 'http://', 'http:///x', 'GET http://[::1]:80/', 'GET http://a:99999/', 'GET http://a:0/', 'x'.repeat(10000), '\u0000', 'GET http://\u202Eexample.com/'] as const;

function via(r: Rand): Via {
  const k = r.int(3);
  if (k === 0) return { to: 'auto' };
  if (k === 1) return { to: 'gateway', index: r.int(4) };
  return { to: 'mesh', client: { namespace: r.pick(NAMESPACES), workload: r.pick(NAMES), labels: r.chance(0.5) ? { app: r.pick(NAMES), version: r.pick(['v1', 'v2']) } : {} } };
}

export function randomRequest(seed: number): RequestCase {
  const r = new Rand(seed);
  if (r.chance(0.3)) {
    const scheme = r.pick(['http', 'https', 'grpc', 'grpcs', 'tls', 'tcp', 'udp'] as const);
    const host = r.pick(HOSTS).toLowerCase();
    const port = r.pick([80, 443, 8080, 9080, 5432, 1, 65535]);
    const headers = r.many(4, () => [r.pick(HEADER_NAMES), r.pick(HEADER_VALUES)] as const);
    const request: Request = {
      protocol: PROTOCOL[scheme] ?? 'http',
      method: r.pick(METHODS),
      scheme,
      host,
      authority: r.chance(0.8) ? host : `${host}:${port}`,
      port,
      path: r.pick(PATHS) || '/',
      headers,
      sni: r.chance(0.5) ? host : null,
      grpc: scheme.startsWith('grpc') ? { service: r.pick(['pkg.Svc', '', 'a.b.C']), method: r.pick(['Get', '']) } : null,
    };
    return { form: 'structured', request, via: via(r) };
  }
  const line = r.chance(0.15)
    ? r.pick(GARBAGE)
    : `${r.chance(0.8) ? `${r.pick(METHODS)} ` : ''}${r.pick(SCHEMES)}://${r.pick(HOSTS)}${r.chance(0.3) ? `:${r.pick(['80', '443', '8080', '5432', '0', '70000', 'x'])}` : ''}${r.pick(PATHS)}`;
  const headers = r.many(4, () => (r.chance(0.1) ? r.pick(['no-colon', ': empty', '']) : `${r.pick(HEADER_NAMES)}: ${r.pick(HEADER_VALUES)}`));
  return { form: 'text', line, headers, ...(r.chance(0.2) ? { sni: r.pick(HOSTS) } : {}), via: via(r) };
}

/** The path of 50 a's and a '!': exponential for a backtracking engine on `(a+)+$`. */
export const CATASTROPHIC_PATH = `/${'a'.repeat(50)}!`;
