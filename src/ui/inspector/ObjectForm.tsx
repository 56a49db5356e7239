import { GATEWAY_GROUP, ISTIO_GROUP, type Resource } from '../../core/index';
import type { Target } from './field-model';
import { BackendTlsPolicyForm } from './BackendTlsPolicyForm';
import { GatewayClassForm } from './GatewayClassForm';
import { GatewayForm } from './GatewayForm';
import { DestinationRuleForm, IstioGatewayForm, ServiceForm } from './IstioForms';
import { ReferenceGrantForm } from './ReferenceGrantForm';
import { RouteForm } from './RouteForm';
import { SecretFactsView } from './SecretFactsView';
import { ServiceEntryForm } from './ServiceEntryForm';
import { VirtualServiceForm } from './VirtualServiceForm';

const ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

/** The form for one object, by kind; kinds without one are edited in the YAML. */
export function ObjectForm({ resource }: { resource: Resource }) {
  const target: Target = { id: resource.id, object: resource.object };
  const { group, kind } = resource;
  if (group === GATEWAY_GROUP && (kind === 'Gateway' || kind === 'ListenerSet')) return <GatewayForm target={target} kind={kind} />;
  if (group === GATEWAY_GROUP && ROUTES.has(kind)) return <RouteForm target={target} kind={kind} />;
  if (group === GATEWAY_GROUP && kind === 'GatewayClass') return <GatewayClassForm target={target} />;
  if (group === GATEWAY_GROUP && kind === 'ReferenceGrant') return <ReferenceGrantForm target={target} />;
  if (group === GATEWAY_GROUP && kind === 'BackendTLSPolicy') return <BackendTlsPolicyForm target={target} />;
  if (group === ISTIO_GROUP && kind === 'VirtualService') return <VirtualServiceForm target={target} />;
  if (group === ISTIO_GROUP && kind === 'Gateway') return <IstioGatewayForm target={target} />;
  if (group === ISTIO_GROUP && kind === 'DestinationRule') return <DestinationRuleForm target={target} />;
  if (group === ISTIO_GROUP && kind === 'ServiceEntry') return <ServiceEntryForm target={target} />;
  if (group === '' && kind === 'Service') return <ServiceForm target={target} />;
  if (group === '' && kind === 'Secret') return <SecretFactsView resource={resource} />;
  return <p className="rd-hint">Edit this {kind} in the YAML; it is validated the same way.</p>;
}
