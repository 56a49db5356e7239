import { validate as gwBackendTLSPolicyV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1BackendTLSPolicy';
import { validate as gwGRPCRouteV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1GRPCRoute';
import { validate as gwGatewayV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1Gateway';
import { validate as gwGatewayClassV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1GatewayClass';
import { validate as gwHTTPRouteV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1HTTPRoute';
import { validate as gwListenerSetV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1ListenerSet';
import { validate as gwReferenceGrantV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1ReferenceGrant';
import { validate as gwTLSRouteV1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1TLSRoute';
import { validate as gwTCPRouteV1alpha2 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2TCPRoute';
import { validate as gwTLSRouteV1alpha2 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2TLSRoute';
import { validate as gwUDPRouteV1alpha2 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha2UDPRoute';
import { validate as gwBackendTLSPolicyV1alpha3 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha3BackendTLSPolicy';
import { validate as gwTLSRouteV1alpha3 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1alpha3TLSRoute';
import { validate as gwGatewayV1beta1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1Gateway';
import { validate as gwGatewayClassV1beta1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1GatewayClass';
import { validate as gwHTTPRouteV1beta1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1HTTPRoute';
import { validate as gwReferenceGrantV1beta1 } from '@kubernetes-models/gateway-api/_schemas/IoK8sSigsGatewayApiApisV1beta1ReferenceGrant';
import { DestinationRule as IstioDestinationRuleV1 } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import { Gateway as IstioGatewayV1 } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import { ServiceEntry as IstioServiceEntryV1 } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import { VirtualService as IstioVirtualServiceV1 } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import { DestinationRule as IstioDestinationRuleV1alpha3 } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/DestinationRule';
import { Gateway as IstioGatewayV1alpha3 } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/Gateway';
import { ServiceEntry as IstioServiceEntryV1alpha3 } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/ServiceEntry';
import { VirtualService as IstioVirtualServiceV1alpha3 } from '@kubernetes-models/istio/networking.istio.io/v1alpha3/VirtualService';
import { DestinationRule as IstioDestinationRuleV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/DestinationRule';
import { Gateway as IstioGatewayV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway';
import { ServiceEntry as IstioServiceEntryV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/ServiceEntry';
import { VirtualService as IstioVirtualServiceV1beta1 } from '@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService';
import { validate as coreNamespaceV1 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Namespace';
import { validate as coreSecretV1 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Secret';
import { validate as coreServiceV1 } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Service';

/** An error as the models' pre-compiled ajv validators report it. */
export interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: { readonly [key: string]: unknown };
}

/** Validates a whole object; returns its errors, or null when it is valid. */
export type RawValidator = (data: unknown) => readonly AjvError[] | null;

/** A pre-compiled ajv function (`validate.errors` holds the last run's errors). */
function raw(fn: (data: unknown) => boolean): RawValidator {
  const withErrors = fn as ((data: unknown) => boolean) & { errors?: readonly AjvError[] | null };
  return (data) => (withErrors(data) ? null : (withErrors.errors ?? []));
}

/**
 * The Istio package does not export its `_schemas/*` functions; its models install them as
 * `prototype.validate`, which throws an error carrying ajv's `errors`. Calling it on the plain
 * object skips the model's constructor (a deep copy); only a failure costs the throw.
 */
function viaModel(model: { readonly prototype: { validate(): void } }): RawValidator {
  const validate = model.prototype.validate;
  return (data) => {
    try {
      validate.call(data);
      return null;
    } catch (e) {
      const errors = e !== null && typeof e === 'object' && 'errors' in e ? e.errors : undefined;
      if (Array.isArray(errors)) return errors as AjvError[];
      throw e;
    }
  };
}

export interface KindValidator {
  readonly validate: RawValidator;
  /** The apiVersion the validator was generated for, when it differs from the object's own. */
  readonly asApiVersion?: string;
}

const GW = 'gateway.networking.k8s.io';
const ISTIO = 'networking.istio.io';

/** `group/version/Kind` (core: `v1/Kind`) → validator. Kinds absent here get no schema check. */
export const VALIDATORS: ReadonlyMap<string, KindValidator> = new Map<string, KindValidator>([
  [`${GW}/v1/GatewayClass`, { validate: raw(gwGatewayClassV1) }],
  [`${GW}/v1beta1/GatewayClass`, { validate: raw(gwGatewayClassV1beta1) }],
  [`${GW}/v1/Gateway`, { validate: raw(gwGatewayV1) }],
  [`${GW}/v1beta1/Gateway`, { validate: raw(gwGatewayV1beta1) }],
  [`${GW}/v1/ListenerSet`, { validate: raw(gwListenerSetV1) }],
  [`${GW}/v1/HTTPRoute`, { validate: raw(gwHTTPRouteV1) }],
  [`${GW}/v1beta1/HTTPRoute`, { validate: raw(gwHTTPRouteV1beta1) }],
  [`${GW}/v1/GRPCRoute`, { validate: raw(gwGRPCRouteV1) }],
  [`${GW}/v1/TLSRoute`, { validate: raw(gwTLSRouteV1) }],
  [`${GW}/v1alpha2/TLSRoute`, { validate: raw(gwTLSRouteV1alpha2) }],
  [`${GW}/v1alpha3/TLSRoute`, { validate: raw(gwTLSRouteV1alpha3) }],
  // TCPRoute and UDPRoute v1 have no v1 model; their v1 shape is v1alpha2's (TOOLCHAIN.md).
  [`${GW}/v1/TCPRoute`, { validate: raw(gwTCPRouteV1alpha2), asApiVersion: `${GW}/v1alpha2` }],
  [`${GW}/v1alpha2/TCPRoute`, { validate: raw(gwTCPRouteV1alpha2) }],
  [`${GW}/v1/UDPRoute`, { validate: raw(gwUDPRouteV1alpha2), asApiVersion: `${GW}/v1alpha2` }],
  [`${GW}/v1alpha2/UDPRoute`, { validate: raw(gwUDPRouteV1alpha2) }],
  [`${GW}/v1/ReferenceGrant`, { validate: raw(gwReferenceGrantV1) }],
  [`${GW}/v1beta1/ReferenceGrant`, { validate: raw(gwReferenceGrantV1beta1) }],
  [`${GW}/v1/BackendTLSPolicy`, { validate: raw(gwBackendTLSPolicyV1) }],
  [`${GW}/v1alpha3/BackendTLSPolicy`, { validate: raw(gwBackendTLSPolicyV1alpha3) }],
  [`${ISTIO}/v1/Gateway`, { validate: viaModel(IstioGatewayV1) }],
  [`${ISTIO}/v1/VirtualService`, { validate: viaModel(IstioVirtualServiceV1) }],
  [`${ISTIO}/v1/DestinationRule`, { validate: viaModel(IstioDestinationRuleV1) }],
  [`${ISTIO}/v1/ServiceEntry`, { validate: viaModel(IstioServiceEntryV1) }],
  [`${ISTIO}/v1beta1/Gateway`, { validate: viaModel(IstioGatewayV1beta1) }],
  [`${ISTIO}/v1beta1/VirtualService`, { validate: viaModel(IstioVirtualServiceV1beta1) }],
  [`${ISTIO}/v1beta1/DestinationRule`, { validate: viaModel(IstioDestinationRuleV1beta1) }],
  [`${ISTIO}/v1beta1/ServiceEntry`, { validate: viaModel(IstioServiceEntryV1beta1) }],
  [`${ISTIO}/v1alpha3/Gateway`, { validate: viaModel(IstioGatewayV1alpha3) }],
  [`${ISTIO}/v1alpha3/VirtualService`, { validate: viaModel(IstioVirtualServiceV1alpha3) }],
  [`${ISTIO}/v1alpha3/DestinationRule`, { validate: viaModel(IstioDestinationRuleV1alpha3) }],
  [`${ISTIO}/v1alpha3/ServiceEntry`, { validate: viaModel(IstioServiceEntryV1alpha3) }],
  ['v1/Service', { validate: raw(coreServiceV1) }],
  ['v1/Namespace', { validate: raw(coreNamespaceV1) }],
  ['v1/Secret', { validate: raw(coreSecretV1) }],
]);

/** The key both VALIDATORS and the generated field index use. */
export function kindKey(group: string, version: string, kind: string): string {
  return `${group === '' ? '' : `${group}/`}${version}/${kind}`;
}
