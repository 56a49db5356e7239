/**
 * Lookups over the published Gateway API conformance reports (data/conformance-data.js, generated
 * by `npm run gen:conformance`): which reports an implementation published, and what a report says
 * of one feature. Not behind src/core/index.ts yet (issue 14 wires it).
 */
import data, { type CatalogueEntry, type ConformanceData, type ReportData } from './data/conformance-data.js';

export type { CatalogueEntry, ConformanceData, ReportData };

export const CONFORMANCE: ConformanceData = data;

/**
 * Core features of the profile names reports used before v1.1 (gateway-api v1.0.0,
 * conformance/utils/suite/experimental_profiles.go: HTTP, TLS and MESH); later names come from
 * the generated `profileCore`.
 */
const LEGACY_PROFILE_CORE: { readonly [profile: string]: readonly string[] } = {
  HTTP: ['Gateway', 'ReferenceGrant', 'HTTPRoute'],
  TLS: ['Gateway', 'ReferenceGrant', 'TLSRoute'],
  MESH: ['Mesh'],
};

const INDEX = new Map(data.names.map((n, i) => [n, i]));

/** The feature catalogue entry of pkg/features, or undefined for a name it does not define. */
export function featureInfo(name: string): CatalogueEntry | undefined {
  const i = INDEX.get(name);
  return i === undefined ? undefined : data.catalogue[i];
}

/** The core features a profile requires (GATEWAY-HTTP → Gateway, ReferenceGrant, HTTPRoute). */
export function profileCoreFeatures(profile: string): readonly string[] {
  const ids = data.profileCore[profile];
  if (ids !== undefined) return ids.map((i) => data.names[i] ?? '');
  return LEGACY_PROFILE_CORE[profile] ?? [];
}

/** Each project with the implementation versions its reports name, in report order. */
export function implementations(): { readonly project: string; readonly organization: string; readonly versions: readonly string[] }[] {
  const out = new Map<string, { project: string; organization: string; versions: string[] }>();
  for (const r of data.reports) {
    const entry = out.get(r.project) ?? { project: r.project, organization: r.organization, versions: [] };
    if (!entry.versions.includes(r.version)) entry.versions.push(r.version);
    out.set(r.project, entry);
  }
  return [...out.values()];
}

/** A version folder (`v1.6`, `v1.2.1`) as numbers for ordering. */
function folderKey(folder: string): number[] {
  return folder.replace(/^v/, '').split('.').map((x) => Number.parseInt(x, 10) || 0);
}

function newerFirst(a: ReportData, b: ReportData): number {
  const ka = folderKey(a.folder);
  const kb = folderKey(b.folder);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const d = (kb[i] ?? 0) - (ka[i] ?? 0);
    if (d !== 0) return d;
  }
  return (b.date ?? '').localeCompare(a.date ?? '');
}

/** Every report of a project (and version, when given), newest gateway-api version first, then newest date. */
export function reportsFor(project: string, version?: string): ReportData[] {
  return data.reports.filter((r) => r.project === project && (version === undefined || r.version === version)).sort(newerFirst);
}

/** The newest report of a project (and version, when given). */
export function reportFor(project: string, version?: string): ReportData | undefined {
  return reportsFor(project, version)[0];
}

export type FeatureStatus = 'supported' | 'unsupported' | 'unreported';

/**
 * What a report says of a feature: `supported` when a profile lists it supported, or it is a core
 * feature of a profile whose core tests succeeded; `unsupported` when a profile lists it
 * unsupported and none supports it; otherwise `unreported`.
 */
export function featureStatus(report: ReportData, feature: string): FeatureStatus {
  const i = INDEX.get(feature);
  let unsupported = false;
  for (const p of report.profiles) {
    if (i !== undefined && p.supported.includes(i)) return 'supported';
    if (p.core === 'success' && profileCoreFeatures(p.name).includes(feature)) return 'supported';
    if (i !== undefined && p.unsupported.includes(i)) unsupported = true;
  }
  return unsupported ? 'unsupported' : 'unreported';
}
