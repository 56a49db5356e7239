import { getAt, isRecord, setField, type FieldPath, type KubeObject } from '../../core/index';

/** `{app: shop, version: v1}` ⇄ `app=shop, version=v1` */
export const readLabels = (v: unknown): string =>
  isRecord(v)
    ? Object.entries(v)
        .map(([k, x]) => `${k}=${String(x)}`)
        .join(', ')
    : '';

export const labelsOf = (text: unknown): Record<string, string> | undefined => {
  const pairs = String(text ?? '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((p) => p.split('=') as [string, string?]);
  return pairs.length === 0 ? undefined : Object.fromEntries(pairs.map(([k, v]) => [k, v ?? '']));
};

/** A label map edited as one line of `key=value` pairs (a selector, a subset's or an endpoint's labels). */
export const labelsField = (path: FieldPath) => ({
  read: (o: KubeObject) => readLabels(getAt(o, path)),
  build: (o: KubeObject, v: unknown) => setField(o, path, labelsOf(v)),
});
