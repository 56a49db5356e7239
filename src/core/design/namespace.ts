import type { ResourceEdit } from '../resources/edit.js';
import { kindInfo } from '../resources/kinds.js';
import { formatPath, getAt, type FieldPath } from '../resources/path.js';
import { makeResourceId, type Resource } from '../resources/types.js';
import { checkNamespaceName } from './document.js';
import { setAt } from './immutable.js';
import { admitsRoute, grantNote, NamespaceDraft, type NamespaceNote } from './namespace-draft.js';
import { gatewayIn, hostIn, vsHostRefs, vsHostsNaming } from './namespace-hosts.js';
import { grantFor, grantsOnly, withFrom, type GrantState, type RefEnds } from './namespace-grants.js';
import { referencesOf, referencesTo, type Reference } from './references.js';

export type { NamespaceNote, NamespaceNoteCode } from './namespace-draft.js';

export type NamespaceChange =
  | { readonly ok: true; readonly edits: ResourceEdit[]; readonly label: string; readonly notes: readonly NamespaceNote[] }
  | { readonly ok: false; readonly reason: string };

/** References the Gateway API only allows across namespaces with a ReferenceGrant (§3.4). */
const needsGrant = (ref: Reference): boolean => ref.path.some((s) => s === 'backendRefs' || s === 'backendRef' || s === 'certificateRefs');
/** References that name an object of the referrer's own namespace only: they cannot follow. */
const localOnly = (ref: Reference): boolean => ref.path[1] === 'targetRefs' || ref.path.includes('credentialName');
const entryOf = (ref: Reference): FieldPath => ref.path.slice(0, -1);

/**
 * Moves an object to another namespace, and makes what refers to it — and what it refers to —
 * keep naming the same objects: a ref without a namespace gets one (`namespace: old`), an
 * explicit one is rewritten, an Istio gateway becomes `ns/name` and a short host its full name.
 * A ReferenceGrant that allowed a reference follows it (moved when it served only this object,
 * else copied for it, or widened to the new `from` namespace). What cannot follow is said in
 * `notes`: a reference that now needs a grant nobody gave, a listener that admits routes from
 * its own namespace only, a reference the API keeps inside one namespace (a policy's targetRef,
 * an Istio credentialName).
 */
export function changeNamespace(resources: readonly Resource[], target: Resource, namespace: string): NamespaceChange {
  if (kindInfo(target.group, target.kind)?.namespaced === false || target.namespace === '') return { ok: false, reason: `${target.kind} is cluster-scoped: it has no namespace` };
  const invalid = checkNamespaceName(namespace);
  if (invalid) return { ok: false, reason: invalid };
  const old = target.namespace;
  if (namespace === old) return { ok: true, edits: [], label: '', notes: [] };
  const newId = makeResourceId(target.group, target.kind, namespace, target.name);
  if (resources.some((r) => r.id === newId)) return { ok: false, reason: `${target.kind} ${namespace}/${target.name} already exists` };

  const d = new NamespaceDraft(resources, target, namespace);
  d.put(target, setAt(target.object, ['metadata', 'namespace'], namespace));
  const incoming = [...referencesTo(resources, target), ...(target.group === '' && target.kind === 'Service' ? vsHostsNaming(resources, target) : [])].filter((r) => r.from !== target);
  followGrantsOf(d, incoming);
  for (const ref of incoming) followIncoming(d, ref);
  for (const ref of [...referencesOf(target), ...vsHostRefs(target)]) followOutgoing(d, ref);
  return { ok: true, edits: d.edits(), label: `Move ${target.kind} ${target.name} to namespace ${namespace}`, notes: d.notes };
}

/** Grants in the old namespace that allowed references to the target: they follow it. */
function followGrantsOf(d: NamespaceDraft, incoming: readonly Reference[]): void {
  const to = { group: d.target.group, kind: d.target.kind, namespace: d.old, name: d.target.name };
  const byGrant = new Map<GrantState, RefEnds['from'][]>();
  for (const ref of incoming) {
    const from = { group: ref.from.group, kind: ref.from.kind, namespace: ref.from.namespace };
    if (!needsGrant(ref) || from.namespace === d.namespace) continue;
    const grant = grantFor(d.originalGrants, { from, to });
    if (grant && grant !== 'same') byGrant.set(grant, [...(byGrant.get(grant) ?? []), from]);
  }
  for (const [grant, froms] of byGrant) {
    const resource = grant.resource as Resource;
    if (grantsOnly(grant, to)) {
      d.moveGrant(resource);
      d.note('grant-moved', 'info', resource, undefined, `ReferenceGrant ${resource.name} moved along to ${d.namespace}`);
    } else {
      const name = d.addGrant(resource, froms, { group: to.group, kind: to.kind, name: to.name });
      d.note('grant-added', 'info', resource, undefined, `ReferenceGrant ${d.namespace}/${name} added: a copy of ${resource.namespace}/${resource.name} for ${d.target.kind} ${d.target.name}`);
    }
  }
}

function followIncoming(d: NamespaceDraft, ref: Reference): void {
  const from = ref.from;
  const value = getAt(d.get(from), ref.path);
  if (ref.form === 'istioGateway') return d.put(from, setAt(d.get(from), ref.path, gatewayIn(String(value), d.namespace, from.namespace)));
  if (ref.form === 'istioHost') return d.put(from, setAt(d.get(from), ref.path, hostIn(String(value), d.namespace, from.namespace)));
  if (localOnly(ref)) return d.note('same-namespace-only', 'warning', from, ref.path, `${d.title(from)} can only name a ${d.target.kind} of its own namespace (${formatPath(ref.path)}): it no longer names ${d.target.name}`);
  const at = [...entryOf(ref), 'namespace'];
  const explicit = getAt(d.get(from), at) !== undefined;
  d.put(from, setAt(d.get(from), at, explicit || d.namespace !== from.namespace ? d.namespace : undefined));
  checkReference(d, ref, { group: from.group, kind: from.kind, namespace: from.namespace }, { ...ref.target, namespace: d.namespace });
}

function followOutgoing(d: NamespaceDraft, ref: Reference): void {
  const t = d.target;
  const value = getAt(d.get(t), ref.path);
  if (ref.form === 'istioGateway') return d.put(t, setAt(d.get(t), ref.path, gatewayIn(String(value), ref.target.namespace, d.namespace)));
  if (ref.form === 'istioHost') return d.put(t, setAt(d.get(t), ref.path, hostIn(String(value), ref.target.namespace, d.namespace)));
  if (ref.target.namespace === '') return; // a cluster-scoped object (GatewayClass): names do not depend on namespaces
  if (localOnly(ref)) return d.note('same-namespace-only', 'warning', t, ref.path, `${d.title(t)} names a ${ref.target.kind} of its own namespace (${formatPath(ref.path)}): it now means ${ref.target.kind} ${d.namespace}/${ref.target.name}`);
  const at = [...entryOf(ref), 'namespace'];
  if (getAt(d.get(t), at) === undefined) d.put(t, setAt(d.get(t), at, ref.target.namespace));
  checkReference(d, ref, { group: t.group, kind: t.kind, namespace: d.namespace }, ref.target);
}

/** After the move: is the reference allowed (a grant, a listener admitting the route)? Says so when not. */
function checkReference(d: NamespaceDraft, ref: Reference, from: RefEnds['from'], to: RefEnds['to']): void {
  if (needsGrant(ref) && !grantFor(d.grants(), { from, to })) {
    const before = ref.from === d.target ? grantFor(d.originalGrants, { from: { ...from, namespace: d.old }, to }) : undefined;
    if (before && before !== 'same' && before.resource) {
      d.put(before.resource, withFrom(d.get(before.resource), from));
      d.note('grant-widened', 'info', before.resource, undefined, `ReferenceGrant ${before.resource.namespace}/${before.resource.name} now also allows ${from.kind}s from ${from.namespace}`);
    } else d.note('needs-grant', 'warning', ref.from, ref.path, grantNote(d, ref, from, to));
  }
  if (ref.path[1] === 'parentRefs' || ref.path[1] === 'parentRef') {
    const refusal = admitsRoute(d, ref, from.namespace, to);
    if (refusal) d.note('listener-namespaces', 'warning', ref.from, ref.path, refusal);
  }
}
