/**
 * The kinds and versions we generate schemas for (DESIGN.md "The kinds"), each with the model
 * declaration file it is read from. TCPRoute and UDPRoute v1 have no v1 model: their v1 shape is
 * the v1alpha2 one (TOOLCHAIN.md "Schemas"), read from there under the v1 apiVersion.
 */
export interface Root {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Module specifier of the declaration file, resolved from the project root. */
  readonly module: string;
  /** The exported interface describing the object, e.g. `IHTTPRoute`. */
  readonly interfaceName: string;
}

const GW = 'gateway.networking.k8s.io';
const ISTIO = 'networking.istio.io';

function gateway(kind: string, version: string, modelVersion = version): Root {
  return { group: GW, version, kind, module: `@kubernetes-models/gateway-api/${GW}/${modelVersion}/${kind}`, interfaceName: `I${kind}` };
}

function istio(kind: string, version: string): Root {
  return { group: ISTIO, version, kind, module: `@kubernetes-models/istio/${ISTIO}/${version}/${kind}`, interfaceName: `I${kind}` };
}

function core(kind: string): Root {
  return { group: '', version: 'v1', kind, module: `kubernetes-models/v1/${kind}`, interfaceName: `I${kind}` };
}

export const ROOTS: readonly Root[] = [
  gateway('GatewayClass', 'v1'),
  gateway('GatewayClass', 'v1beta1'),
  gateway('Gateway', 'v1'),
  gateway('Gateway', 'v1beta1'),
  gateway('ListenerSet', 'v1'),
  gateway('HTTPRoute', 'v1'),
  gateway('HTTPRoute', 'v1beta1'),
  gateway('GRPCRoute', 'v1'),
  gateway('TLSRoute', 'v1'),
  gateway('TLSRoute', 'v1alpha2'),
  gateway('TLSRoute', 'v1alpha3'),
  gateway('TCPRoute', 'v1', 'v1alpha2'),
  gateway('TCPRoute', 'v1alpha2'),
  gateway('UDPRoute', 'v1', 'v1alpha2'),
  gateway('UDPRoute', 'v1alpha2'),
  gateway('ReferenceGrant', 'v1'),
  gateway('ReferenceGrant', 'v1beta1'),
  gateway('BackendTLSPolicy', 'v1'),
  gateway('BackendTLSPolicy', 'v1alpha3'),
  ...['v1', 'v1beta1', 'v1alpha3'].flatMap((v) => ['Gateway', 'VirtualService', 'DestinationRule', 'ServiceEntry'].map((k) => istio(k, v))),
  core('Service'),
  core('Namespace'),
  core('Secret'),
];

/** `group/version/Kind` (core: `v1/Kind`): how the generated files key a root. */
export function rootKey(group: string, version: string, kind: string): string {
  return `${group === '' ? '' : `${group}/`}${version}/${kind}`;
}
