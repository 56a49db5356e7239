import yaml from 'js-yaml';
import { isRecord, type KubeObject } from './types.js';

/**
 * Deterministic YAML for one object, as a person would commit it: apiVersion, kind, metadata,
 * spec, status first (metadata: name, namespace, labels, annotations first); every other key in
 * the order the object has it; no nulls. Strings that YAML 1.1 readers would take for booleans
 * ("on", "yes") stay quoted.
 */
const TOP = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
const META = ['name', 'namespace', 'labels', 'annotations'];

function ordered(obj: KubeObject, first: readonly string[]): KubeObject {
  const out: KubeObject = {};
  for (const k of first) if (Object.prototype.hasOwnProperty.call(obj, k)) assign(out, k, obj[k]);
  for (const k of Object.keys(obj)) if (!first.includes(k)) assign(out, k, obj[k]);
  return out;
}

function assign(out: KubeObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/** Drops null/undefined values (recursively); keeps empty maps, which can mean something (`cors: {}`). */
export function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(withoutNulls);
  if (!isRecord(v)) return v;
  const out: KubeObject = {};
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (x !== null && x !== undefined) assign(out, k, withoutNulls(x));
  }
  return out;
}

export function canonicalObject(obj: KubeObject): KubeObject {
  const clean = withoutNulls(obj) as KubeObject;
  const top = ordered(clean, TOP);
  if (isRecord(top.metadata)) top.metadata = ordered(top.metadata, META);
  return top;
}

export function serializeObject(obj: KubeObject): string {
  const canonical = canonicalObject(obj);
  const flowLevel = depthOf(canonical) > DEEP ? nestedListLevel(canonical, 0) : -1;
  return yaml.dump(canonical, { noRefs: true, lineWidth: -1, quotingType: '"', ...(flowLevel >= 0 ? { flowLevel } : {}) });
}

/**
 * js-yaml's reader counts each level of a compact block sequence (`- - -`) twice against its depth
 * limit (64) and a flow one (`[[`) once: an object nested past DEEP with lists in lists is written
 * in flow style from the first such list down, so that what was read reads again (found by
 * fuzzing). Flow style is kept for those alone: js-yaml leaves some odd keys unquoted in it.
 */
const DEEP = 32;

function depthOf(v: unknown): number {
  const children = Array.isArray(v) ? v : isRecord(v) ? Object.values(v) : null;
  return children ? 1 + children.reduce((m: number, c) => Math.max(m, depthOf(c)), 0) : 0;
}

/** The shallowest level (the object is level 0) of a list holding a list, or -1. */
function nestedListLevel(v: unknown, level: number): number {
  if (Array.isArray(v) && v.some(Array.isArray)) return level;
  const children = Array.isArray(v) ? v : isRecord(v) ? Object.values(v) : [];
  let min = -1;
  for (const c of children) {
    const l = nestedListLevel(c, level + 1);
    if (l >= 0 && (min < 0 || l < min)) min = l;
  }
  return min;
}

/** Many objects as one multi-document stream (`---` between documents). */
export function serializeObjects(objs: readonly KubeObject[]): string {
  return objs.map(serializeObject).join('---\n');
}
