/**
 * What changed in Istio 1.22 … 1.29 that a design can meet (issue 14 scope 6): the Gateway API
 * release each Istio minor is built against and the Gateway API kinds it translates, the Istio API
 * fields each minor added, and the behaviour defaults that flipped. Facts, each with its source:
 *
 * - go.mod: `sigs.k8s.io/gateway-api` in istio/istio's go.mod at the tag named.
 * - kinds: `pilotStableGatewayAPI` (always) and `pilotGatewayAPI` (with
 *   `PILOT_ENABLE_ALPHA_GATEWAY_API=true`, pilot/pkg/features/experimental.go) in istio/istio
 *   pkg/config/schema/collections/collections.gen.go, selected by collections/extras.go.
 * - CRD: istio/api kubernetes/customresourcedefinitions.gen.yaml at the minor's x.y.0 tag (the
 *   same schemas as istio/istio manifests/charts/base/{crds,files}/crd-all.gen.yaml there; no
 *   field changed in any later patch up to 1.22.8 … 1.29.6).
 * - notes: istio/istio releasenotes/notes/<file> first present at the x.y.0 tag (the change notes
 *   istio.io publishes for that release).
 * Measured on the istio/istio and istio/api mirrors of 2026-08 (tags 1.21.0 … 1.30.0).
 */
import { RELEASES } from './availability.js';

export type IstioMinor = '1.22' | '1.23' | '1.24' | '1.25' | '1.26' | '1.27' | '1.28' | '1.29';

/** How a Gateway API kind is handled by an Istio release. */
export type IstioKindSupport = 'stable' | 'alpha' | 'none';

export interface IstioGatewayApiSupport {
  /** go.mod's `sigs.k8s.io/gateway-api` at x.y.0. */
  readonly builtAgainst: string;
  /** go.mod's at the newest patch of the mirror (`1.28.10` → v1.4.1), which the release line ships. */
  readonly newestPatch: { readonly tag: string; readonly gatewayApi: string };
  /** Kinds translated by default (pilotStableGatewayAPI). */
  readonly stable: readonly string[];
  /** Kinds translated only with PILOT_ENABLE_ALPHA_GATEWAY_API=true (pilotGatewayAPI minus the stable ones). */
  readonly alpha: readonly string[];
  /** The Gateway API conformance report Istio published for this line, if any (kubernetes-sigs/gateway-api). */
  readonly report: string | null;
}

export interface IstioReleaseFacts {
  readonly minor: IstioMinor;
  /** Commit date of the x.y.0 tag in istio/istio. */
  readonly released: string;
  readonly gatewayApi: IstioGatewayApiSupport;
  /** networking.istio.io versions the CRDs serve, and the stored one (CRD `served` / `storage`). */
  readonly networking: { readonly served: readonly string[]; readonly storage: string };
}

// Stable in every release 1.22 … 1.29 (collections.gen.go pilotStableGatewayAPI). Mesh (Service
// parentRefs, GAMMA) is stable since 1.22 with Gateway API v1.1 (istio.io/latest/blog/2024/gateway-mesh-ga/);
// the reports list MESH-HTTP with only MeshClusterIPMatching unsupported.
const CORE_KINDS = ['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant'];
// Alpha in every release 1.22 … 1.29 (pilotGatewayAPI). UDPRoute is watched but has no translation
// in pilot/pkg/config/kube/gateway (no UDPRoute conversion there at 1.29.0).
const ALPHA_ROUTES = ['TCPRoute', 'TLSRoute', 'UDPRoute'];
// 1.26 notes backend-policies.yaml: "initial support for the experimental Gateway API BackendTLSPolicy
// and XBackendTrafficPolicy ... require PILOT_ENABLE_ALPHA_GATEWAY_API=true" (gvk: BackendTLSPolicy v1alpha3).
const ALPHA_126 = [...ALPHA_ROUTES, 'BackendTLSPolicy', 'XBackendTrafficPolicy'];
// 1.27: pilotGatewayAPI gains XListenerSet (gateway.networking.x-k8s.io/v1alpha1, not the v1 ListenerSet
// of Gateway API v1.5, which istio/istio first lists at 1.30.0).
const ALPHA_127 = [...ALPHA_126, 'XListenerSet'];
// 1.28 notes gtw-140.yaml: "Upgraded Gateway API support to v1.4. This introduces support for
// BackendTLSPolicy v1"; v1alpha3 support removed, and the alpha flag is no longer needed for it.
const STABLE_128 = [...CORE_KINDS, 'BackendTLSPolicy'];
const ALPHA_128 = [...ALPHA_ROUTES, 'XBackendTrafficPolicy', 'XListenerSet'];

// CRD served/storage: v1 is served from 1.22 (istio.io/latest/blog/2024/v1-apis/: "promote these APIs to
// v1 in Istio 1.22"; security.istio.io PeerAuthentication also gains v1 at 1.22, AuthorizationPolicy and
// RequestAuthentication already served it at 1.21). Storage moves from v1beta1 to v1 at 1.27.
const SERVED = ['v1', 'v1beta1', 'v1alpha3'];
const OLD_STORAGE = { served: SERVED, storage: 'v1beta1' };
const NEW_STORAGE = { served: SERVED, storage: 'v1' };

const REPORTS = 'conformance/reports';

export const ISTIO_RELEASE_FACTS: readonly IstioReleaseFacts[] = [
  {
    minor: '1.22',
    released: '2024-05-10',
    gatewayApi: { builtAgainst: 'v1.1.0', newestPatch: { tag: '1.22.8', gatewayApi: 'v1.1.0' }, stable: CORE_KINDS, alpha: ALPHA_ROUTES, report: `${REPORTS}/v1.1.0/istio-istio/experimental-1.22-default-report.yaml` },
    networking: OLD_STORAGE,
  },
  {
    minor: '1.23',
    released: '2024-08-11',
    gatewayApi: { builtAgainst: 'v1.1.0', newestPatch: { tag: '1.23.6', gatewayApi: 'v1.1.0' }, stable: CORE_KINDS, alpha: ALPHA_ROUTES, report: null },
    networking: OLD_STORAGE,
  },
  {
    minor: '1.24',
    released: '2024-11-05',
    gatewayApi: { builtAgainst: 'v1.2.0', newestPatch: { tag: '1.24.6', gatewayApi: 'v1.2.1' }, stable: CORE_KINDS, alpha: ALPHA_ROUTES, report: `${REPORTS}/v1.2.1/istio-istio/experimental-1.24-default-report.yaml` },
    networking: OLD_STORAGE,
  },
  {
    minor: '1.25',
    released: '2025-02-25',
    gatewayApi: { builtAgainst: 'v1.2.1', newestPatch: { tag: '1.25.5', gatewayApi: 'v1.2.1' }, stable: CORE_KINDS, alpha: ALPHA_ROUTES, report: null },
    networking: OLD_STORAGE,
  },
  {
    minor: '1.26',
    released: '2025-05-06',
    // 1.26.0 pinned a v1.3.0-rc.1 pseudo-version (v1.3.0-rc.1.0.20250404104637-92efbedcc2b4).
    gatewayApi: { builtAgainst: 'v1.3.0-rc.1', newestPatch: { tag: '1.26.8', gatewayApi: 'v1.3.0' }, stable: CORE_KINDS, alpha: ALPHA_126, report: `${REPORTS}/v1.3.0/istio-istio/experimental-1.26.1-default-report.yaml` },
    networking: OLD_STORAGE,
  },
  {
    minor: '1.27',
    released: '2025-08-08',
    gatewayApi: { builtAgainst: 'v1.3.0', newestPatch: { tag: '1.27.9', gatewayApi: 'v1.3.0' }, stable: CORE_KINDS, alpha: ALPHA_127, report: null },
    networking: NEW_STORAGE,
  },
  {
    minor: '1.28',
    released: '2025-10-30',
    gatewayApi: { builtAgainst: 'v1.4.0', newestPatch: { tag: '1.28.10', gatewayApi: 'v1.4.1' }, stable: STABLE_128, alpha: ALPHA_128, report: `${REPORTS}/v1.4.0/istio-istio/1.28.0-default-report.yaml` },
    networking: NEW_STORAGE,
  },
  {
    minor: '1.29',
    released: '2026-02-10',
    gatewayApi: { builtAgainst: 'v1.4.0', newestPatch: { tag: '1.29.6', gatewayApi: 'v1.4.1' }, stable: STABLE_128, alpha: ALPHA_128, report: null },
    networking: NEW_STORAGE,
  },
];

/** The facts of an Istio minor (`1.24`, `1.24.3`, `v1.24`), or undefined outside 1.22 … 1.29. */
export function istioRelease(minor: string): IstioReleaseFacts | undefined {
  const m = minor.trim().replace(/^v/, '').split('.').slice(0, 2).join('.');
  return ISTIO_RELEASE_FACTS.find((f) => f.minor === m);
}

/**
 * The Gateway API release (one of availability.ts RELEASES) an Istio minor supports: the release its
 * newest patch is built against, or the newest of RELEASES before it, or — when the data starts
 * later (Istio 1.22/1.23 are built against v1.1.0, the data starts at v1.2.0) — the oldest of
 * RELEASES. Undefined for an unknown minor.
 */
export function gatewayApiReleaseOfIstio(minor: string): string | undefined {
  const facts = istioRelease(minor);
  if (facts === undefined) return undefined;
  const want = versionNumbers(facts.gatewayApi.newestPatch.gatewayApi);
  const atOrBefore = RELEASES.filter((r) => compareVersions(versionNumbers(r), want) <= 0);
  return atOrBefore.at(-1) ?? RELEASES[0];
}

/** Whether an Istio minor translates a Gateway API kind by default, only behind the alpha flag, or not at all. */
export function istioGatewayApiKindSupport(minor: string, kind: string): IstioKindSupport | undefined {
  const facts = istioRelease(minor);
  if (facts === undefined) return undefined;
  if (facts.gatewayApi.stable.includes(kind)) return 'stable';
  return facts.gatewayApi.alpha.includes(kind) ? 'alpha' : 'none';
}

/** `1.22` before `1.3`? No: minors compare numerically. */
export function compareIstioMinors(a: string, b: string): number {
  return compareVersions(versionNumbers(a), versionNumbers(b));
}

function versionNumbers(v: string): number[] {
  return v.replace(/^v/, '').split(/[.-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
