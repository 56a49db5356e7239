import { conformanceImplementations, GATEWAY_API_RELEASES, implementationOfController, ISTIO_RELEASES, parseTarget, reportPath } from '../../core/index';
import type { Resource, TargetResult } from '../../core/index';
import { textOf, type TargetFields } from './target-text';

/**
 * The target picker's choices, from the core's data (the CRD releases, the conformance reports):
 * imported by the picker only, so the data loads when the picker first opens, never with the page.
 */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface ReleaseGroup {
  /** `v1.6` */
  readonly minor: string;
  /** The minor itself (its newest patch), then each patch, newest first. */
  readonly choices: readonly Choice[];
}

const NEWEST = GATEWAY_API_RELEASES.at(-1) ?? '';

/** '' (the newest), then per minor, newest first: the minor (its newest patch) and each patch. */
export function releaseChoices(): { readonly newest: Choice; readonly groups: readonly ReleaseGroup[] } {
  const minors = new Map<string, string[]>();
  for (const tag of GATEWAY_API_RELEASES) {
    const minor = tag.split('.').slice(0, 2).join('.');
    minors.set(minor, [...(minors.get(minor) ?? []), tag]);
  }
  const groups = [...minors.entries()].reverse().map(([minor, tags]) => ({
    minor,
    choices: [{ value: minor, label: `${minor} (newest patch: ${tags.at(-1) ?? ''})` }, ...[...tags].reverse().map((t) => ({ value: t, label: t }))],
  }));
  return { newest: { value: '', label: `Newest (${NEWEST})` }, groups };
}

/** Every project that published a conformance report, by name. */
export function implementationChoices(): readonly Choice[] {
  return conformanceImplementations()
    .map((i) => ({ value: i.project, label: i.organization.toLowerCase() === i.project.toLowerCase() ? i.project : `${i.project} (${i.organization})` }))
    .sort((a, b) => a.value.localeCompare(b.value, 'en', { sensitivity: 'base' }));
}

const numbers = (v: string): number[] => (/^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(v) ?? []).slice(1).map((x) => Number(x ?? 0));

/** A project's released versions (without a leading v), newest first, a release before its pre-releases; commits and branch names left out. */
export function versionChoices(project: string): readonly Choice[] {
  const versions = new Set<string>();
  for (const i of conformanceImplementations()) if (i.project === project) for (const v of i.versions) versions.add(v.trim().replace(/^v/, ''));
  return [...versions]
    .filter((v) => /^\d+\.\d+/.test(v))
    .sort((a, b) => {
      const [x, y] = [numbers(a), numbers(b)];
      for (let k = 0; k < 3; k++) if ((y[k] ?? 0) !== (x[k] ?? 0)) return (y[k] ?? 0) - (x[k] ?? 0);
      return Number(a.includes('-')) - Number(b.includes('-')) || b.localeCompare(a);
    })
    .map((v) => ({ value: v, label: `v${v}` }));
}

export const ISTIO_CHOICES: readonly Choice[] = ISTIO_RELEASES.map((r) => ({ value: r, label: r }));

/** The fields as the core reads them (what the analysis will judge by), or why not. */
export function resolveFields(f: TargetFields): TargetResult {
  return parseTarget(textOf(f));
}

/** The report an implementation is judged by, for people: whose, its path, and what it covers. */
export function reportLine(result: TargetResult): { readonly name: string; readonly path: string; readonly covers: string } | null {
  if (!result.ok || !result.target.implementation) return null;
  const { report, project } = result.target.implementation;
  const channel = report.channel === null ? '' : `${report.channel} channel`;
  const mode = report.mode === null ? '' : `${report.mode} mode`;
  return { name: `${project} ${report.version}`, path: reportPath(report), covers: [channel, mode].filter((x) => x !== '').join(', ') };
}

/** A GatewayClass of the design and the implementation its controller belongs to (undefined: none known). */
export interface ClassController {
  readonly name: string;
  readonly controllerName: string;
  readonly implementation: string | undefined;
}

/** The design's GatewayClasses with a controller name, in name order. */
export function classControllers(resources: readonly Resource[]): readonly ClassController[] {
  const out: ClassController[] = [];
  for (const r of resources) {
    if (r.kind !== 'GatewayClass') continue;
    const spec = r.object.spec;
    const controllerName = typeof spec === 'object' && spec !== null && 'controllerName' in spec && typeof spec.controllerName === 'string' ? spec.controllerName : '';
    if (controllerName !== '') out.push({ name: r.name, controllerName, implementation: implementationOfController(controllerName) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
