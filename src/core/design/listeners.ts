import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { appendItem, setField } from './fields.js';
import { setAt } from './immutable.js';

/**
 * Listener edits of a Gateway or ListenerSet, and server edits of an Istio Gateway. Each keeps
 * the object valid: an HTTPS listener gets a TLS block with a certificate reference, a plain one
 * loses it (CEL: gateway-listener-tls-certificate-required, gateway-listener-tls-forbidden).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listener
 */
export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP';
export const LISTENER_PROTOCOLS: readonly ListenerProtocol[] = ['HTTP', 'HTTPS', 'TLS', 'TCP', 'UDP'];

export interface ListenerPreset {
  readonly protocol: ListenerProtocol;
  readonly port: number;
  readonly hostname?: string;
  /** Secret name for HTTPS (default `<gateway>-tls`). */
  readonly certificateRef?: string;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nameOf = (object: KubeObject): string => String(isRecord(object.metadata) ? object.metadata.name : 'gateway');

function uniqueListenerName(listeners: readonly unknown[], base: string): string {
  const taken = new Set(listeners.map((l) => (isRecord(l) ? l.name : undefined)));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function tlsFor(object: KubeObject, protocol: ListenerProtocol, certificateRef?: string): KubeObject | undefined {
  if (protocol === 'HTTPS') return { mode: 'Terminate', certificateRefs: [{ name: certificateRef ?? `${nameOf(object)}-tls` }] };
  if (protocol === 'TLS') return { mode: 'Passthrough' };
  return undefined;
}

export function addListener(object: KubeObject, preset: ListenerPreset): KubeObject {
  const listeners = list(getAt(object, ['spec', 'listeners']));
  const listener: KubeObject = { name: uniqueListenerName(listeners, preset.protocol.toLowerCase()), protocol: preset.protocol, port: preset.port };
  if (preset.hostname) listener.hostname = preset.hostname;
  const tls = tlsFor(object, preset.protocol, preset.certificateRef);
  if (tls) listener.tls = tls;
  return appendItem(object, ['spec', 'listeners'], listener);
}

/** Changes a listener's protocol and its TLS block with it (an existing certificate is kept for HTTPS). */
export function setListenerProtocol(object: KubeObject, index: number, protocol: ListenerProtocol): KubeObject {
  const at = ['spec', 'listeners', index] as const;
  const current = getAt(object, [...at, 'tls']);
  const keep = protocol === 'HTTPS' && isRecord(current) && list(current.certificateRefs).length > 0;
  const next = setAt(object, [...at, 'protocol'], protocol);
  return keep ? setAt(next, [...at, 'tls', 'mode'], 'Terminate') : setField(next, [...at, 'tls'], tlsFor(object, protocol));
}

/** Names the (first) certificate Secret of a listener. */
export function setCertificateRef(object: KubeObject, index: number, secretName: string): KubeObject {
  return setField(object, ['spec', 'listeners', index, 'tls', 'certificateRefs', 0, 'name'], secretName);
}

/** Istio Gateway: a server (`port`, `hosts`; HTTPS with a credential). @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server */
export function addServer(object: KubeObject, preset: { protocol: 'HTTP' | 'HTTPS'; port: number; hosts?: readonly string[]; credentialName?: string }): KubeObject {
  const servers = list(getAt(object, ['spec', 'servers']));
  const names = servers.map((s) => (isRecord(s) && isRecord(s.port) ? s.port.name : undefined));
  const base = preset.protocol.toLowerCase();
  let name = base;
  for (let n = 2; names.includes(name); n++) name = `${base}-${n}`;
  const server: KubeObject = { port: { number: preset.port, name, protocol: preset.protocol }, hosts: [...(preset.hosts ?? ['*'])] };
  if (preset.protocol === 'HTTPS') server.tls = { mode: 'SIMPLE', credentialName: preset.credentialName ?? `${nameOf(object)}-tls` };
  return appendItem(object, ['spec', 'servers'], server);
}
