import { GATEWAY_GROUP } from '../resources/kinds.js';
import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { appendItem } from './fields.js';
import { setAt } from './immutable.js';

/**
 * ReferenceGrant edits (gateway-api.md §3.4): `from` names who may refer (group, kind,
 * namespace), `to` what they may refer to in the grant's namespace (group, kind, optional name).
 * A kind decides its group, so the form offers kinds and writes both.
 */
export const GRANT_FROM_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute', 'Gateway', 'ListenerSet', 'BackendTLSPolicy'] as const;
export const GRANT_TO_KINDS = ['Service', 'Secret', 'ConfigMap', 'Gateway'] as const;

const GROUP_OF: Readonly<Record<string, string>> = { Service: '', Secret: '', ConfigMap: '' };
/** The API group of a kind a grant names (core kinds have the empty group). */
export const groupOfKind = (kind: string): string => GROUP_OF[kind] ?? GATEWAY_GROUP;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const has = (entries: unknown[], e: KubeObject): boolean => entries.some((x) => isRecord(x) && Object.keys(e).every((k) => x[k] === e[k]));

/** Another `from`: routes of the kind not listed yet for the last entry's namespace (default). */
export function addGrantFrom(object: KubeObject): KubeObject {
  const entries = list(getAt(object, ['spec', 'from']));
  const namespace = String(getAt(entries[entries.length - 1], ['namespace']) ?? 'default');
  const kind = GRANT_FROM_KINDS.find((k) => !has(entries, { kind: k, namespace })) ?? 'HTTPRoute';
  return appendItem(object, ['spec', 'from'], { group: groupOfKind(kind), kind, namespace });
}

/** Another `to`: the first kind not granted yet (every object of it, until a name is given). */
export function addGrantTo(object: KubeObject): KubeObject {
  const entries = list(getAt(object, ['spec', 'to']));
  const kind = GRANT_TO_KINDS.find((k) => !has(entries, { kind: k })) ?? 'Service';
  return appendItem(object, ['spec', 'to'], { group: groupOfKind(kind), kind });
}

/** Sets the kind of entry `index` of `from` or `to`, and its group with it. */
export function setGrantKind(object: KubeObject, side: 'from' | 'to', index: number, kind: string): KubeObject {
  const at = ['spec', side, index] as const;
  return setAt(setAt(object, [...at, 'kind'], kind), [...at, 'group'], groupOfKind(kind));
}
