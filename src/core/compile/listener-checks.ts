/**
 * Listener validity (gateway-api.md §2.4, §3.2, §9.3): supported protocol, route kinds,
 * certificate references, conflicts across the merged Gateway + ListenerSet list, overlapping TLS.
 */
import { GW, type CompileContext } from './context.js';
import { intersectHostnames } from './hostname.js';
import { SUPPORTED_PROTOCOLS, kindsForProtocol, type ListenerModel } from './listener-model.js';
import { keyPairProblem } from './certificates.js';

export function checkListeners(ctx: CompileContext, listeners: readonly ListenerModel[]): void {
  for (const l of listeners) {
    checkProtocolAndKinds(l);
    checkCertificates(ctx, l);
  }
  checkConflicts(listeners);
}

function checkProtocolAndKinds(l: ListenerModel): void {
  if (!SUPPORTED_PROTOCOLS.includes(l.protocol)) {
    l.problems.push({ condition: 'Accepted', reason: 'UnsupportedProtocol', message: `protocol ${l.protocol} is not supported` });
    l.supportedKinds = [];
    return;
  }
  const { defaults, valid } = kindsForProtocol(l.protocol);
  const asked = l.allowedRoutes.kinds;
  if (asked === null) {
    l.supportedKinds = defaults.map((kind) => ({ group: GW, kind }));
    return;
  }
  const ok = asked.filter((k) => k.group === GW && valid.includes(k.kind));
  l.supportedKinds = ok;
  const bad = asked.filter((k) => !ok.includes(k));
  if (bad.length > 0) {
    l.problems.push({
      condition: 'ResolvedRefs',
      reason: 'InvalidRouteKinds',
      message: `route kinds not supported on a ${l.protocol} listener: ${bad.map((k) => `${k.group}/${k.kind}`).join(', ')}`,
    });
  }
}

/**
 * HTTPS and TLS Terminate listeners need certificate Secrets (gateway-api.md §9.3, §3.4): a core
 * Secret, granted when in another namespace (RefNotPermitted), present, with well-formed PEM in
 * tls.crt and tls.key (InvalidCertificateRef: v1.6.1 `ListenerReasonInvalidCertificateRef`, "the
 * data within that resource is malformed").
 */
function checkCertificates(ctx: CompileContext, l: ListenerModel): void {
  if (l.tlsMode !== 'Terminate') return;
  l.certificateRefs.forEach((ref, k) => {
    const p = keyPairProblem(ctx, l.owner, ref);
    if (!p) return;
    const at = { resource: l.owner, path: ['spec', 'listeners', l.index, 'tls', 'certificateRefs', k] };
    l.problems.push({ condition: 'ResolvedRefs', reason: p.cause === 'grant' ? 'RefNotPermitted' : 'InvalidCertificateRef', message: `certificateRef ${ref.namespace}/${ref.name}: ${p.message}`, at });
  });
}

/** TLS-based protocols can share a port (SNI tells them apart); plain HTTP and TCP cannot share with others. */
function family(protocol: string): string {
  if (protocol === 'HTTPS' || protocol === 'TLS') return 'tls';
  if (protocol === 'UDP') return 'udp';
  return protocol.toLowerCase();
}

/**
 * gateway-api.md §2.4: listeners on one port with incompatible protocols → ProtocolConflict; same
 * port, protocol and hostname → HostnameConflict. Among a Gateway's own listeners every party is
 * rejected; a ListenerSet entry loses to any earlier listener (the precedence order of §2.1).
 * UDP is a separate transport and never clashes with TCP-based listeners.
 */
function checkConflicts(listeners: readonly ListenerModel[]): void {
  const conflicted = new Set<ListenerModel>();
  for (let i = 0; i < listeners.length; i++) {
    const l = listeners[i] as ListenerModel;
    if (!SUPPORTED_PROTOCOLS.includes(l.protocol)) continue;
    for (let j = 0; j < i; j++) {
      const e = listeners[j] as ListenerModel;
      if (e.port !== l.port || !SUPPORTED_PROTOCOLS.includes(e.protocol)) continue;
      const fl = family(l.protocol);
      const fe = family(e.protocol);
      if ((fl === 'udp') !== (fe === 'udp')) continue;
      let reason: string | null = null;
      if (fl !== fe || fl === 'tcp') reason = fl === fe && e.protocol === l.protocol ? 'HostnameConflict' : 'ProtocolConflict';
      else if ((fl === 'tls' || e.protocol === l.protocol) && (e.hostname ?? '') === (l.hostname ?? '')) reason = 'HostnameConflict';
      if (reason === null) {
        if (fl === 'tls' && e.hostname !== null && l.hostname !== null && intersectHostnames(e.hostname, l.hostname) !== null) {
          e.overlappingTls = true;
          l.overlappingTls = true;
        }
        continue;
      }
      const ownVsOwn = e.owner === e.gateway && l.owner === l.gateway;
      if (ownVsOwn) mark(e, reason, l, conflicted);
      if (ownVsOwn || !conflicted.has(e)) mark(l, reason, e, conflicted);
    }
  }
}

function mark(l: ListenerModel, reason: string, other: ListenerModel, conflicted: Set<ListenerModel>): void {
  if (conflicted.has(l)) return;
  conflicted.add(l);
  const what = reason === 'HostnameConflict' ? `same port ${l.port}, protocol and hostname` : `port ${l.port} with incompatible protocol ${other.protocol}`;
  l.problems.push({ condition: 'Conflicted', reason, message: `conflicts with listener ${other.name} of ${other.owner.kind} ${other.owner.namespace}/${other.owner.name} (${what})` });
}
