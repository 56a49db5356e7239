import { GATEWAY_GROUP } from '../resources/kinds.js';
import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject, type Resource } from '../resources/types.js';

/**
 * ReferenceGrant reading for a namespace change (gateway-api.md §3.4): a reference to an object
 * in another namespace is allowed when a grant in the *target's* namespace has a matching `from`
 * (group, kind, namespace) and `to` (group, kind, and name or every name).
 */
export interface RefEnds {
  readonly from: { readonly group: string; readonly kind: string; readonly namespace: string };
  readonly to: { readonly group: string; readonly kind: string; readonly namespace: string; readonly name: string };
}

/** A ReferenceGrant as the edit being prepared has it (its namespace may be changing too). */
export interface GrantState {
  readonly resource: Resource | null;
  readonly namespace: string;
  readonly object: KubeObject;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export const isGrant = (r: Resource): boolean => r.group === GATEWAY_GROUP && r.kind === 'ReferenceGrant';

export function fromMatches(entry: unknown, from: RefEnds['from']): boolean {
  return isRecord(entry) && str(entry.group) === from.group && entry.kind === from.kind && entry.namespace === from.namespace;
}

function toMatches(entry: unknown, to: RefEnds['to']): boolean {
  return isRecord(entry) && str(entry.group) === to.group && entry.kind === to.kind && (str(entry.name) === '' || entry.name === to.name);
}

/** The grant allowing the reference (undefined when none does); same-namespace references need none. */
export function grantFor(grants: readonly GrantState[], ref: RefEnds): GrantState | 'same' | undefined {
  if (ref.from.namespace === ref.to.namespace) return 'same';
  return grants.find(
    (g) => g.namespace === ref.to.namespace && list(getAt(g.object, ['spec', 'from'])).some((f) => fromMatches(f, ref.from)) && list(getAt(g.object, ['spec', 'to'])).some((t) => toMatches(t, ref.to)),
  );
}

/** Whether every `to` entry of the grant names exactly this object (the grant exists for it alone). */
export function grantsOnly(grant: GrantState, to: RefEnds['to']): boolean {
  const entries = list(getAt(grant.object, ['spec', 'to']));
  return entries.length > 0 && entries.every((t) => isRecord(t) && str(t.group) === to.group && t.kind === to.kind && t.name === to.name);
}

/** The `from` entries of a grant, plus `from` when it is not there yet. */
export function withFrom(object: KubeObject, from: RefEnds['from']): KubeObject {
  const entries = list(getAt(object, ['spec', 'from']));
  if (entries.some((f) => fromMatches(f, from))) return object;
  return { ...object, spec: { ...(isRecord(object.spec) ? object.spec : {}), from: [...entries, { group: from.group, kind: from.kind, namespace: from.namespace }] } };
}
