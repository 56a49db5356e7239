import { PALETTE, type PaletteKind } from '../../core/index';

/** The drag data a palette item carries: its kind, under a type of our own (files are another gesture). */
export const PALETTE_MIME = 'application/x-route-designer-kind';

export function paletteKindOf(data: DataTransfer | null): PaletteKind | null {
  const kind = data?.getData(PALETTE_MIME);
  return PALETTE.find((p) => p.kind === kind)?.kind ?? null;
}

export function carriesPaletteKind(data: DataTransfer | null): boolean {
  return data !== null && Array.from(data.types).includes(PALETTE_MIME);
}

/** The palette's families, in the order the canvas reads: Gateway API, Istio, Kubernetes. */
export const PALETTE_GROUPS = [
  { family: 'gateway-api', title: 'Gateway API' },
  { family: 'istio', title: 'Istio' },
  { family: 'core', title: 'Kubernetes' },
] as const;

/** What each kind is for, shown as the item's title. */
export const PALETTE_HINTS: Readonly<Record<PaletteKind, string>> = {
  Gateway: 'Listeners where traffic enters (HTTP, HTTPS, TLS, TCP, UDP)',
  HTTPRoute: 'HTTP rules: matches, filters, weighted backends',
  GRPCRoute: 'gRPC rules: service/method matches, backends',
  TLSRoute: 'TLS passthrough by SNI',
  TCPRoute: 'TCP connections to backends',
  UDPRoute: 'UDP datagrams to backends',
  ListenerSet: 'Listeners added to a Gateway by another team',
  ReferenceGrant: 'Allows references from another namespace',
  BackendTLSPolicy: 'TLS from the gateway to a backend',
  GatewayClass: 'The controller that implements Gateways',
  IstioGateway: 'Istio ingress servers (ports, hosts, TLS)',
  VirtualService: 'Istio routes, tried in order',
  DestinationRule: 'Subsets (versions) and policies of a host',
  ServiceEntry: 'A host outside the mesh',
  Service: 'A backend: ports of a set of pods',
  Namespace: 'A namespace (labels select routes)',
  Secret: 'A TLS certificate (values are placeholders)',
};

/** Each kind's mark on the narrow rail (its full name is the button's accessible name and tooltip). */
export const PALETTE_MARKS: Readonly<Record<PaletteKind, string>> = {
  Gateway: 'GW',
  HTTPRoute: 'HTTP',
  GRPCRoute: 'gRPC',
  TLSRoute: 'TLS',
  TCPRoute: 'TCP',
  UDPRoute: 'UDP',
  ListenerSet: 'LS',
  ReferenceGrant: 'RG',
  BackendTLSPolicy: 'BTP',
  GatewayClass: 'GC',
  IstioGateway: 'GW',
  VirtualService: 'VS',
  DestinationRule: 'DR',
  ServiceEntry: 'SE',
  Service: 'Svc',
  Namespace: 'NS',
  Secret: 'Sec',
};
