/** Diagnostics of the Istio compiler (what istiod would reject, ignore or warn about), documented in the README. */
export const ISTIO_CODES = [
  'IstioGatewayNotFound',
  'IstioVirtualServiceNotExported',
  'IstioServerDuplicateTlsHost',
  'IstioServerPortConflict',
  'IstioServerDuplicatePortName',
  'IstioDelegateNotFound',
  'IstioDelegateNotExported',
  'IstioDelegateNested',
  'IstioDelegateMatchConflict',
  'IstioDuplicateSni',
  'IstioRedirectCodeUnsupported',
  'IstioTotalWeightZero',
  'IstioRuleWithoutAction',
] as const;
export type IstioCode = (typeof ISTIO_CODES)[number];
