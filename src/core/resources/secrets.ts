import { splitApiVersion } from './kinds.js';
import { isRecord, type KubeObject } from './types.js';

/**
 * Secret values never enter the document: pasted manifests may hold private keys. On import
 * every `data` / `stringData` value of a core Secret is replaced by a placeholder (the keys stay,
 * so certificate references still resolve), and the user is told. The same holds for Secrets
 * inside a `List` / `SecretList` and for objects embedded in annotations (kubectl's
 * `last-applied-configuration` is the whole object as JSON, data included).
 */
export const REDACTED_DATA = 'UkVEQUNURUQ='; // base64 of "REDACTED": still a valid `data` value
export const REDACTED_STRING = 'REDACTED';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Returns the object with its values replaced, or null when there was nothing to redact. */
export function redactSecret(obj: KubeObject): KubeObject | null {
  let changed = false;
  const out: KubeObject = { ...obj };
  for (const [field, placeholder] of [
    ['data', REDACTED_DATA],
    ['stringData', REDACTED_STRING],
  ] as const) {
    const values = obj[field];
    if (!isRecord(values)) continue;
    if (Object.values(values).some((v) => v !== placeholder)) changed = true;
    out[field] = Object.fromEntries(Object.keys(values).map((key) => [key, placeholder]));
  }
  return changed ? out : null;
}

/** A core Secret (apiVersion `v1`, or none given: a `SecretList` item or a broken embed). */
export function isSecret(obj: KubeObject): boolean {
  return obj.kind === 'Secret' && (typeof obj.apiVersion !== 'string' || splitApiVersion(obj.apiVersion).group === '');
}

/**
 * Redacts a whole object: a Secret's values, the items of a List / SecretList, and annotations
 * that embed an object mentioning a Secret (re-serialised as JSON; an unreadable one becomes the
 * placeholder). Returns null when nothing changed.
 */
export function redactObject(obj: KubeObject, secretItems = false): KubeObject | null {
  let out: KubeObject | null = secretItems || isSecret(obj) ? redactSecret(obj) : null;
  const items = obj.items;
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(items)) {
    let changed = false;
    const next = items.map((item: unknown) => {
      const r = isRecord(item) ? redactObject(item, obj.kind === 'SecretList') : null;
      if (r) changed = true;
      return r ?? item;
    });
    if (changed) out = { ...(out ?? obj), items: next };
  }
  const annotations = redactAnnotations((out ?? obj).metadata);
  if (annotations) {
    const base = out ?? obj;
    out = { ...base, metadata: { ...(base.metadata as KubeObject), annotations } };
  }
  return out;
}

function redactAnnotations(metadata: unknown): KubeObject | null {
  if (!isRecord(metadata) || !isRecord(metadata.annotations)) return null;
  let changed = false;
  const out: KubeObject = {};
  for (const [key, value] of Object.entries(metadata.annotations)) {
    const next = typeof value === 'string' ? redactEmbedded(value) : null;
    if (next !== null) changed = true;
    out[key] = next ?? value;
  }
  return changed ? out : null;
}

/** An annotation's value that embeds a JSON object mentioning a Secret, redacted; null when unchanged. */
export function redactEmbedded(value: string): string | null {
  if (!value.includes('Secret')) return null;
  const trimmed = value.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return REDACTED_STRING;
  }
  if (!isRecord(parsed)) return null;
  const r = redactObject(parsed);
  return r ? JSON.stringify(r) + (value.endsWith('\n') ? '\n' : '') : null;
}

/** Every string held in a Secret's data (also in List items and embedded objects). */
export function secretValues(obj: KubeObject, secretItems = false, out = new Set<string>()): Set<string> {
  if (secretItems || isSecret(obj)) {
    for (const field of ['data', 'stringData']) {
      const values = obj[field];
      if (isRecord(values)) for (const v of Object.values(values)) if (typeof v === 'string' && v !== REDACTED_DATA && v !== REDACTED_STRING) out.add(v);
    }
  }
  if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
    for (const item of obj.items as unknown[]) if (isRecord(item)) secretValues(item, obj.kind === 'SecretList', out);
  }
  return out;
}

/** Replaces, anywhere in `v`, a string equal to one of `values` (a copy made through a YAML alias). */
export function replaceValues(v: unknown, values: ReadonlySet<string>): unknown {
  if (typeof v === 'string') return values.has(v) ? REDACTED_STRING : v;
  if (Array.isArray(v)) return v.map((x) => replaceValues(x, values));
  if (!isRecord(v)) return v;
  const out: KubeObject = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === '__proto__') Object.defineProperty(out, k, { value: replaceValues(x, values), enumerable: true, writable: true, configurable: true });
    else out[k] = replaceValues(x, values);
  }
  return out;
}
