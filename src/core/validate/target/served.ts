/**
 * TargetKindNotServed and TargetFieldNotInRelease: what the target's CRDs (its Gateway API release
 * and channel) do not have, read from the CRD availability data. Only what the data knows in some
 * release is judged here: a kind, apiVersion or field no release has is the parser's and the
 * schema check's (UnknownKind, UnservedVersion, UnknownField), never reported twice.
 */
import type { FieldPath } from '../../resources/path.js';
import type { Resource } from '../../resources/types.js';
import { RELEASES, servedVersions } from '../../target/availability.js';
import type { Target } from '../../target/target.js';
import { fieldIndex } from '../schema/fields.js';
import { describePresence, entriesOf, lacksAt, type Missing } from './presence.js';
import type { TargetReport } from './report.js';

const GATEWAY_API_GROUPS: ReadonlySet<string> = new Set(['gateway.networking.k8s.io', 'gateway.networking.x-k8s.io']);

export function servedProblems(resources: readonly Resource[], target: Target, report: TargetReport): void {
  const lacks = lacksAt(RELEASES.indexOf(target.release), target.channel);
  const where = `the target is ${target.release} ${target.channel}`;
  for (const r of resources) {
    const unserved = lacks.unserved.get(r.kind);
    const fields = lacks.fields.get(r.kind);
    if ((unserved === undefined && fields === undefined) || !GATEWAY_API_GROUPS.has(r.group)) continue;
    if (unserved?.has(r.apiVersion) === true) {
      const served = entriesOf(r.kind, r.apiVersion)?.['@served'] ?? '';
      report(r, ['apiVersion'], 'TargetKindNotServed', 'error', `${r.kind} ${r.apiVersion} is served ${describePresence(served)}; ${where}${instead(r, target)}`, 'value');
      continue;
    }
    const missing = fields?.get(r.apiVersion);
    if (missing) walk(r, r.object.spec, 'spec', ['spec'], missing, entriesOf(r.kind, r.apiVersion) ?? {}, report, where);
  }
}

/** What the target serves instead: the kind at another apiVersion, or its `X`-prefixed experimental twin. */
function instead(r: Resource, target: Target): string {
  const other = servedVersions(r.kind, target.release, target.channel);
  if (other.length > 0) return ` (it serves ${r.kind} as ${other.join(', ')})`;
  const twin = r.kind.startsWith('X') ? r.kind.slice(1) : `X${r.kind}`;
  const twins = servedVersions(twin, target.release, target.channel);
  if (twins.length > 0) return ` (it serves ${twin} ${twins.join(', ')} instead)`;
  return ` (it serves no ${r.kind})`;
}

/** Follows the object only along paths that lead to something the target lacks. */
function walk(r: Resource, value: unknown, norm: string, path: FieldPath, lacks: Missing, entries: { readonly [e: string]: string }, report: TargetReport, where: string): void {
  if (lacks.entries.has(norm)) {
    if (schemaKnows(r, path)) report(r, path, 'TargetFieldNotInRelease', 'error', `${r.kind} field ${norm} is ${describePresence(entries[norm] ?? '')}; ${where}`, 'key');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(r, item, `${norm}[]`, [...path, i], lacks, entries, report, where));
    return;
  }
  if (value !== null && typeof value === 'object') {
    // A union's member (`type: CORS` with its `cors`) is one cause: once the value is said, its
    // sibling fields are not said again.
    let said = false;
    for (const [key, child] of Object.entries(value)) {
      const next = `${norm}.${key}`;
      if (lacks.toward.has(next) && isScalar(child)) said = lacksValue(r, child, next, [...path, key], lacks, entries, report, where) || said;
    }
    for (const [key, child] of Object.entries(value)) {
      const next = `${norm}.${key}`;
      if (!lacks.toward.has(next) || isScalar(child) || (said && lacks.entries.has(next))) continue;
      walk(r, child, next, [...path, key], lacks, entries, report, where);
    }
    return;
  }
  lacksValue(r, value, norm, path, lacks, entries, report, where);
}

const isScalar = (v: unknown): boolean => v === null || typeof v !== 'object';

/** A `path=value` entry the target lacks, where the target's field has an enum; true when said. */
function lacksValue(r: Resource, value: unknown, norm: string, path: FieldPath, lacks: Missing, entries: { readonly [e: string]: string }, report: TargetReport, where: string): boolean {
  if (lacks.entries.has(norm)) {
    walk(r, value, norm, path, lacks, entries, report, where);
    return false;
  }
  const entry = `${norm}=${String(value)}`;
  if (!lacks.entries.has(entry) || !lacks.enumPaths.has(norm)) return false;
  report(r, path, 'TargetFieldNotInRelease', 'error', `${r.kind} value ${norm}: ${String(value)} is ${describePresence(entries[entry] ?? '')}; ${where}`, 'value');
  return true;
}

/**
 * Whether today's schema knows the field (when it does not, its UnknownField already says so).
 * The key is the field index's (`group/version/Kind`, schema/validators.ts kindKey).
 */
function schemaKnows(r: Resource, path: FieldPath): boolean {
  let node = fieldIndex(`${r.group}/${r.version}/${r.kind}`);
  if (node === undefined) return true;
  for (const seg of path) {
    if (node === null) return true;
    if (typeof seg === 'number') node = node.items;
    else if (node.properties?.has(seg) === true) node = node.properties.get(seg) ?? null;
    else return node.open;
  }
  return true;
}
