import type { CompileResult } from '../compile/types.js';
import { parse } from '../resources/parse.js';
import { compileText } from '../test-kit.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { buildGraph } from './build-graph.js';
import type { GraphEdge, RouteGraph } from './types.js';

/** Test helper: YAML → graph (with optional diagnostics). */
export function graphOf(yaml: string, diagnostics?: (parsed: ReturnType<typeof parse>) => Diagnostic[]): RouteGraph {
  const parsed = parse([{ name: 'design.yaml', text: yaml }]);
  return buildGraph(parsed.resources, diagnostics ? diagnostics(parsed) : parsed.diagnostics);
}

/** Test helper: YAML → compiled design and its graph drawn with the status compile computes, as the app draws it. */
export function compiledGraphOf(yaml: string): { compiled: CompileResult; graph: RouteGraph } {
  const { parsed, compiled } = compileText(yaml);
  return { compiled, graph: buildGraph(parsed.resources, compiled.diagnostics, compiled.status) };
}

/** `kind source[#row] -> target[#row] label` with ids shortened to their last segments, for readable expectations. */
export function edgeLines(g: RouteGraph, kinds: readonly GraphEdge['kind'][] = ['attach', 'backend', 'mirror', 'ref']): string[] {
  return g.edges
    .filter((e) => kinds.includes(e.kind))
    .map((e) => {
      const end = (node: string, row?: string) => `${short(node)}${row ? `#${row.slice(row.indexOf('#') + 1)}` : ''}`;
      return [e.kind, end(e.source, e.sourceRow), '->', end(e.target, e.targetRow), e.label ?? '', e.broken ? `!${e.broken}` : '']
        .filter(Boolean)
        .join(' ');
    });
}

/** `gateway.networking.k8s.io/HTTPRoute/shop/cart` → `HTTPRoute/shop/cart`. */
export function short(id: string): string {
  if (id.startsWith('missing:')) return id;
  const parts = id.split('/');
  return parts.slice(-3).join('/');
}
