// Written by hand for src/tools/gen-conformance.ts's output (conformance-data.js). Do not generate.
/** A feature name, as an index into `names`. */
export type NameIndex = number;

export interface CatalogueEntry {
  /** From the Go set that lists it: `…CoreFeatures` → core, `…ExtendedFeatures` → extended. */
  readonly level: 'core' | 'extended' | null;
  readonly channel: 'standard' | 'experimental' | null;
  readonly set: string | null;
  /** The comment above the feature's constant in pkg/features. */
  readonly doc: string;
}

export interface ProfileData {
  /** GATEWAY-HTTP, MESH-HTTP… (HTTP, TLS, MESH in reports before v1.1). */
  readonly name: string;
  readonly core: string | null;
  readonly extended: string | null;
  readonly supported: readonly NameIndex[];
  readonly unsupported: readonly NameIndex[];
}

export interface ReportData {
  /** The gateway-api version folder: v1.6, v1.2.1… */
  readonly folder: string;
  /** `<implementation folder>/<report file>` under the version folder. */
  readonly file: string;
  readonly apiVersion: string | null;
  readonly organization: string;
  readonly project: string;
  readonly version: string;
  readonly date: string | null;
  readonly mode: string | null;
  readonly channel: string | null;
  readonly gatewayAPIVersion: string | null;
  readonly profiles: readonly ProfileData[];
}

export interface ConformanceData {
  readonly source: { readonly repo: string; readonly commit: string; readonly date: string };
  /** Every feature name: the catalogue's first (catalogue[i] describes names[i]), then names only reports use. */
  readonly names: readonly string[];
  readonly catalogue: readonly CatalogueEntry[];
  /** Profile name → the core features it requires (conformance/utils/suite/profiles.go). */
  readonly profileCore: { readonly [profile: string]: readonly NameIndex[] };
  readonly reports: readonly ReportData[];
  /** Files under conformance/reports that are not readable reports, and why. */
  readonly skipped: readonly { readonly path: string; readonly why: string }[];
}

declare const data: ConformanceData;
export default data;
