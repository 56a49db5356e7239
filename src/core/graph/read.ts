import { isRecord, type KubeObject } from '../resources/types.js';

/** Tolerant readers for plain YAML data: a wrong type reads as absent (validation reports it). */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

export function rec(v: unknown): KubeObject {
  return isRecord(v) ? v : {};
}

/** The records of a list, each with its index in the original list (non-records are skipped). */
export function records(v: unknown): { item: KubeObject; index: number }[] {
  const out: { item: KubeObject; index: number }[] = [];
  list(v).forEach((item, index) => {
    if (isRecord(item)) out.push({ item, index });
  });
  return out;
}

export function strings(v: unknown): string[] {
  return list(v).filter((x): x is string => typeof x === 'string');
}

/** `{a: '1', b: '2'}` → `a=1,b=2` */
export function formatLabels(v: unknown): string {
  return Object.entries(rec(v))
    .map(([k, val]) => `${k}=${String(val)}`)
    .join(',');
}
