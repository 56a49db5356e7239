/**
 * Request text → Request. Forms (DESIGN.md "simulate"):
 *   `GET https://shop.example.com/cart?id=1` (method optional, default GET),
 *   `GRPC grpc://host:port/pkg.Service/Method` (grpcs:// for gRPC over TLS),
 *   `TLS tls://sni:port`, `TCP tcp://host:port`, `UDP udp://host:port`.
 * Headers are `name: value`; a `Host` header overrides the authority (not the SNI).
 */
import { hostOfAuthority } from '../compile/hostname.js';
import type { ParseRequestResult, Request, RequestProtocol } from './types.js';

const SCHEMES: Record<string, { protocol: RequestProtocol; port: number | null; tls: boolean }> = {
  http: { protocol: 'http', port: 80, tls: false },
  https: { protocol: 'http', port: 443, tls: true },
  grpc: { protocol: 'grpc', port: 80, tls: false },
  grpcs: { protocol: 'grpc', port: 443, tls: true },
  tls: { protocol: 'tls', port: 443, tls: true },
  tcp: { protocol: 'tcp', port: null, tls: false },
  udp: { protocol: 'udp', port: null, tls: false },
};

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const LINE = /^\s*(?:([A-Za-z]+)\s+)?([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#\s]*)([^#\s]*)(?:#\S*)?\s*$/;

export interface ParseRequestOptions {
  /** TLS server name; defaults to the URL's host for TLS schemes. */
  readonly sni?: string;
}

export function parseRequest(text: string, headers: readonly string[] = [], options: ParseRequestOptions = {}): ParseRequestResult {
  const m = LINE.exec(text);
  if (!m) return fail(`cannot read the request "${text}": write it as 'METHOD scheme://host[:port]/path', e.g. 'GET https://shop.example.com/cart'`);
  const [, verb, rawScheme = '', authorityText = '', rawPath = ''] = m;
  const scheme = rawScheme.toLowerCase();
  const kind = SCHEMES[scheme];
  if (!kind) return fail(`unknown scheme ${scheme}: use http, https, grpc, grpcs, tls, tcp or udp`);
  const urlHost = hostOfAuthority(authorityText);
  if (urlHost === '') return fail('the request has no host');
  const portText = authorityText.slice(urlHost.length + 1);
  const port = portText === '' ? kind.port : Number(portText);
  if (port === null) return fail(`${scheme}:// needs a port (e.g. ${scheme}://${urlHost}:5432)`);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return fail(`invalid port ${portText}`);
  const parsed: [string, string][] = [];
  for (const h of headers) {
    const colon = h.indexOf(':');
    const name = colon === -1 ? '' : h.slice(0, colon).trim();
    if (!TOKEN.test(name)) return fail(`invalid header "${h}": write it as 'name: value'`);
    parsed.push([name, h.slice(colon + 1).trim()]);
  }
  const hostHeader = parsed.find(([n]) => n.toLowerCase() === 'host' || n.toLowerCase() === ':authority');
  const rest = parsed.filter((p) => p !== hostHeader);
  const authority = hostHeader ? hostHeader[1] : authorityText.toLowerCase();
  let method = (verb ?? (kind.protocol === 'http' ? 'GET' : scheme)).toUpperCase();
  let path = rawPath === '' ? '/' : rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  let grpc: Request['grpc'] = null;
  if (kind.protocol === 'grpc') {
    if (method !== 'GRPC' && method !== 'POST') return fail(`a gRPC request is written 'GRPC grpc://host:port/pkg.Service/Method', not ${method}`);
    const g = /^\/([^/?]+)\/([^/?]+)$/.exec(path);
    if (!g) return fail(`a gRPC path is /pkg.Service/Method, not ${path}`);
    grpc = { service: g[1] ?? '', method: g[2] ?? '' };
    method = 'POST';
    if (!rest.some(([n]) => n.toLowerCase() === 'content-type')) rest.push(['content-type', 'application/grpc']);
  } else if (kind.protocol === 'http') {
    if (!TOKEN.test(method)) return fail(`invalid method ${method}`);
  } else {
    path = '/';
  }
  const sni = options.sni !== undefined ? options.sni.toLowerCase() : kind.tls ? urlHost : null;
  const request: Request = {
    protocol: kind.protocol,
    method,
    scheme,
    host: hostHeader ? hostOfAuthority(hostHeader[1]) : urlHost,
    authority,
    port,
    path,
    headers: rest,
    sni,
    grpc,
  };
  return { ok: true, request };
}

function fail(error: string): ParseRequestResult {
  return { ok: false, error };
}
