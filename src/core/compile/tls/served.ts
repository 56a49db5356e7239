/**
 * Which certificates each TLS-terminating listener (or Istio server) would serve, for the
 * simulator's answer (simulate/served-certificate.ts): built once with the table, keyed by the
 * listener's object and field (`<resource id>#spec.listeners[0]`, as ListenerEntry.provenance).
 */
import type { CertificateFacts } from '../../resources/certificate-facts.js';
import { formatPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { tlsSites } from './sites.js';

/** A certificate Secret of a listener: its leaf certificate's facts, or why they cannot be read. */
export interface ListenerCertificate {
  readonly namespace: string;
  readonly name: string;
  readonly leaf: CertificateFacts | null;
  /** With `leaf: null`: why (redacted before this session, not decodable, not well-formed). */
  readonly unread?: string;
}

export type CertificateIndex = ReadonlyMap<string, readonly ListenerCertificate[]>;

export const listenerKey = (resourceId: string, path: string): string => `${resourceId}#${path}`;

export function certificateIndex(resources: readonly Resource[]): CertificateIndex {
  const out = new Map<string, ListenerCertificate[]>();
  for (const site of tlsSites(resources)) {
    if (site.secrets.length === 0) continue;
    out.set(listenerKey(site.resource.id, formatPath(site.path)), site.secrets.map(listenerCertificate));
  }
  return out;
}

function listenerCertificate(secret: Resource): ListenerCertificate {
  const base = { namespace: secret.namespace, name: secret.name };
  const v = secret.secretFacts?.['tls.crt'];
  if (v?.state === 'valid' && v.certificates?.[0]) return { ...base, leaf: v.certificates[0] };
  const unread =
    v?.state === 'unknown' ? 'cannot read: redacted before this session' : v?.state === 'invalid' ? `cannot read: ${v.problem}` : v?.state === 'valid' && v.unreadable ? `cannot read: ${v.unreadable}` : 'it has no tls.crt';
  return { ...base, leaf: null, unread };
}
