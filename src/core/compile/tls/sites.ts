/**
 * Where a certificate is served: Gateway API listeners (`tls.certificateRefs` of a Gateway or a
 * ListenerSet listener, v1.6.1 `ListenerTLSConfig`) and Istio Gateway servers
 * (`tls.credentialName`/`credentialNames` of a SIMPLE, MUTUAL or OPTIONAL_MUTUAL server —
 * istio/api networking/v1 gateway.proto `ServerTLSSettings`; PASSTHROUGH, the default, serves
 * none). Each site names the hostnames it answers for and the certificate Secrets of the design.
 */
import { arr, rec, str } from '../read.js';
import { candidateSecrets } from '../istio/credentials.js';
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';

const GW = 'gateway.networking.k8s.io';
const TERMINATING = new Set(['SIMPLE', 'MUTUAL', 'OPTIONAL_MUTUAL']);

export interface TlsSite {
  readonly resource: Resource;
  /** 'listener https' or 'server 0 (port 443)'. */
  readonly label: string;
  /** The listener (`spec.listeners[i]`) or server (`spec.servers[i]`). */
  readonly path: FieldPath;
  readonly port: number | null;
  /** Exact or `*.` hostnames with the field each is written in; empty: any name (no hostname, or `*`). */
  readonly hostnames: readonly { readonly name: string; readonly path: FieldPath }[];
  /** The certificate Secrets of the design it references (absent ones are compile's to report). */
  readonly secrets: readonly Resource[];
}

export function tlsSites(resources: readonly Resource[]): TlsSite[] {
  const out: TlsSite[] = [];
  const secretsByKey = new Map<string, Resource>();
  for (const r of resources) if (r.group === '' && r.kind === 'Secret') secretsByKey.set(`${r.namespace}/${r.name}`, r);
  for (const r of resources) {
    if (r.group === GW && (r.kind === 'Gateway' || r.kind === 'ListenerSet')) out.push(...gatewayApiSites(r, secretsByKey));
    else if (r.kind === 'Gateway' && r.group === 'networking.istio.io') out.push(...istioSites(r, resources));
  }
  return out;
}

function gatewayApiSites(r: Resource, secrets: ReadonlyMap<string, Resource>): TlsSite[] {
  const out: TlsSite[] = [];
  arr(rec(r.object.spec).listeners).forEach((raw, i) => {
    const l = rec(raw);
    // Passthrough hands the TLS connection to the backend: no certificate of the listener is served.
    if (str(rec(l.tls).mode) === 'Passthrough') return;
    const refs = arr(rec(l.tls).certificateRefs).map(rec);
    if (refs.length === 0) return;
    const found = refs
      .filter((ref) => (str(ref.group) ?? '') === '' && (str(ref.kind) ?? 'Secret') === 'Secret')
      .map((ref) => secrets.get(`${str(ref.namespace) ?? r.namespace}/${str(ref.name) ?? ''}`))
      .filter((s): s is Resource => s !== undefined);
    const hostname = str(l.hostname);
    const path: FieldPath = ['spec', 'listeners', i];
    out.push({ resource: r, label: `listener ${str(l.name) ?? i}`, path, port: typeof l.port === 'number' ? l.port : null, hostnames: hostname ? [{ name: hostname, path: [...path, 'hostname'] }] : [], secrets: found });
  });
  return out;
}

function istioSites(r: Resource, resources: readonly Resource[]): TlsSite[] {
  const out: TlsSite[] = [];
  arr(rec(r.object.spec).servers).forEach((raw, i) => {
    const s = rec(raw);
    const tls = rec(s.tls);
    if (!TERMINATING.has(str(tls.mode) ?? '')) return;
    const names = [str(tls.credentialName), ...arr(tls.credentialNames).map(str)].filter((n): n is string => n !== null && n !== '');
    if (names.length === 0) return;
    const found = names.flatMap((text) => {
      const slash = text.indexOf('/');
      return candidateSecrets({ gateway: r, path: [], name: slash === -1 ? text : text.slice(slash + 1), namespace: slash === -1 ? null : text.slice(0, slash) }, resources);
    });
    const path: FieldPath = ['spec', 'servers', i];
    const hostnames = arr(s.hosts).flatMap((h, j) => {
      const text = str(h) ?? '';
      const host = text.includes('/') ? text.slice(text.indexOf('/') + 1) : text;
      return host === '' || host === '*' ? [] : [{ name: host, path: [...path, 'hosts', j] as FieldPath }];
    });
    const port = typeof rec(s.port).number === 'number' ? (rec(s.port).number as number) : null;
    out.push({ resource: r, label: `server ${str(rec(s.port).name) ?? i}${port === null ? '' : ` (port ${port})`}`, path, port, hostnames, secrets: found });
  });
  return out;
}
