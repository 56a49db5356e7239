/**
 * The kinds Route Designer understands (DESIGN.md "The kinds"), with the versions each API
 * server serves. Gateway API v1.6.1 standard channel (`config/crd/standard/*.yaml`,
 * `spec.versions[].served`), plus the older versions the experimental channel still serves;
 * Istio 1.29 networking (`networking.istio.io` v1, v1beta1, v1alpha3); Kubernetes core v1.
 */
export type Family = 'gateway-api' | 'istio' | 'core' | 'other';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
export const ISTIO_GROUP = 'networking.istio.io';

export type GatewayKind =
  | 'GatewayClass'
  | 'Gateway'
  | 'ListenerSet'
  | 'HTTPRoute'
  | 'GRPCRoute'
  | 'TLSRoute'
  | 'TCPRoute'
  | 'UDPRoute'
  | 'ReferenceGrant'
  | 'BackendTLSPolicy';
export type IstioKind = 'Gateway' | 'VirtualService' | 'DestinationRule' | 'ServiceEntry';
export type CoreKind = 'Service' | 'Namespace' | 'Secret';
/** Core kinds read only as referenced data (a CA bundle in `ca.crt`, parameters): modelled, not in the palette. */
export type ReferencedCoreKind = 'ConfigMap';

export interface KindInfo {
  readonly family: Exclude<Family, 'other'>;
  readonly group: string;
  readonly kind: string;
  /** Versions served by the standard channel (or the only channel). */
  readonly served: readonly string[];
  /** Versions only the experimental channel still serves. */
  readonly experimental: readonly string[];
  readonly namespaced: boolean;
}

const GW = (kind: GatewayKind, served: string[], experimental: string[] = []): KindInfo => ({
  family: 'gateway-api',
  group: GATEWAY_GROUP,
  kind,
  served,
  experimental,
  namespaced: kind !== 'GatewayClass',
});
const IS = (kind: IstioKind): KindInfo => ({
  family: 'istio',
  group: ISTIO_GROUP,
  kind,
  served: ['v1', 'v1beta1', 'v1alpha3'],
  experimental: [],
  namespaced: true,
});
const CORE = (kind: CoreKind | ReferencedCoreKind): KindInfo => ({
  family: 'core',
  group: '',
  kind,
  served: ['v1'],
  experimental: [],
  namespaced: kind !== 'Namespace',
});

export const KINDS: readonly KindInfo[] = [
  GW('GatewayClass', ['v1', 'v1beta1']),
  GW('Gateway', ['v1', 'v1beta1']),
  GW('ListenerSet', ['v1']),
  GW('HTTPRoute', ['v1', 'v1beta1']),
  GW('GRPCRoute', ['v1']),
  GW('TLSRoute', ['v1'], ['v1alpha2', 'v1alpha3']),
  GW('TCPRoute', ['v1'], ['v1alpha2']),
  GW('UDPRoute', ['v1'], ['v1alpha2']),
  GW('ReferenceGrant', ['v1', 'v1beta1']),
  GW('BackendTLSPolicy', ['v1'], ['v1alpha3']),
  IS('Gateway'),
  IS('VirtualService'),
  IS('DestinationRule'),
  IS('ServiceEntry'),
  CORE('Service'),
  CORE('Namespace'),
  CORE('Secret'),
  CORE('ConfigMap'),
];

/** group → kind → info: a lookup builds no key string (it runs several times per resource). */
const BY_GROUP_KIND = new Map<string, Map<string, KindInfo>>();
for (const k of KINDS) {
  const kinds = BY_GROUP_KIND.get(k.group) ?? new Map<string, KindInfo>();
  kinds.set(k.kind, k);
  BY_GROUP_KIND.set(k.group, kinds);
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function kindInfo(group: string, kind: string): KindInfo | undefined {
  return BY_GROUP_KIND.get(group)?.get(kind);
}
