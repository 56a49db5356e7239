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
  return yaml.dump(canonicalObject(obj), { noRefs: true, lineWidth: -1, quotingType: '"' });
}

/** Many objects as one multi-document stream (`---` between documents). */
export function serializeObjects(objs: readonly KubeObject[]): string {
  return objs.map(serializeObject).join('---\n');
}
