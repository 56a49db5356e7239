/**
 * Pure parsing for `npm run gen:conformance` (src/tools/gen-conformance.ts): one conformance report
 * (conformance/reports/<version>/<implementation>/*.yaml in kubernetes-sigs/gateway-api) into a
 * record, and the feature definitions of pkg/features/*.go and the profiles' core features of
 * conformance/utils/suite/profiles.go into a catalogue. Only facts are extracted (names, levels,
 * channels, results); no upstream code is copied.
 *
 * Report formats seen (apiVersion gateway.networking.k8s.io/v1alpha1 from v0.7.1, v1 from v1.1):
 * - `profiles[]` with `name`, `core.result`, `extended.result` (one v1.1.0 report writes
 *   `extended.status` instead), `extended.supportedFeatures`/`unsupportedFeatures` (either may be
 *   absent; `extended` itself is absent when the run was core only);
 * - `gatewayAPIChannel` and `mode` from v1.1 on;
 * - the first v0.7.1 draft used `profileReports`: not readable, reported as skipped.
 */
import { load } from 'js-yaml';

export interface ProfileRecord {
  readonly name: string;
  readonly core: string | null;
  readonly extended: string | null;
  readonly supported: readonly string[];
  readonly unsupported: readonly string[];
}

export interface ReportRecord {
  /** The gateway-api version folder (`v1.6`, `v1.2.1`). */
  readonly folder: string;
  /** The path under the version folder: `<implementation folder>/<file>`. */
  readonly file: string;
  readonly apiVersion: string | null;
  readonly organization: string;
  readonly project: string;
  readonly version: string;
  readonly date: string | null;
  readonly mode: string | null;
  readonly gatewayAPIChannel: string | null;
  readonly gatewayAPIVersion: string | null;
  readonly profiles: readonly ProfileRecord[];
}

export type ParsedReport = { readonly ok: true; readonly report: ReportRecord } | { readonly ok: false; readonly why: string };

type Obj = { readonly [key: string]: unknown };

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  // js-yaml reads an unquoted timestamp as a Date.
  if (v instanceof Date) return v.toISOString();
  return null;
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** One report file's text → its record, or why it cannot be read. */
export function parseReport(folder: string, file: string, text: string): ParsedReport {
  let doc: unknown;
  try {
    doc = load(text);
  } catch (e) {
    return { ok: false, why: `YAML error: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}` };
  }
  if (!isObj(doc)) return { ok: false, why: 'not a YAML mapping' };
  if (doc.kind !== 'ConformanceReport') return { ok: false, why: `kind is ${JSON.stringify(doc.kind ?? null)}, not ConformanceReport` };
  if (!Array.isArray(doc.profiles)) {
    return { ok: false, why: 'profileReports' in doc ? 'draft format (profileReports), no profiles[]' : 'no profiles[]' };
  }
  const impl = isObj(doc.implementation) ? doc.implementation : {};
  const project = str(impl.project);
  if (project === null) return { ok: false, why: 'no implementation.project' };
  const profiles: ProfileRecord[] = [];
  for (const p of doc.profiles) {
    if (!isObj(p) || str(p.name) === null) return { ok: false, why: 'a profile without a name' };
    const core = isObj(p.core) ? p.core : {};
    const ext = isObj(p.extended) ? p.extended : null;
    profiles.push({
      name: str(p.name) ?? '',
      core: str(core.result),
      extended: ext === null ? null : str(ext.result) ?? str(ext.status),
      supported: ext === null ? [] : names(ext.supportedFeatures),
      unsupported: ext === null ? [] : names(ext.unsupportedFeatures),
    });
  }
  return {
    ok: true,
    report: {
      folder,
      file,
      apiVersion: str(doc.apiVersion),
      organization: str(impl.organization) ?? '',
      project,
      version: str(impl.version) ?? '',
      date: str(doc.date),
      mode: str(doc.mode),
      gatewayAPIChannel: str(doc.gatewayAPIChannel),
      gatewayAPIVersion: str(doc.gatewayAPIVersion),
      profiles,
    },
  };
}

export interface FeatureRecord {
  readonly name: string;
  /** From the name of the set it is in: `…CoreFeatures` → core, `…ExtendedFeatures` → extended. */
  readonly level: 'core' | 'extended' | null;
  readonly channel: 'standard' | 'experimental' | null;
  /** The Go set that lists it (e.g. HTTPRouteExtendedFeatures). */
  readonly set: string | null;
  /** The comment above its constant, joined. */
  readonly doc: string;
}

export interface GoSource {
  readonly file: string;
  readonly text: string;
}

const CONST_RE = /^\s*(Support\w+)(?:\s+FeatureName)?\s*=\s*"(\w+)"/;
const FEATURE_RE = /(\w+)\s*=\s*Feature\{\s*Name:\s*(\w+),\s*Channel:\s*(\w+),?\s*\}/g;
const SET_RE = /var\s+(\w+)\s*=\s*sets\.New(?:\[\w+\])?\(([^)]*)\)/g;

/** The constants `SupportX = "X"` with their comments, across the files. */
export function featureConstants(sources: readonly GoSource[]): Map<string, { name: string; doc: string }> {
  const out = new Map<string, { name: string; doc: string }>();
  for (const s of sources) {
    const lines = s.text.split('\n');
    lines.forEach((line, i) => {
      const m = CONST_RE.exec(line);
      if (!m || m[1] === undefined || m[2] === undefined) return;
      const doc: string[] = [];
      for (let j = i - 1; j >= 0; j--) {
        const c = /^\s*\/\/\s?(.*)$/.exec(lines[j] ?? '');
        if (!c) break;
        doc.unshift((c[1] ?? '').trim());
      }
      out.set(m[1], { name: m[2], doc: doc.join(' ').trim() });
    });
  }
  return out;
}

/** Every feature of pkg/features/*.go: name, level, channel, set, doc. Sorted by name. */
export function parseFeatures(sources: readonly GoSource[]): FeatureRecord[] {
  const consts = featureConstants(sources);
  const vars = new Map<string, { constant: string; channel: FeatureRecord['channel'] }>();
  const setOf = new Map<string, string>();
  for (const s of sources) {
    for (const m of s.text.matchAll(FEATURE_RE)) {
      const channel = m[3] === 'FeatureChannelStandard' ? 'standard' : m[3] === 'FeatureChannelExperimental' ? 'experimental' : null;
      vars.set(m[1] ?? '', { constant: m[2] ?? '', channel });
    }
    for (const m of s.text.matchAll(SET_RE)) {
      for (const member of (m[2] ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '')) setOf.set(member, m[1] ?? '');
    }
  }
  const out = new Map<string, FeatureRecord>();
  for (const [varName, v] of vars) {
    const c = consts.get(v.constant);
    if (c === undefined) throw new Error(`feature ${varName} names ${v.constant}, which no constant defines`);
    const set = setOf.get(varName) ?? null;
    const level = set === null ? null : /Core/.test(set) ? 'core' : /Extended/.test(set) ? 'extended' : null;
    out.set(c.name, { name: c.name, level, channel: v.channel, set, doc: c.doc });
  }
  for (const [constant, c] of consts) {
    if (!out.has(c.name)) throw new Error(`constant ${constant} ("${c.name}") has no Feature{} value`);
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const PROFILE_NAME_RE = /(\w+ConformanceProfileName)\s+ConformanceProfileName\s*=\s*"([\w-]+)"/g;
const PROFILE_CORE_RE = /Name:\s*(\w+ConformanceProfileName),\s*CoreFeatures:\s*sets\.New(?:\[[\w.]+\])?\(([^)]*)\)/g;

/** Each profile name (GATEWAY-HTTP…) → the core features its `CoreFeatures` set names. */
export function parseProfileCores(profilesGo: string, constants: Map<string, { name: string }>): Record<string, string[]> {
  const names = new Map<string, string>();
  for (const m of profilesGo.matchAll(PROFILE_NAME_RE)) names.set(m[1] ?? '', m[2] ?? '');
  const out: Record<string, string[]> = {};
  for (const m of profilesGo.matchAll(PROFILE_CORE_RE)) {
    const profile = names.get(m[1] ?? '');
    if (profile === undefined) throw new Error(`profile ${m[1] ?? ''} has no name constant`);
    out[profile] = (m[2] ?? '')
      .split(',')
      .map((x) => x.trim().replace(/^features\./, ''))
      .filter((x) => x !== '')
      .map((x) => {
        const c = constants.get(x);
        if (c === undefined) throw new Error(`profile ${profile} names ${x}, which pkg/features does not define`);
        return c.name;
      });
  }
  return out;
}
