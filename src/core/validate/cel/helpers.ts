import type { FieldPath } from '../../resources/path.js';
import { isRecord, type KubeObject } from '../../resources/types.js';
import type { CelRule } from './rule.js';

/**
 * Safe readers shared by the CEL rules. The rules see the object as the user wrote it, with any
 * types: a reader returns `undefined` (or nothing to iterate) for a value of the wrong shape, so a
 * rule skips what the schema validator already reports.
 */

export type Report = (path: FieldPath, message?: string) => void;

/** Declares a rule keeping its code's literal type, so `CelCode` (codes.ts) is a closed union. */
export function defineRule<const C extends string>(rule: CelRule & { readonly code: C }): CelRule & { readonly code: C } {
  return rule;
}

/**
 * CEL `has(o.key)`. The API server prunes `null` values of non-nullable fields before defaulting
 * and validation, so a `null` counts as absent.
 */
export function has(o: KubeObject, key: string): boolean {
  const v = o[key]; // one keyed read: called dozens of times per object
  return v !== undefined && v !== null;
}

export function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A string field after schema defaulting: `dflt` when absent, `undefined` when not a string. */
export function textOr(o: KubeObject, key: string, dflt: string): string | undefined {
  const v = o[key];
  return v === undefined || v === null ? dflt : text(v);
}

export function record(v: unknown): KubeObject | undefined {
  return isRecord(v) ? v : undefined;
}

/** The array at `v`, or none when `v` is absent or not an array. */
export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

const NO_RECORDS: readonly { item: KubeObject; path: FieldPath }[] = [];

/**
 * The object items of the array at `path` inside `root`, each with its own path. An array, not a
 * generator: read by dozens of rules per object, a generator's state per call cost more than the walk.
 */
export function records(root: KubeObject | undefined, path: FieldPath, ...keys: string[]): readonly { item: KubeObject; path: FieldPath }[] {
  let cur: unknown = root;
  for (const k of keys) cur = isRecord(cur) ? cur[k] : undefined;
  const items = list(cur);
  if (items.length === 0) return NO_RECORDS;
  const base = [...path, ...keys]; // each item's path is this and its index
  const out: { item: KubeObject; path: FieldPath }[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (isRecord(item)) out.push({ item, path: [...base, i] });
  }
  return out;
}

/**
 * The value of an optional string field where CEL treats "absent" and `''` alike
 * (`!has(x.f) || x.f == ''`): `''` for both, the string otherwise, `undefined` for a wrong type.
 */
export function optionalName(o: KubeObject, key: string): string | undefined {
  if (!has(o, key)) return '';
  return text(o[key]);
}

/**
 * Reports every element after the first that shares a key with an earlier one: the CEL idiom
 * `self.all(a, self.exists_one(b, key(a) == key(b)))`. Elements whose key is `undefined` are skipped.
 */
export function reportDuplicates<T>(items: Iterable<T>, key: (item: T) => string | undefined, onDuplicate: (item: T) => void): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    if (seen.has(k)) onDuplicate(item);
    else seen.add(k);
  }
}

/** A reference to a target (parent, policy target) with its sectionName, `''` when unset. */
export interface SectionRef {
  readonly path: FieldPath;
  /** What the ref names, as a comparable key. */
  readonly target: string;
  readonly sectionName: string;
  /** The port as text, `''` when unset or 0 (CEL: `!has(p.port) || p.port == 0`); only parentRefs carry one. */
  readonly port?: string;
}

/**
 * Among refs to the same target, all or none set a sectionName: reports every ref without one
 * whose target another ref names with one (CEL: pairwise `unset(p1) == unset(p2)`).
 */
export function reportMixedSectionNames(refs: Iterable<SectionRef>, report: Report): void {
  const all = [...refs];
  const named = new Set(all.filter((r) => r.sectionName !== '').map((r) => r.target));
  for (const r of all) if (r.sectionName === '' && named.has(r.target)) report(r.path);
}

/** Refs to the same target name distinct sectionNames; two refs without one collide. */
export function reportRepeatedSectionNames(refs: Iterable<SectionRef>, report: Report): void {
  reportDuplicates(refs, (r) => JSON.stringify([r.target, r.sectionName]), (r) => report(r.path));
}

/**
 * Experimental channel: among refs to the same target, all or none set a sectionName and all or
 * none set a port (CEL: pairwise `unset(p1.sectionName) == unset(p2.sectionName) && unset(p1.port)
 * == unset(p2.port)`). Reports every ref lacking one of the two that another ref to its target sets.
 */
export function reportMixedSectionNamesOrPorts(refs: Iterable<SectionRef>, report: Report): void {
  const all = [...refs];
  const named = new Set(all.filter((r) => r.sectionName !== '').map((r) => r.target));
  const ported = new Set(all.filter((r) => (r.port ?? '') !== '').map((r) => r.target));
  for (const r of all) if ((r.sectionName === '' && named.has(r.target)) || ((r.port ?? '') === '' && ported.has(r.target))) report(r.path);
}

/** Experimental channel: refs to the same target differ in sectionName or port; two refs setting neither collide. */
export function reportRepeatedSectionNamesAndPorts(refs: Iterable<SectionRef>, report: Report): void {
  reportDuplicates(refs, (r) => JSON.stringify([r.target, r.sectionName, r.port ?? '']), (r) => report(r.path));
}
