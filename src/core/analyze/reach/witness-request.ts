/**
 * A witness's request built from its parts, without writing its text and reading it back: the
 * reach analysis tries tens of thousands of candidates, and parseRequest (regex, URL parser per
 * host) was ~40 % of it. The result is what parseRequest gives for the witness's own text
 * (`requestLine`, the headers as `name: value`) — witness-request.test.ts checks that on a table —
 * because anything out of the plain shape (a Host header, a non-ASCII host, a path with a space or
 * `#`, …) goes through parseRequest itself.
 */
import { parseHost } from '../../simulate/parse-authority.js';
import { parseRequest } from '../../simulate/parse-request.js';
import type { Request, RequestProtocol } from '../../simulate/types.js';

/** What a witness's request line is written from. */
export interface WitnessTarget {
  readonly method: string;
  readonly scheme: string;
  readonly host: string;
  readonly port: number;
  /** Path and query, starting with `/`. */
  readonly path: string;
}

/** The ports a URL of these schemes implies (parse-request.ts reads them so): written without. */
const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

/** `GET https://shop.example.com/cart`, the port written only when it is not the scheme's own. */
export function requestLine(t: WitnessTarget): string {
  const port = DEFAULT_PORTS[t.scheme] === t.port ? '' : `:${t.port}`;
  return `${t.method} ${t.scheme}://${t.host}${port}${t.path}`;
}

/** The schemes witnesses are written with (parse-request.ts's SCHEMES, for these four). */
const SCHEMES: Readonly<Record<string, { readonly protocol: RequestProtocol; readonly tls: boolean }>> = {
  http: { protocol: 'http', tls: false },
  https: { protocol: 'http', tls: true },
  grpc: { protocol: 'grpc', tls: false },
  grpcs: { protocol: 'grpc', tls: true },
};

const VERB = /^[A-Za-z]+$/;
/** Printable ASCII but space and `#`: parseRequest's LINE reads it all as the path. */
const PLAIN_PATH = /^\/[\x21\x22\x24-\x7e]*$/;
/** Printable ASCII a host may be written with in the authority (LINE stops at / ? # and space; @ : [ are read apart). */
const PLAIN_HOST = /^[\x21\x22\x24-\x2e\x30-\x39\x3b-\x3e\x41-\x5a\x5c-\x7e]+$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header value parseRequest keeps as written: printable ASCII or tab, nothing to trim. */
const PLAIN_VALUE = /^(?:[\x21-\x7e](?:[\x20-\x7e\t]*[\x21-\x7e])?)?$/;
const GRPC_PATH = /^\/([^/?]+)\/([^/?]+)$/;

export class RequestBuilder {
  /** parseHost per host: a site's few host names recur across all its candidates. */
  private readonly hosts = new Map<string, string | null>();

  /** The request parseRequest reads from the witness's text, or null where it refuses it. */
  build(t: WitnessTarget, headers: Readonly<Record<string, string>>): Request | null {
    const kind = SCHEMES[t.scheme];
    const names = Object.keys(headers);
    if (!kind || !VERB.test(t.method) || !PLAIN_PATH.test(t.path) || !PLAIN_HOST.test(t.host) || !(Number.isInteger(t.port) && t.port >= 1 && t.port <= 65535) || !names.every((n) => plainHeader(n, headers[n] ?? ''))) {
      return this.parsed(t, headers);
    }
    const host = this.host(t.host);
    if (host === null) return null;
    let method = t.method.toUpperCase();
    const rest: [string, string][] = names.map((n) => [n, headers[n] ?? '']);
    let grpc: Request['grpc'] = null;
    if (kind.protocol === 'grpc') {
      const g = GRPC_PATH.exec(t.path);
      if ((method !== 'GRPC' && method !== 'POST') || !g) return null;
      grpc = { service: g[1] ?? '', method: g[2] ?? '' };
      method = 'POST';
      if (!names.some((n) => n.toLowerCase() === 'content-type')) rest.push(['content-type', 'application/grpc']);
    }
    return { protocol: kind.protocol, method, scheme: t.scheme, host, authority: DEFAULT_PORTS[t.scheme] === t.port ? host : `${host}:${t.port}`, port: t.port, path: t.path, headers: rest, sni: kind.tls ? host : null, grpc };
  }

  private host(text: string): string | null {
    let h = this.hosts.get(text);
    if (h === undefined) {
      h = parseHost(text);
      this.hosts.set(text, h);
    }
    return h;
  }

  private parsed(t: WitnessTarget, headers: Readonly<Record<string, string>>): Request | null {
    const r = parseRequest(requestLine(t), Object.entries(headers).map(([k, v]) => `${k}: ${v}`));
    return r.ok ? r.request : null;
  }
}

/** A header parseRequest keeps as [name, value] unchanged and that is not Host (which readdresses the request). */
function plainHeader(name: string, value: string): boolean {
  return TOKEN.test(name) && name.toLowerCase() !== 'host' && PLAIN_VALUE.test(value);
}
