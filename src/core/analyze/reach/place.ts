/** Where reach diagnostics point: rule and match paths of entries, located in the text. */
import { parseFieldPath } from '../../compile/context.js';
import type { RouteEntry } from '../../compile/types.js';
import type { ResourceRef, SourceRange } from '../../diagnostics/types.js';
import type { Resource } from '../../resources/types.js';
import type { ReachInput } from './types.js';

/** `spec.rules[1].matches[0]` → `spec.rules[1]`; `spec.http[0].match[2]` → `spec.http[0]`. */
export function rulePath(e: RouteEntry): string {
  return e.provenance.path.replace(/\.(matches|match)\[\d+\]$/, '');
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
  const byId = new Map<string, Resource>(input.resources.map((r) => [r.id, r]));
  return (e, path) => {
    const r = byId.get(e.provenance.resource);
    if (!r) return null;
    if (input.locate) return input.locate(r, parseFieldPath(path));
    return { file: r.source.file, line: r.source.line, column: 1, endLine: r.source.line, endColumn: 1 };
  };
}
