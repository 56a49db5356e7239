/**
 * analyzeIstio: the traffic checks `istioctl analyze` makes (istio/istio
 * pkg/config/analysis/analyzers), each in its own file named after what it reports. Every
 * diagnostic carries the istioctl message code (`istioCode`). Problems compile already reports
 * with the same meaning (IstioGatewayNotFound ≈ IST0101) are not repeated here.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { analyzeConflictingGateways } from './conflicting-gateways.js';
import { analyzeConflictingMeshGatewayHosts } from './conflicting-mesh-gateway-hosts.js';
import { analyzeConflictingPortProtocol } from './conflicting-port-protocol.js';
import { analyzeCredentialNotFound } from './credential-not-found.js';
import { analyzeDestinationHosts } from './destination-host-not-found.js';
import { analyzeDestinationPorts } from './destination-port.js';
import { analyzeDuplicateCertificate } from './duplicate-certificate.js';
import { analyzeHostsNotInGateway } from './host-not-in-gateway.js';
import { analyzeInternalGatewayReferences } from './internal-gateway-reference.js';
import { analyzeInvalidCredential } from './invalid-credential.js';
import { analyzeNoCaCertificate } from './no-ca-certificate.js';
import { analyzeServiceEntryAddresses } from './service-entry-addresses.js';
import { analyzeSubsets } from './subset-not-found.js';
import type { IstioAnalysisInput, IstioAnalyzer } from './types.js';

/** Every analyzer, run in this order. */
const ANALYZERS: readonly IstioAnalyzer[] = [
  analyzeInternalGatewayReferences,
  analyzeHostsNotInGateway,
  analyzeDestinationHosts,
  analyzeDestinationPorts,
  analyzeSubsets,
  analyzeConflictingMeshGatewayHosts,
  analyzeConflictingGateways,
  analyzeDuplicateCertificate,
  analyzeCredentialNotFound,
  analyzeInvalidCredential,
  analyzeServiceEntryAddresses,
  analyzeConflictingPortProtocol,
  analyzeNoCaCertificate,
];

/** The codes analyzeIstio reports (each documented in README.md "What `istioctl analyze` reports"). */
export const ISTIO_ANALYZE_CODES = [
  'IstioInternalGatewayReference',
  'IstioHostNotInGateway',
  'IstioDestinationHostNotFound',
  'IstioDestinationPortRequired',
  'IstioDestinationPortNotFound',
  'IstioSubsetNotFound',
  'IstioConflictingMeshGatewayHosts',
  'IstioConflictingGateways',
  'IstioDuplicateCertificate',
  'IstioCredentialNotFound',
  'IstioInvalidCredential',
  'IstioServiceEntryAddressesRequired',
  'IstioConflictingPortProtocol',
  'IstioDestinationRuleNoCaCertificate',
  'IstioDestinationRulePortNoCaCertificate',
] as const;
export type IstioAnalyzeCode = (typeof ISTIO_ANALYZE_CODES)[number];

export function analyzeIstio(input: IstioAnalysisInput): Diagnostic[] {
  return ANALYZERS.flatMap((analyze) => analyze(input));
}
