import { isRecord, type KubeObject } from '../resources/types.js';

/** Tolerant readers for plain YAML data: a wrong type reads as absent (validation reports it). */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

export function rec(v: unknown): KubeObject {
  return isRecord(v) ? v : {};
}

export function has(o: KubeObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key) && o[key] !== null && o[key] !== undefined;
}

/** The records of a list, each with its index in the original list (non-records are skipped). */
export function records(v: unknown): { item: KubeObject; index: number }[] {
  const out: { item: KubeObject; index: number }[] = [];
  if (!Array.isArray(v)) return out;
  v.forEach((item: unknown, index) => {
    if (isRecord(item)) out.push({ item, index });
  });
  return out;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(rec(v))) if (typeof x === 'string') out[k] = x;
  return out;
}

export function spec(o: KubeObject): KubeObject {
  return rec(o.spec);
}
