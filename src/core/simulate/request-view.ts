/** A request prepared once for matching: path without query, headers by lower-case name, query. */
import { parseQuery } from './match/query-match.js';
import type { RegexTests } from './implementation-regex.js';
import type { TargetView } from './implementation-target.js';
import type { MeshClient, Request } from './types.js';

export interface RequestView {
  readonly request: Request;
  /** Path without the query. */
  readonly path: string;
  /** Lower-case name → value; repeated headers comma-joined (RFC 7230; not for set-cookie). */
  readonly headers: ReadonlyMap<string, string>;
  readonly repeated: readonly string[];
  readonly query: ReadonlyMap<string, readonly string[]>;
  readonly client: MeshClient | null;
  /** Only with SimulateOptions.target: the implementation whose choices the simulator follows. */
  readonly target?: TargetView;
  /** Only when the target's implementation reads regexes otherwise than RE2 full match. */
  readonly regex?: RegexTests;
}

export function viewOf(request: Request, client: MeshClient | null): RequestView {
  const headers = new Map<string, string>();
  const repeated: string[] = [];
  for (const [n, v] of request.headers) {
    const name = n.toLowerCase();
    const prev = headers.get(name);
    if (prev === undefined) headers.set(name, v);
    else {
      headers.set(name, name === 'set-cookie' ? `${prev}\n${v}` : `${prev},${v}`);
      if (!repeated.includes(name)) repeated.push(name);
    }
  }
  const q = request.path.indexOf('?');
  const path = request.grpc ? `/${request.grpc.service}/${request.grpc.method}` : q === -1 ? request.path : request.path.slice(0, q);
  return { request, path, headers, repeated, query: parseQuery(request.path), client };
}
