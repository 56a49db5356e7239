/**
 * Lenient readers over plain resource data. The compiler must not throw on objects the validator
 * rejects: a wrong type reads as absent, and the validator reports it.
 */
import { isRecord, type KubeObject } from '../resources/types.js';

export function rec(v: unknown): KubeObject {
  return isRecord(v) ? v : {};
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function bool(v: unknown): boolean {
  return v === true;
}

/** `metadata.labels` as a string map. */
export function labelsOf(object: KubeObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(rec(rec(object.metadata).labels))) if (typeof v === 'string') out[k] = v;
  return out;
}

/** `metadata.generation` or 1 (DESIGN.md "status"). */
export function generationOf(object: KubeObject): number {
  const g = num(rec(object.metadata).generation);
  return g !== null && g > 0 ? g : 1;
}

/** `metadata.creationTimestamp` when it is a parseable timestamp, else null (equally old, DESIGN.md). */
export function creationOf(object: KubeObject): string | null {
  const t = str(rec(object.metadata).creationTimestamp);
  return t !== null && !Number.isNaN(Date.parse(t)) ? t : null;
}
