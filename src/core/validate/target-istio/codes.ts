/** The codes of the Istio-release checks (index.ts), each documented in README.md "Target cluster". */
export const ISTIO_RELEASE_CODES = ['IstioFieldNotInRelease', 'IstioKindNotSupported', 'IstioKindAlphaOnly'] as const;
export type IstioReleaseCode = (typeof ISTIO_RELEASE_CODES)[number];
