/**
 * The cluster a design is meant for (issue 14): a Gateway API release and channel, optionally an
 * implementation and its release (judged by its published conformance report), optionally an
 * Istio release. Written on the command line as `--target gateway-api=v1.5,channel=standard,
 * implementation=cilium@1.20,istio=1.24`, each part optional; the app saves the same text with
 * the design.
 *
 * Default: the newest Gateway API release of the data, experimental channel, no implementation
 * (the simulated controller that supports everything), no Istio release (the newest behaviour).
 */
import { RELEASES, resolveRelease, type Channel } from './availability.js';
import { reportsFor, implementations, type ReportData } from './reports.js';

export type { Channel };

/** What was asked, part by part (each optional), as `parseTarget` reads it. */
export interface TargetSpec {
  /** `v1.5`, `v1.5.1`, `1.5`. */
  readonly gatewayApi?: string;
  readonly channel?: Channel;
  /** `cilium`, `cilium@1.20`, `istio@v1.28` (the report's `implementation.project`). */
  readonly implementation?: string;
  /** `1.24` (Istio's own APIs and behaviour). */
  readonly istio?: string;
}

/** The implementation a target names, with the conformance report it is judged by. */
export interface ImplementationTarget {
  readonly project: string;
  /** The version asked (`1.20`), without a leading v; null = its newest report. */
  readonly asked: string | null;
  /** The report used: the asked version's newest, or when it has none the newest before it. */
  readonly report: ReportData;
}

export interface Target {
  /** The full Gateway API release tag (`v1.6.1`). */
  readonly release: string;
  readonly channel: Channel;
  readonly implementation: ImplementationTarget | null;
  /** An Istio minor release (`1.24`), or null for the newest behaviour. */
  readonly istio: string | null;
}

export type TargetResult = { readonly ok: true; readonly target: Target } | { readonly ok: false; readonly error: string };

/** Istio releases whose APIs and behaviour the target knows (issue 14 scope 6). */
export const ISTIO_RELEASES: readonly string[] = ['1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29'];

export const NEWEST_RELEASE: string = RELEASES[RELEASES.length - 1] ?? 'v1.6.1';

export const DEFAULT_TARGET: Target = { release: NEWEST_RELEASE, channel: 'experimental', implementation: null, istio: null };

const PARTS = ['gateway-api', 'channel', 'implementation', 'istio'] as const;

/** `gateway-api=v1.5,channel=standard,implementation=cilium@1.20,istio=1.24` → its parts; '' → none. */
export function parseTargetSpec(text: string): { readonly ok: true; readonly spec: TargetSpec } | { readonly ok: false; readonly error: string } {
  const spec: { -readonly [K in keyof TargetSpec]: TargetSpec[K] } = {};
  const seen = new Set<string>();
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!(PARTS as readonly string[]).includes(key)) return { ok: false, error: `unknown target part "${key}": use ${PARTS.map((p) => `${p}=…`).join(', ')}` };
    if (value === '') return { ok: false, error: `target part "${key}" has no value (${key}=…)` };
    if (seen.has(key)) return { ok: false, error: `target part "${key}" is given twice` };
    seen.add(key);
    if (key === 'gateway-api') spec.gatewayApi = value;
    else if (key === 'channel') {
      if (value !== 'standard' && value !== 'experimental') return { ok: false, error: `channel must be standard or experimental, not ${value}` };
      spec.channel = value;
    } else if (key === 'implementation') spec.implementation = value;
    else spec.istio = value;
  }
  return { ok: true, spec };
}

/** Parses and resolves a target text in one step (the CLI's `--target`, the app's saved target). */
export function parseTarget(text: string): TargetResult {
  const read = parseTargetSpec(text);
  return read.ok ? resolveTarget(read.spec) : read;
}

/** A spec → the target it means, or why it cannot be met by the data. */
export function resolveTarget(spec: TargetSpec): TargetResult {
  let release = NEWEST_RELEASE;
  if (spec.gatewayApi !== undefined) {
    const tag = resolveRelease(spec.gatewayApi.trim());
    if (tag === undefined) return { ok: false, error: `no Gateway API release ${spec.gatewayApi} is known: ${minors().join(', ')} (or a patch such as ${RELEASES.at(-1) ?? ''})` };
    release = tag;
  }
  const channel = spec.channel ?? 'experimental';
  let implementation: ImplementationTarget | null = null;
  if (spec.implementation !== undefined) {
    const found = resolveImplementation(spec.implementation, channel);
    if (!found.ok) return found;
    implementation = found.implementation;
  }
  let istio: string | null = null;
  if (spec.istio !== undefined) {
    const minor = spec.istio.trim().replace(/^v/, '').split('.').slice(0, 2).join('.');
    if (!ISTIO_RELEASES.includes(minor)) return { ok: false, error: `no Istio release ${spec.istio} is known: ${ISTIO_RELEASES.join(', ')}` };
    istio = minor;
  }
  return { ok: true, target: { release, channel, implementation, istio } };
}

const PROJECT = /^[A-Za-z0-9 ._-]+$/;
/** What is left of a version once its optional leading v is dropped. */
const VERSION = /^[0-9A-Za-z.+-]+$/;

/** `project@version` → the report it is judged by: same channel first, then the default mode. */
export function resolveImplementation(text: string, channel: Channel = 'experimental'): { readonly ok: true; readonly implementation: ImplementationTarget } | { readonly ok: false; readonly error: string } {
  const at = text.indexOf('@');
  const project = (at < 0 ? text : text.slice(0, at)).trim();
  const asked = at < 0 ? null : text.slice(at + 1).trim().replace(/^v/, '');
  if (asked === '') return { ok: false, error: `implementation ${project}@ has no version after @` };
  // A report's project and version are plain words; anything else (a quote, a slash) is refused
  // before it reaches a message or a pasted command line.
  if (!PROJECT.test(project)) return { ok: false, error: `implementation name ${JSON.stringify(project)} may hold only letters, digits, spaces, '.', '_' and '-'` };
  if (asked !== null && !VERSION.test(asked)) return { ok: false, error: `implementation version ${JSON.stringify(text.slice(at + 1).trim())} may hold only letters, digits, '.', '+' and '-' after an optional v` };
  const all = reportsFor(project);
  if (all.length === 0) {
    const known = implementations()
      .map((i) => i.project)
      .filter((p) => !/\s/.test(p))
      .sort();
    return { ok: false, error: `no conformance report names the implementation "${project}"; known: ${known.join(', ')}` };
  }
  // Without a version, the newest report: of the newest Gateway API release folder, then the newest
  // date (reportsFor's order) — not the highest version string (agentgateway renumbered: its v2.2.0-alpha.1
  // report is older than its v1.3.1 one).
  const candidates = asked === null ? all : matching(all, asked);
  if (candidates.length === 0) return { ok: false, error: `${project} has no report for ${asked} or an earlier release; its reports: ${versionsOf(all).join(', ')}` };
  // Among the reports of that one version, prefer the asked channel, then the default mode.
  const newest = normal(candidates[0]?.version ?? '');
  const same = candidates.filter((r) => normal(r.version) === newest);
  const report = [...same].sort((a, b) => rank(a, channel) - rank(b, channel))[0] ?? (candidates[0] as ReportData);
  return { ok: true, implementation: { project, asked, report } };
}

/** The parts that differ from the default, as `--target` takes them ('' for the default target). */
export function formatTarget(target: Target): string {
  const parts: string[] = [];
  if (target.release !== NEWEST_RELEASE) parts.push(`gateway-api=${target.release}`);
  if (target.channel !== 'experimental') parts.push(`channel=${target.channel}`);
  if (target.implementation) parts.push(`implementation=${target.implementation.project}${target.implementation.asked === null ? '' : `@${target.implementation.asked}`}`);
  if (target.istio !== null) parts.push(`istio=${target.istio}`);
  return parts.join(',');
}

/** For people: "Gateway API v1.5.1 standard · cilium v1.20.0 (report v1.6)". */
export function describeTarget(target: Target): string {
  const parts = [`Gateway API ${target.release} ${target.channel}`];
  if (target.implementation) parts.push(`${target.implementation.project} ${target.implementation.report.version}`);
  if (target.istio !== null) parts.push(`Istio ${target.istio}`);
  return parts.join(' · ');
}

/** The report's path under conformance/reports, for citing it. */
export function reportPath(report: ReportData): string {
  return `conformance/reports/${report.folder}/${report.file}`;
}

function minors(): string[] {
  return [...new Set(RELEASES.map((r) => r.split('.').slice(0, 2).join('.')))];
}

const normal = (v: string): string => v.trim().replace(/^v/, '');

function versionsOf(reports: readonly ReportData[]): string[] {
  return [...new Set(reports.map((r) => normal(r.version)))];
}

/** Numeric parts of a version (`1.20.0-pre.2` → [1, 20, 0]); a non-numeric version (`main`, `latest`) → null. */
function numbers(v: string): number[] | null {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(normal(v));
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Reports of the asked version: its exact version, or one of its patches / pre-releases (`1.20`
 * → `v1.20.0`, `v1.20.0-pre.2`); when none, the newest release before it (`istio@1.29` → the 1.28 report).
 */
function matching(all: readonly ReportData[], asked: string): ReportData[] {
  const exact = all.filter((r) => normal(r.version) === asked || normal(r.version).startsWith(`${asked}.`) || normal(r.version).startsWith(`${asked}-`));
  if (exact.length > 0) return newestVersionFirst(exact);
  const want = numbers(asked);
  if (want === null) return [];
  const before = all.filter((r) => {
    const n = numbers(r.version);
    return n !== null && compare(n, want) <= 0;
  });
  return newestVersionFirst(before);
}

/** Highest numeric version first (a final release before its pre-releases), then the order reportsFor gave. */
function newestVersionFirst(reports: readonly ReportData[]): ReportData[] {
  return reports
    .map((r, i) => ({ r, i, n: numbers(r.version) ?? [-1, -1, -1] }))
    .sort((a, b) => compare(b.n, a.n) || Number(/-/.test(a.r.version)) - Number(/-/.test(b.r.version)) || a.i - b.i)
    .map((x) => x.r);
}

function rank(r: ReportData, channel: Channel): number {
  return (r.channel === channel ? 0 : 2) + (r.mode === null || r.mode === 'default' ? 0 : 1);
}
