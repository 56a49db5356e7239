/** Where reach diagnostics point: rule and match paths of entries, located in the text. */
import { parseFieldPath } from '../../compile/context.js';
import type { RouteEntry } from '../../compile/types.js';
import type { ResourceRef, SourceRange } from '../../diagnostics/types.js';
import type { Resource } from '../../resources/types.js';
import type { ReachInput } from './types.js';

/** `spec.rules[1].matches[0]` → `spec.rules[1]`; `spec.http[0].match[2]` → `spec.http[0]`. */
export function rulePath(e: RouteEntry): string {
  const path = e.provenance.path;
  // Read with indexOf rather than a regex: this runs several times per rule of the design.
  const dot = path.lastIndexOf('.');
  if (dot < 0 || !path.endsWith(']')) return path;
  const open = path.indexOf('[', dot);
  const field = path.slice(dot + 1, open);
  if (open < 0 || (field !== 'matches' && field !== 'match') || !/^\d+$/.test(path.slice(open + 1, -1))) return path;
  return path.slice(0, dot);
}

export function refOf(e: RouteEntry): ResourceRef {
  const r = e.provenance.ref;
  return { kind: r.kind, namespace: r.namespace, name: r.name };
}

/** `HTTPRoute shop/cart spec.rules[1]`. */
export function describe(e: RouteEntry, path = rulePath(e)): string {
  const r = e.provenance.ref;
  return `${r.kind} ${r.namespace}/${r.name} ${path}`;
}

export type Locator = (e: RouteEntry, path: string) => SourceRange | null;

export function locator(input: ReachInput): Locator {
  // Indexed on the first problem located: a design without any needs no index of every object.
  let byId: Map<string, Resource> | undefined;
  return (e, path) => {
    byId ??= new Map<string, Resource>(input.resources.map((r) => [r.id, r]));
    const r = byId.get(e.provenance.resource);
    if (!r) return null;
    if (input.locate) return input.locate(r, parseFieldPath(path));
    return { file: r.source.file, line: r.source.line, column: 1, endLine: r.source.line, endColumn: 1 };
  };
}
