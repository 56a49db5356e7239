import { isRecord, type KubeObject } from './types.js';

/**
 * Secret values never enter the document: pasted manifests may hold private keys. On import
 * every `data` / `stringData` value of a core Secret is replaced by a placeholder (the keys stay,
 * so certificate references still resolve), and the user is told.
 */
export const REDACTED_DATA = 'UkVEQUNURUQ='; // base64 of "REDACTED": still a valid `data` value
export const REDACTED_STRING = 'REDACTED';

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
