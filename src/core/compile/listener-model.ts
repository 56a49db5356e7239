/**
 * Listeners as the compiler sees them: read from a Gateway or a ListenerSet with the CRD defaults
 * (gateway-api.md §11.2: allowedRoutes `{namespaces: {from: Same}}`, tls.mode Terminate, kinds'
 * group gateway.networking.k8s.io), plus what later steps find out about them.
 */
import type { FieldPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import { GW } from './context.js';
import { arr, num, rec, str } from './read.js';
import type { SupportedKind } from './types.js';

export interface CertificateRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
}

export interface AllowedRoutes {
  readonly from: string;
  readonly selector: unknown;
  /** null = the protocol's default kinds. */
  readonly kinds: readonly SupportedKind[] | null;
}

/** A problem that keeps a listener from being programmed: the condition it sets and why. */
export interface ListenerProblem {
  readonly condition: 'Accepted' | 'ResolvedRefs' | 'Conflicted';
  readonly reason: string;
  readonly message: string;
  /** The field that causes it, when it is not the listener itself (a certificateRef, a Gateway's CA reference). */
  readonly at?: { readonly resource: Resource; readonly path: FieldPath };
}

export interface ListenerModel {
  /** The Gateway or ListenerSet that declares it. */
  readonly owner: Resource;
  /** The Gateway whose data plane serves it. */
  readonly gateway: Resource;
  readonly index: number;
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  readonly hostname: string | null;
  readonly tlsMode: 'Terminate' | 'Passthrough' | null;
  readonly certificateRefs: readonly CertificateRef[];
  readonly allowedRoutes: AllowedRoutes;
  /** Filled by listener checks. */
  supportedKinds: SupportedKind[];
  problems: ListenerProblem[];
  overlappingTls: boolean;
}

export function readListeners(owner: Resource, gateway: Resource): ListenerModel[] {
  return arr(rec(owner.object.spec).listeners).map((raw, index) => {
    const l = rec(raw);
    const protocol = str(l.protocol) ?? '';
    const tls = l.tls === undefined ? null : rec(l.tls);
    const hostname = str(l.hostname);
    const ar = rec(l.allowedRoutes);
    const ns = rec(ar.namespaces);
    const kinds = Array.isArray(ar.kinds)
      ? ar.kinds.map((k) => ({ group: str(rec(k).group) ?? GW, kind: str(rec(k).kind) ?? '' }))
      : null;
    const tlsMode = tls === null ? null : str(tls.mode) === 'Passthrough' ? 'Passthrough' : 'Terminate';
    return {
      owner,
      gateway,
      index,
      name: str(l.name) ?? `#${index}`,
      port: num(l.port) ?? 0,
      protocol,
      hostname: hostname === '' ? null : (hostname?.toLowerCase() ?? null),
      tlsMode: protocol === 'HTTP' || protocol === 'TCP' || protocol === 'UDP' ? null : (tlsMode ?? (protocol === 'HTTPS' ? 'Terminate' : null)),
      certificateRefs: arr(tls?.certificateRefs).map((c) => {
        const ref = rec(c);
        return { group: str(ref.group) ?? '', kind: str(ref.kind) ?? 'Secret', namespace: str(ref.namespace) ?? owner.namespace, name: str(ref.name) ?? '' };
      }),
      allowedRoutes: { from: str(ns.from) ?? 'Same', selector: ns.selector, kinds },
      supportedKinds: [],
      problems: [],
      overlappingTls: false,
    };
  });
}

/** Route kinds a listener protocol can carry; the first ones are its defaults (gateway-api.md §3.2). */
export function kindsForProtocol(protocol: string): { defaults: readonly string[]; valid: readonly string[] } {
  switch (protocol) {
    case 'HTTP':
    case 'HTTPS':
      return { defaults: ['HTTPRoute', 'GRPCRoute'], valid: ['HTTPRoute', 'GRPCRoute'] };
    case 'TLS':
      return { defaults: ['TLSRoute'], valid: ['TLSRoute', 'TCPRoute'] };
    case 'TCP':
      return { defaults: ['TCPRoute'], valid: ['TCPRoute'] };
    case 'UDP':
      return { defaults: ['UDPRoute'], valid: ['UDPRoute'] };
    default:
      return { defaults: [], valid: [] };
  }
}

export const SUPPORTED_PROTOCOLS: readonly string[] = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];

/** Serves traffic: no Accepted/ResolvedRefs/Conflicted problem. */
export function listenerServes(l: ListenerModel): boolean {
  return l.problems.length === 0;
}
