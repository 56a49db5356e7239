import { applyEdits, type ResourceEdit } from '../resources/edit.js';
import { splitApiVersion } from '../resources/kinds.js';
import { splitDocuments } from '../resources/split.js';
import { isRecord, makeResourceId, type KubeObject, type Resource, type ResourceId } from '../resources/types.js';

/**
 * Edits made outside the editor become a new document text. `resources` must come from parsing
 * exactly `text` (their sources name its documents); only the documents they change are
 * re-serialized, every other byte is kept (see applyEdits).
 */
export function editText(text: string, fileName: string, edits: readonly ResourceEdit[]): string {
  return applyEdits({ name: fileName, text, documents: splitDocuments(text), redacted: false }, edits);
}

/** `base`, else `base-2`, `base-3`… — the first name no object of that kind and namespace has. */
export function uniqueName(resources: readonly Resource[], group: string, kind: string, namespace: string, base: string): string {
  const taken = new Set(resources.filter((r) => r.group === group && r.kind === kind && r.namespace === namespace).map((r) => r.name));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The id a resource parsed from `object` will have (namespace defaults as parse does). */
export function resourceIdOf(object: KubeObject, defaultNamespace = 'default', namespaced = true): ResourceId {
  const { group } = splitApiVersion(typeof object.apiVersion === 'string' ? object.apiVersion : '');
  const meta = isRecord(object.metadata) ? object.metadata : {};
  const ns = typeof meta.namespace === 'string' ? meta.namespace : namespaced ? defaultNamespace : '';
  return makeResourceId(group, String(object.kind), ns, String(meta.name));
}

/**
 * A Kubernetes object name: a DNS-1123 subdomain (lower-case letters, digits, '-' and '.',
 * starting and ending alphanumeric, at most 253 characters). Returns why not, or null.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
 */
export function checkName(name: string): string | null {
  if (name === '') return 'a name is required';
  if (name.length > 253) return 'a name has at most 253 characters';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name)) {
    return 'a name is lower-case letters, digits, "-" and ".", starting and ending with a letter or digit';
  }
  return null;
}

/**
 * A namespace name: a DNS-1123 label (lower-case letters, digits and '-', starting and ending
 * alphanumeric, at most 63 characters). Returns why not, or null.
 * @see https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
export function checkNamespaceName(name: string): string | null {
  if (name === '') return 'a namespace is required';
  if (name.length > 63) return 'a namespace has at most 63 characters';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return 'a namespace is lower-case letters, digits and "-", starting and ending with a letter or digit';
  return null;
}
