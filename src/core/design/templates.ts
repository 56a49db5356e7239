import { GATEWAY_GROUP, ISTIO_GROUP, type CoreKind, type GatewayKind, type IstioKind } from '../resources/kinds.js';
import type { KubeObject } from '../resources/types.js';

/**
 * A new object of each kind in the palette: the smallest object the API server accepts, so a
 * freshly dropped node is valid from the first keystroke (fields the schema requires, CEL-valid).
 */
export type PaletteKind = GatewayKind | IstioPaletteKind | CoreKind;

/** The Istio kinds in the palette: Istio's `Gateway` is `IstioGateway` here, apart from the Gateway API's. */
type IstioPaletteKind = 'IstioGateway' | Exclude<IstioKind, 'Gateway'>;

export const PALETTE: readonly { readonly kind: PaletteKind; readonly family: 'gateway-api' | 'istio' | 'core'; readonly label: string }[] = [
  { kind: 'Gateway', family: 'gateway-api', label: 'Gateway' },
  { kind: 'HTTPRoute', family: 'gateway-api', label: 'HTTPRoute' },
  { kind: 'GRPCRoute', family: 'gateway-api', label: 'GRPCRoute' },
  { kind: 'TLSRoute', family: 'gateway-api', label: 'TLSRoute' },
  { kind: 'TCPRoute', family: 'gateway-api', label: 'TCPRoute' },
  { kind: 'UDPRoute', family: 'gateway-api', label: 'UDPRoute' },
  { kind: 'ListenerSet', family: 'gateway-api', label: 'ListenerSet' },
  { kind: 'ReferenceGrant', family: 'gateway-api', label: 'ReferenceGrant' },
  { kind: 'BackendTLSPolicy', family: 'gateway-api', label: 'BackendTLSPolicy' },
  { kind: 'GatewayClass', family: 'gateway-api', label: 'GatewayClass' },
  { kind: 'IstioGateway', family: 'istio', label: 'Gateway (Istio)' },
  { kind: 'VirtualService', family: 'istio', label: 'VirtualService' },
  { kind: 'DestinationRule', family: 'istio', label: 'DestinationRule' },
  { kind: 'ServiceEntry', family: 'istio', label: 'ServiceEntry' },
  { kind: 'Service', family: 'core', label: 'Service' },
  { kind: 'Namespace', family: 'core', label: 'Namespace' },
  { kind: 'Secret', family: 'core', label: 'Secret (TLS)' },
];

const GW_V1 = `${GATEWAY_GROUP}/v1`;
const IS_V1 = `${ISTIO_GROUP}/v1`;

export function newObject(kind: PaletteKind, namespace: string, name: string): KubeObject {
  const metadata = kind === 'GatewayClass' || kind === 'Namespace' ? { name } : { name, namespace };
  const gw = (k: string, spec: KubeObject): KubeObject => ({ apiVersion: GW_V1, kind: k, metadata, spec });
  const is = (k: string, spec: KubeObject): KubeObject => ({ apiVersion: IS_V1, kind: k, metadata, spec });
  const backend = { name: 'backend', port: 8080 };
  switch (kind) {
    case 'GatewayClass':
      return gw('GatewayClass', { controllerName: 'example.com/gateway-controller' });
    case 'Gateway':
      return gw('Gateway', { gatewayClassName: 'istio', listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] });
    case 'ListenerSet':
      return gw('ListenerSet', { parentRef: { name: 'gateway' }, listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }] });
    case 'HTTPRoute':
      return gw('HTTPRoute', { rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }] });
    case 'GRPCRoute':
      return gw('GRPCRoute', { rules: [{}] });
    case 'TLSRoute':
      return gw('TLSRoute', { hostnames: ['app.example.com'], rules: [{ backendRefs: [{ ...backend, port: 443 }] }] });
    case 'TCPRoute':
      return gw('TCPRoute', { rules: [{ backendRefs: [backend] }] });
    case 'UDPRoute':
      return gw('UDPRoute', { rules: [{ backendRefs: [{ ...backend, port: 53 }] }] });
    case 'ReferenceGrant':
      return gw('ReferenceGrant', { from: [{ group: GATEWAY_GROUP, kind: 'HTTPRoute', namespace: 'default' }], to: [{ group: '', kind: 'Service' }] });
    case 'BackendTLSPolicy':
      return gw('BackendTLSPolicy', { targetRefs: [{ group: '', kind: 'Service', name: 'backend' }], validation: { hostname: 'backend.example.com', wellKnownCACertificates: 'System' } });
    case 'IstioGateway':
      return is('Gateway', { selector: { istio: 'ingressgateway' }, servers: [{ port: { number: 80, name: 'http', protocol: 'HTTP' }, hosts: ['*'] }] });
    case 'VirtualService':
      return is('VirtualService', { hosts: ['app.example.com'], http: [{ route: [{ destination: { host: 'backend' } }] }] });
    case 'DestinationRule':
      return is('DestinationRule', { host: 'backend', subsets: [{ name: 'v1', labels: { version: 'v1' } }] });
    case 'ServiceEntry':
      return is('ServiceEntry', { hosts: ['api.external.example.com'], location: 'MESH_EXTERNAL', resolution: 'DNS', ports: [{ number: 443, name: 'https', protocol: 'TLS' }] });
    case 'Service':
      return { apiVersion: 'v1', kind: 'Service', metadata, spec: { selector: { app: name }, ports: [{ name: 'http', port: 8080, targetPort: 8080 }] } };
    case 'Namespace':
      return { apiVersion: 'v1', kind: 'Namespace', metadata };
    case 'Secret':
      return { apiVersion: 'v1', kind: 'Secret', metadata, type: 'kubernetes.io/tls', data: { 'tls.crt': 'UkVEQUNURUQ=', 'tls.key': 'UkVEQUNURUQ=' } };
  }
}
