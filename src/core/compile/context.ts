/**
 * What every compile step looks up: the design's objects by kind and name, the options, and the
 * sinks for notes and diagnostics. Built once per compile.
 */
import type { Diagnostic, Severity, SourceRange } from '../diagnostics/types.js';
import { formatPath, type FieldPath } from '../resources/path.js';
import { GATEWAY_GROUP } from '../resources/kinds.js';
import type { Resource } from '../resources/types.js';
import { labelsOf } from './read.js';
import type { Note, ObjectRef } from './types.js';

export interface CompileContext {
  readonly assumeExternal: boolean;
  /** `group/Kind/namespace/name` → resource (group `core` for ''). */
  find(group: string, kind: string, namespace: string, name: string): Resource | undefined;
  ofKind(group: string, kind: string): readonly Resource[];
  /** Labels of a Namespace in the design, or null when the design does not contain it. */
  namespaceLabels(name: string): Readonly<Record<string, string>> | null;
  note(note: Note): void;
  /**
   * `path` as segments or as text (`spec.rules[0].matches[1]`); `code` a CompileCode or a dialect's own code;
   * `istioCode` the `istioctl analyze` code with the same meaning, when one corresponds.
   */
  diagnose(resource: Resource, code: CompileCode | (string & {}), severity: Severity, message: string, path?: FieldPath | string, istioCode?: string): void;
  readonly notes: Note[];
  readonly diagnostics: Diagnostic[];
}

export function refOf(r: Resource): ObjectRef {
  return { kind: r.kind, namespace: r.namespace, name: r.name };
}

export function formatRef(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace === '' ? '' : `${ref.namespace}/`}${ref.name}`;
}

/**
 * Resources by group, kind, namespace and name, in nested maps: a lookup joins no key string (every
 * backendRef, parent and Service is looked up, tens of thousands per compile of a large design).
 */
type Nested = Map<string, Map<string, Map<string, Map<string, Resource>>>>;

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/**
 * Codes of the runtime problems compile reports (documented in the README). The same facts are in
 * the status; these put them in the problems list, at the field that causes them.
 */
export const COMPILE_CODES = [
  'ParentNotFound',
  'RouteNotAccepted',
  'RefsNotResolved',
  'RuleDropped',
  'ListenerNotValid',
  'ListenerSetNotAccepted',
  'GatewayNotAccepted',
  'GatewayRefsNotResolved',
  'GatewayClassNotAccepted',
  'FrontendValidationInsecure',
  'BackendTLSPolicyNotAccepted',
  'BackendTLSPolicyRefsNotResolved',
] as const;
export type CompileCode = (typeof COMPILE_CODES)[number];

export type Locate = (resource: Resource, path: FieldPath) => SourceRange;

export function createContext(resources: readonly Resource[], assumeExternal: boolean, locate?: Locate): CompileContext {
  const byKey: Nested = new Map();
  const byKind = new Map<string, Map<string, Resource[]>>();
  for (const r of resources) {
    const kinds = child(byKey, r.group, () => new Map());
    child(child(kinds, r.kind, () => new Map()), r.namespace, () => new Map()).set(r.name, r);
    child(child(byKind, r.group, () => new Map()), r.kind, () => []).push(r);
  }
  const find = (group: string, kind: string, namespace: string, name: string): Resource | undefined => byKey.get(group)?.get(kind)?.get(namespace)?.get(name);
  const notes: Note[] = [];
  const noteKeys = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  return {
    assumeExternal,
    notes,
    diagnostics,
    find,
    ofKind: (group, kind) => byKind.get(group)?.get(kind) ?? [],
    namespaceLabels(name) {
      const ns = find('', 'Namespace', '', name);
      return ns ? labelsOf(ns.object) : null;
    },
    note(n) {
      const k = `${n.code}\u0000${n.message}`;
      if (noteKeys.has(k)) return;
      noteKeys.add(k);
      notes.push(n);
    },
    diagnose(resource, code, severity, message, path = [], istioCode) {
      const segments = typeof path === 'string' ? parseFieldPath(path) : path;
      const line = resource.source.line;
      const at = locate ? locate(resource, segments) : { file: resource.source.file, line, column: 1, endLine: line, endColumn: 1 };
      diagnostics.push({ code, severity, message, ...at, resource: refOf(resource), ...(segments.length > 0 ? { path: formatPath(segments) } : {}), ...(istioCode === undefined ? {} : { istioCode }) });
    },
  };
}

export const GW = GATEWAY_GROUP;

/** `spec.rules[0].backendRefs[1]` → ['spec', 'rules', 0, 'backendRefs', 1] (the inverse of formatPath for plain keys). */
export function parseFieldPath(text: string): FieldPath {
  return text
    .split(/\.|\[|\]/)
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/^"(.*)"$/, '$1')));
}
