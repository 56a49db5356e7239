/**
 * Reads an Istio Gateway (istio.md §2; istio/api networking/v1alpha3/gateway.proto).
 * Server hosts are sanitized as `pilot/pkg/model/gateway.go: sanitizeServerHostNamespace` does:
 * `./h` → `<gateway ns>/h`, `*\/h` → `h`, `*\/*` → `*`; a named namespace stays as `ns/h`.
 * `tls: {}` is mode PASSTHROUGH (the enum's zero value).
 */
import type { Resource } from '../../resources/types.js';
import { arr, bool, creationOf, num, rec, str } from '../read.js';
import type { IstioGatewayModel, ServerModel, TlsMode } from './model.js';
import { readStringMap, readStrings } from './read-common.js';

const TLS_MODES: readonly TlsMode[] = ['PASSTHROUGH', 'SIMPLE', 'MUTUAL', 'AUTO_PASSTHROUGH', 'ISTIO_MUTUAL', 'OPTIONAL_MUTUAL'];

export function sanitizeServerHosts(hosts: readonly string[], namespace: string): string[] {
  const out: string[] = [];
  for (const raw of hosts) {
    const h = raw.toLowerCase();
    const slash = h.indexOf('/');
    if (slash === -1) {
      out.push(h);
      continue;
    }
    const ns = h.slice(0, slash);
    const name = h.slice(slash + 1);
    if (ns === '.') out.push(`${namespace}/${name}`);
    else if (ns === '*') {
      if (name === '*') return ['*'];
      out.push(name);
    } else out.push(`${ns}/${name}`);
  }
  return out;
}

export function readIstioGateway(resource: Resource): IstioGatewayModel {
  const spec = rec(resource.object.spec);
  const gatewayName = `${resource.namespace}/${resource.name}`;
  const servers: ServerModel[] = arr(spec.servers).map((raw, index) => {
    const s = rec(raw);
    const port = rec(s.port);
    const tls = s.tls === undefined || s.tls === null ? null : rec(s.tls);
    const mode = str(tls?.mode);
    return {
      gateway: resource,
      gatewayName,
      index,
      path: `spec.servers[${index}]`,
      portNumber: num(port.number) ?? 0,
      protocol: (str(port.protocol) ?? '').toUpperCase(),
      portName: str(port.name) ?? '',
      name: str(s.name) ?? '',
      bind: str(s.bind) ?? '',
      hosts: sanitizeServerHosts(readStrings(s.hosts), resource.namespace),
      tlsMode: tls === null ? null : (TLS_MODES.find((m) => m === mode) ?? 'PASSTHROUGH'),
      httpsRedirect: bool(tls?.httpsRedirect),
    };
  });
  return {
    resource,
    name: gatewayName,
    selector: spec.selector === undefined || spec.selector === null ? null : readStringMap(spec.selector),
    servers,
    creationTimestamp: creationOf(resource.object),
  };
}

/** Protocols an HTTP connection manager serves (`protocol.Instance.IsHTTP`). HTTPS is not one of them. */
export function isHttpProtocol(protocol: string): boolean {
  return protocol === 'HTTP' || protocol === 'HTTP2' || protocol === 'GRPC' || protocol === 'GRPC-WEB' || protocol === 'HTTP_PROXY';
}

/** `gateway.IsTLSServer`: a non-HTTP server with a tls block (TLS, or HTTPS). */
export function isTlsServer(s: ServerModel): boolean {
  return s.tlsMode !== null && !isHttpProtocol(s.protocol);
}

export function isPassthrough(s: ServerModel): boolean {
  return s.tlsMode === 'PASSTHROUGH' || s.tlsMode === 'AUTO_PASSTHROUGH';
}

/** `gateway.IsHTTPServer`: HTTP-ish, or HTTPS terminating TLS. */
export function isHttpServer(s: ServerModel): boolean {
  return isHttpProtocol(s.protocol) || (s.protocol === 'HTTPS' && s.tlsMode !== null && !isPassthrough(s));
}

/** The Istio Gateways of a design, read as compile reads them, in design order. */
export function istioGateways(resources: readonly Resource[]): IstioGatewayModel[] {
  return resources.filter((r) => r.group === 'networking.istio.io' && r.kind === 'Gateway').map(readIstioGateway);
}
