/**
 * Where a resource uses a field or value of the Istio field table (target/istio-fields.ts): each
 * occurrence with its concrete path (`spec.http[2].retries.backoff`), walking `[]` over every item.
 */
import type { IstioFieldIntro } from '../../target/istio-fields.js';
import { isRecord } from '../../resources/types.js';
import type { PathSegment } from '../../resources/path.js';

export interface FieldUse {
  readonly intro: IstioFieldIntro;
  readonly path: readonly PathSegment[];
  /** The field is used (its key), or one of its values (the value). */
  readonly at: 'key' | 'value';
}

export function fieldUses(object: unknown, intro: IstioFieldIntro): FieldUse[] {
  const out: FieldUse[] = [];
  for (const { path, value } of walk(object, steps(intro.path), [])) {
    if (value === undefined || value === null) continue;
    if (intro.value === undefined) out.push({ intro, path, at: 'key' });
    else if (typeof value === 'string' && hasValue(value, intro.value)) out.push({ intro, path, at: 'value' });
  }
  return out;
}

function hasValue(value: string, want: NonNullable<IstioFieldIntro['value']>): boolean {
  if (want.in === 'whole') return value === want.text;
  return value.split(',').some((item) => item.trim() === want.text);
}

/** `spec.http[].retries` → ['spec', 'http', '[]', 'retries']. */
function steps(pattern: string): string[] {
  return pattern.split('.').flatMap((part) => (part.endsWith('[]') ? [part.slice(0, -2), '[]'] : [part]));
}

function* walk(node: unknown, rest: readonly string[], path: readonly PathSegment[]): Generator<{ path: PathSegment[]; value: unknown }> {
  const [step, ...tail] = rest;
  if (step === undefined) {
    yield { path: [...path], value: node };
    return;
  }
  if (step === '[]') {
    if (!Array.isArray(node)) return;
    for (let i = 0; i < node.length; i++) yield* walk(node[i], tail, [...path, i]);
    return;
  }
  if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, step)) return;
  yield* walk(node[step], tail, [...path, step]);
}
