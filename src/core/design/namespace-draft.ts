import type { ResourceEdit } from '../resources/edit.js';
import { GATEWAY_GROUP } from '../resources/kinds.js';
import { formatPath, getAt, type FieldPath } from '../resources/path.js';
import { isRecord, type KubeObject, type Resource } from '../resources/types.js';
import { setAt } from './immutable.js';
import { isGrant, type GrantState, type RefEnds } from './namespace-grants.js';
import type { Reference } from './references.js';

export type NamespaceNoteCode = 'grant-moved' | 'grant-added' | 'grant-widened' | 'needs-grant' | 'listener-namespaces' | 'same-namespace-only';

/** What a namespace change did beyond rewriting references (info), or what could not follow (warning). */
export interface NamespaceNote {
  readonly code: NamespaceNoteCode;
  readonly severity: 'info' | 'warning';
  /** The object holding the reference (or the grant): `Kind namespace/name`. */
  readonly object: string;
  readonly path?: string;
  readonly message: string;
}

/** The objects of a namespace change being prepared: changed copies, added grants, notes. */
export class NamespaceDraft {
  readonly old: string;
  readonly notes: NamespaceNote[] = [];
  readonly originalGrants: readonly GrantState[];
  private readonly objects = new Map<Resource, KubeObject>();
  private readonly moved = new Set<Resource>();
  private readonly added: KubeObject[] = [];

  constructor(
    readonly resources: readonly Resource[],
    readonly target: Resource,
    readonly namespace: string,
  ) {
    this.old = target.namespace;
    this.originalGrants = resources.filter(isGrant).map((r) => ({ resource: r, namespace: r.namespace, object: r.object }));
  }

  get(r: Resource): KubeObject {
    return this.objects.get(r) ?? r.object;
  }

  put(r: Resource, object: KubeObject): void {
    this.objects.set(r, object);
  }

  title(r: Resource): string {
    return `${r.kind} ${r === this.target || this.moved.has(r) ? this.namespace : r.namespace}/${r.name}`;
  }

  note(code: NamespaceNoteCode, severity: NamespaceNote['severity'], r: Resource, path: FieldPath | undefined, message: string): void {
    this.notes.push({ code, severity, object: this.title(r), ...(path ? { path: formatPath(path) } : {}), message });
  }

  /** The ReferenceGrants as they will be: moved ones in their new namespace, added ones too. */
  grants(): GrantState[] {
    const kept = this.resources.filter(isGrant).map((r) => ({ resource: r, namespace: this.moved.has(r) ? this.namespace : r.namespace, object: this.get(r) }));
    return [...kept, ...this.added.map((object) => ({ resource: null, namespace: this.namespace, object }))];
  }

  moveGrant(grant: Resource): void {
    const name = this.freeGrantName(grant.name);
    this.moved.add(grant);
    this.put(grant, setAt(setAt(this.get(grant), ['metadata', 'name'], name), ['metadata', 'namespace'], this.namespace));
  }

  /** A grant in the new namespace allowing `froms` to reach `to`, named after `like`; returns its name. */
  addGrant(like: Resource, froms: readonly RefEnds['from'][], to: { group: string; kind: string; name: string }): string {
    const name = this.freeGrantName(like.name);
    const from = [...new Map(froms.map((f) => [`${f.group}/${f.kind}/${f.namespace}`, f])).values()];
    this.added.push({ apiVersion: String(like.object.apiVersion), kind: 'ReferenceGrant', metadata: { name, namespace: this.namespace }, spec: { from, to: [to] } });
    return name;
  }

  private freeGrantName(base: string): string {
    const taken = new Set(this.grants().filter((g) => g.namespace === this.namespace).map((g) => String(getAt(g.object, ['metadata', 'name']))));
    if (!taken.has(base)) return base;
    for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  edits(): ResourceEdit[] {
    return [...[...this.objects].map(([resource, object]): ResourceEdit => ({ type: 'replace', resource, object })), ...this.added.map((object): ResourceEdit => ({ type: 'add', object }))];
  }
}

/** Why no grant allows the reference now, in words. */
export function grantNote(d: NamespaceDraft, ref: Reference, from: RefEnds['from'], to: RefEnds['to']): string {
  return `${d.title(ref.from)} now names ${to.kind} ${to.namespace}/${to.name} in another namespace (${formatPath(ref.path)}): it needs a ReferenceGrant in ${to.namespace} allowing ${from.kind}s from ${from.namespace}`;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Whether a Gateway of the design lets a route (or a ListenerSet) of namespace `from` attach:
 * its listeners' `allowedRoutes.namespaces.from` (default Same) or its `allowedListeners`
 * (default None). Returns why not, or null (allowed, or the parent is not in the design).
 */
export function admitsRoute(d: NamespaceDraft, ref: Reference, from: string, to: RefEnds['to']): string | null {
  if (to.group !== GATEWAY_GROUP || to.kind !== 'Gateway' || from === to.namespace) return null;
  const gateway = d.resources.find((r) => r.group === GATEWAY_GROUP && r.kind === 'Gateway' && r.name === to.name && (r === d.target ? d.namespace : r.namespace) === to.namespace);
  if (!gateway) return null;
  const spec = d.get(gateway).spec;
  const entry = getAt(d.get(ref.from), ref.path.slice(0, -1));
  const settings =
    ref.path[1] === 'parentRef'
      ? [getAt(spec, ['allowedListeners', 'namespaces', 'from']) ?? 'None']
      : list(getAt(spec, ['listeners']))
          .filter((l) => !isRecord(entry) || entry.sectionName === undefined || (isRecord(l) && l.name === entry.sectionName))
          .map((l) => getAt(l, ['allowedRoutes', 'namespaces', 'from']) ?? 'Same');
  if (settings.includes('All')) return null;
  const field = ref.path[1] === 'parentRef' ? 'allowedListeners.namespaces.from' : 'allowedRoutes.namespaces.from';
  if (settings.includes('Selector')) return `${d.title(gateway)} admits other namespaces by label (${field}: Selector): check that ${from} is selected`;
  return `${d.title(gateway)} admits no ${ref.from.kind} from ${from} (${field}: ${[...new Set(settings.map(String))].join(', ') || 'no listener'}): it needs All or a Selector`;
}
