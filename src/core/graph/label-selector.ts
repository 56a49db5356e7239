import { isRecord } from '../resources/types.js';

/** A map of label keys to values, as `metadata.labels`, a Service's `spec.selector` or a subset's `labels` hold it. */
export type LabelMap = Readonly<Record<string, string>>;

/**
 * The string entries of a label map. A value that is not a string is left out: the API server
 * refuses it (label values are strings), and validation reports it where it is written.
 */
export function readLabels(v: unknown): LabelMap {
  const out: Record<string, string> = {};
  if (!isRecord(v)) return out;
  for (const [key, value] of Object.entries(v)) if (typeof value === 'string') out[key] = value;
  return out;
}

/**
 * Whether an equality-based selector (a plain map) picks an object with `labels`: every
 * `key: value` of the selector must be a label of the object with that very value; the object may
 * carry more labels. An empty map has no requirement, so it matches every object — callers decide
 * what an absent or empty selector means for their field (a Service's selects nothing, an Istio
 * subset's keeps every endpoint of its host).
 *
 * Services (and ReplicationControllers) accept only this form: "Label selectors for both objects
 * are defined in json or yaml files using maps, and only equality-based requirement selectors are
 * supported" (an entry `component: redis` is the requirement `component=redis`).
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#service-and-replicationcontroller
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#equality-based-requirement
 */
export function matchesEquality(selector: LabelMap, labels: LabelMap): boolean {
  for (const [key, value] of Object.entries(selector)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  return true;
}
