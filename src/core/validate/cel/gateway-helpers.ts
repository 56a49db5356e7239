import type { FieldPath } from '../../resources/path.js';
import type { KubeObject } from '../../resources/types.js';
import { record, records } from './helpers.js';

/** Readers shared by the Gateway and ListenerSet CEL rules (gateway-api.md §11.3). */

/** `spec.listeners[]` of a Gateway or ListenerSet. */
export function listeners(obj: KubeObject): readonly { item: KubeObject; path: FieldPath }[] {
  return records(record(obj.spec), ['spec'], 'listeners');
}

/** Gateway API `Hostname` (shared_types.go), as the CEL rules spell it: lower-case labels, optional leading `*.`. */
export const HOSTNAME_RE = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** CEL `size()` of a string counts code points, not UTF-16 units. */
export function codePoints(s: string): number {
  return [...s].length;
}

/** Annotation and label keys as the Gateway's infrastructure rules check them: `[dns-subdomain/]name`, name 1–63. */
export const METADATA_KEY_RE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$/;

/** Keys of the map `spec.infrastructure.<field>` of a Gateway. */
export function infrastructureKeys(obj: KubeObject, field: 'annotations' | 'labels'): string[] {
  const map = record(record(record(obj.spec)?.infrastructure)?.[field]);
  return map ? Object.keys(map) : [];
}
