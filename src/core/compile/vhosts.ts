/**
 * Virtual hosts of one listener (or mesh port): one per effective hostname. A vhost holds the
 * entries of every route whose hostname serves it — its own domain, and the less specific
 * wildcards and "any" that cover it — so that precedence across all routes of the listener
 * (gateway-api.md §4.6, hostname first) is resolved inside the one vhost the host selects.
 */
import { wildcardSuffixes } from './hostname.js';
import { instantiate, type EntryTemplate } from './entry-template.js';
import { buildPathIndex } from './path-index.js';
import { sortEntries } from './precedence.js';
import type { HostIndex, PathIndex, RouteEntry, VirtualHost } from './types.js';

/** One attached route: its templates and the hostnames (after intersection) it serves; '*' = any. */
export interface VhostInput {
  readonly key: string;
  readonly templates: readonly EntryTemplate[];
  readonly hostnames: readonly string[];
}

export function buildVhost(domain: string, entries: RouteEntry[], order: VirtualHost['order'] = 'precedence'): VirtualHost {
  const sorted = order === 'precedence' ? sortEntries(entries) : entries;
  // Built on first read: only a large vhost's walk reads it (the simulator and the reach analysis
  // scan small ones in order), and a design has a vhost per hostname, most of them small.
  let pathIndex: PathIndex | undefined;
  return {
    domain,
    entries: sorted,
    get pathIndex(): PathIndex {
      return (pathIndex ??= buildPathIndex(sorted));
    },
    order,
  };
}

export function buildHostIndex(inputs: readonly VhostInput[]): HostIndex {
  const byDomain = new Map<string, VhostInput[]>();
  let wildcards = false;
  for (const input of inputs) {
    for (const h of input.hostnames) {
      if (h.startsWith('*.')) wildcards = true;
      const list = byDomain.get(h);
      if (list) list.push(input);
      else byDomain.set(h, [input]);
    }
  }
  const exact = new Map<string, VirtualHost>();
  const wildcard = new Map<string, VirtualHost>();
  const anyInputs = byDomain.get('*');
  let any: VirtualHost | null = null;
  for (const [domain, own] of byDomain) {
    // The domain itself, then every wildcard covering it (most specific first), then "any". The
    // wildcard names are only formed when some route serves a wildcard (a design of exact
    // hostnames, one vhost each, forms none).
    const seen = new Set<string>();
    const entries: RouteEntry[] = [];
    add(own, domain, seen, entries);
    if (domain !== '*') {
      if (wildcards) for (const s of wildcardSuffixes(domain)) add(byDomain.get(`*${s}`), `*${s}`, seen, entries);
      add(anyInputs, '*', seen, entries);
    }
    const vhost = buildVhost(domain, entries);
    if (domain === '*') any = vhost;
    else if (domain.startsWith('*.')) wildcard.set(domain.slice(1), vhost);
    else exact.set(domain, vhost);
  }
  return { exact, wildcard, any };
}

/** The entries of `inputs` (served through hostname `d`) not yet in the vhost. */
function add(inputs: readonly VhostInput[] | undefined, d: string, seen: Set<string>, entries: RouteEntry[]): void {
  if (inputs === undefined) return;
  for (const input of inputs) {
    if (seen.has(input.key)) continue;
    seen.add(input.key);
    for (const t of input.templates) entries.push(instantiate(t, d));
  }
}

export const EMPTY_HOSTS: HostIndex = { exact: new Map(), wildcard: new Map(), any: null };
