/**
 * The certificate a terminating listener serves for the request's SNI (issue 13): among the
 * listener's certificate Secrets (the table's `certificates`, built from the design's facts), the
 * first whose leaf certificate covers the name (RFC 6125, compile/tls/hostnames.ts); when none
 * does, the first, said not to cover it. Passthrough listeners serve none (the backend does).
 */
import type { RouteTable } from '../compile/types.js';
import { certificateCovers } from '../compile/tls/hostnames.js';
import { listenerKey } from '../compile/tls/served.js';
import type { Decision, Request } from './types.js';

/** The certificate of an answer, as `simulate` prints it. */
export interface ServedCertificate {
  readonly secret: { readonly namespace: string; readonly name: string };
  /** The name the client asked for: its SNI (the host without one). */
  readonly sni: string;
  /** Null when the certificate cannot be read (see `unread`). */
  readonly subject: string | null;
  /** DNS and IP subject alternative names. */
  readonly names: readonly string[];
  /** ISO 8601; null when unread. */
  readonly notAfter: string | null;
  /** Whether it covers `sni`; null when unread. */
  readonly covers: boolean | null;
  readonly unread?: string;
}

const PASSTHROUGH = new Set(['Passthrough', 'PASSTHROUGH', 'AUTO_PASSTHROUGH']);

export function withServedCertificate(table: RouteTable, request: Request, d: Decision): Decision {
  if (!table.certificates || d.gateway === null || d.listener === null) return d;
  if (request.protocol !== 'tls' && request.scheme !== 'https' && request.scheme !== 'grpcs') return d;
  const listener = table.gateways
    .filter((g) => g.ref.namespace === d.gateway?.namespace && g.ref.name === d.gateway.name)
    .flatMap((g) => g.ports.get(request.port)?.listeners ?? [])
    .find((l) => l.name === d.listener);
  if (!listener || PASSTHROUGH.has(listener.tlsMode ?? '')) return d;
  const candidates = table.certificates.get(listenerKey(listener.provenance.resource, listener.provenance.path)) ?? [];
  if (candidates.length === 0) return d;
  const sni = request.sni ?? request.host;
  const chosen = candidates.find((c) => c.leaf && certificateCovers(c.leaf, sni)) ?? candidates[0];
  if (!chosen) return d;
  const certificate: ServedCertificate = chosen.leaf
    ? { secret: { namespace: chosen.namespace, name: chosen.name }, sni, subject: chosen.leaf.subject, names: [...chosen.leaf.dnsNames, ...chosen.leaf.ipAddresses], notAfter: chosen.leaf.notAfter, covers: certificateCovers(chosen.leaf, sni) }
    : { secret: { namespace: chosen.namespace, name: chosen.name }, sni, subject: null, names: [], notAfter: null, covers: null, unread: chosen.unread ?? 'cannot read' };
  return { ...d, certificate };
}

/**
 * One line for people: `Secret default/shop-tls (shop.example.com, *.example.com; until
 * 2027-03-01, 84 days left) — covers shop.example.com`. `now` gives the days left (null: omitted).
 */
export function servedCertificateText(c: ServedCertificate, now: Date | null): string {
  const secret = `Secret ${c.secret.namespace}/${c.secret.name}`;
  if (c.notAfter === null) return `${secret} — ${c.unread ?? 'cannot read'}`;
  const left = now === null ? null : Math.floor((Date.parse(c.notAfter) - now.getTime()) / 86_400_000);
  const until = `until ${c.notAfter.slice(0, 10)}${left === null ? '' : left < 0 ? ', expired' : `, ${left} day${left === 1 ? '' : 's'} left`}`;
  const names = c.names.length > 0 ? c.names.join(', ') : `no subject alternative name, subject ${c.subject ?? ''}`;
  return `${secret} (${names}; ${until}) — ${c.covers ? `covers ${c.sni}` : `does not cover ${c.sni}: clients that check the name refuse it`}`;
}
