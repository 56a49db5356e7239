/**
 * Request text → Request. Forms (DESIGN.md "simulate"):
 *   `GET https://shop.example.com/cart?id=1` (method optional, default GET),
 *   `GRPC grpc://host:port/pkg.Service/Method` (grpcs:// for gRPC over TLS),
 *   `TLS tls://sni:port`, `TCP tcp://host:port`, `UDP udp://host:port`.
 * Headers are `name: value`; a `Host` header overrides the authority (not the SNI).
 * Read strictly, as a client would have to send it: see parse-authority.ts for the host and port;
 * no control character anywhere (a CR/LF would forge a second header or request); a header is
 * `token ":" value` with no space before the colon (RFC 9112 §5.1) and a value free of CR, LF, NUL
 * and the other controls but HTAB (RFC 9110 §5.5).
 */
import { parseAuthority, parseHost } from './parse-authority.js';
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
  const control = controlIn(text, (c) => c === 0x09 || (c >= 0x20 && c < 0x7f) || c >= 0xa0);
  if (control) return fail(`the request holds the control character ${control}`);
  const m = LINE.exec(text);
  if (!m) return fail(`cannot read the request "${text}": write it as 'METHOD scheme://host[:port]/path', e.g. 'GET https://shop.example.com/cart'`);
  const [, verb, rawScheme = '', authorityText = '', rawPath = ''] = m;
  const scheme = rawScheme.toLowerCase();
  const kind = SCHEMES[scheme];
  if (!kind) return fail(`unknown scheme ${scheme}: use http, https, grpc, grpcs, tls, tcp or udp`);
  const url = parseAuthority(authorityText);
  if (!url.ok) return url;
  const urlHost = url.host;
  const port = url.port ?? kind.port;
  if (port === null) return fail(`${scheme}:// needs a port (e.g. ${scheme}://${urlHost}:5432)`);
  const parsed: [string, string][] = [];
  for (const h of headers) {
    const header = parseHeader(h);
    if (typeof header === 'string') return fail(header);
    parsed.push(header);
  }
  const hostHeader = parsed.find(([n]) => n.toLowerCase() === 'host');
  const headerHost = hostHeader ? parseAuthority(hostHeader[1]) : null;
  if (headerHost && !headerHost.ok) return fail(`-H ${hostHeader?.[0]}: ${headerHost.error}`);
  const rest = parsed.filter((p) => p !== hostHeader);
  const authority = hostHeader ? hostHeader[1] : url.portText === null ? urlHost : `${urlHost}:${url.portText}`;
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
  const sniHost = options.sni === undefined ? undefined : parseHost(options.sni);
  if (sniHost === null) return fail(`invalid SNI "${options.sni}": a server name is a host name, without port`);
  const sni = sniHost ?? (kind.tls ? urlHost : null);
  const request: Request = {
    protocol: kind.protocol,
    method,
    scheme,
    host: headerHost?.ok ? headerHost.host : urlHost,
    authority,
    port,
    path,
    headers: rest,
    sni,
    grpc,
    ...(headerHost?.ok && headerHost.host !== urlHost ? { address: urlHost } : {}),
  };
  return { ok: true, request };
}

/** `name: value` → [name, value], or why not. */
function parseHeader(h: string): [string, string] | string {
  const control = controlIn(h, (c) => c === 0x09 || (c >= 0x20 && c !== 0x7f));
  if (control) return `invalid header "${h}": it holds the control character ${control} (a header value cannot hold CR, LF, NUL or other controls but tab)`;
  const colon = h.indexOf(':');
  const name = colon === -1 ? '' : h.slice(0, colon);
  if (!TOKEN.test(name)) return `invalid header "${h}": write it as 'name: value', the name a token (letters, digits, !#$%&'*+-.^_\`|~) followed directly by ':'`;
  return [name, h.slice(colon + 1).trim()];
}

/** The first character `allowed` refuses, as `U+000D`; null when there is none. */
function controlIn(text: string, allowed: (c: number) => boolean): string | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!allowed(c)) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
}

function fail(error: string): ParseRequestResult {
  return { ok: false, error };
}
