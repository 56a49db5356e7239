import type { RouteGraph } from '../core/index';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Computes node positions (top-left corners, absolute) for a graph — in a Worker in the browser. */
export interface Layouter {
  /**
   * Positions for every node. `fixed`: nodes the user placed by hand, which keep their positions;
   * no other node may be laid out over them. One exception: a hand-placed node that something
   * grew over (a card gained rows, a namespace box around it) may be pushed straight down — the
   * store takes that new place.
   */
  layout(graph: RouteGraph, fixed?: Readonly<Record<string, XY>>): Promise<Readonly<Record<string, XY>>>;
  /**
   * The positions with node `kept` (just dropped by hand) where it is and nothing drawn over
   * anything else: what it covers moves down out of its way. At once, no layout.
   */
  clear?(graph: RouteGraph, positions: Readonly<Record<string, XY>>, kept: string): Readonly<Record<string, XY>>;
}

/**
 * What the layout depends on: nodes, their sizes (row counts, and which rows say a problem on a
 * second line) and the edges' endpoints — not labels, weights or text. While it stays the same
 * (typing a weight, renaming a match) nothing moves; when a card grows, what it would cover moves.
 */
export function layoutKey(graph: RouteGraph): string {
  const parts: string[] = [];
  for (const n of graph.nodes) {
    let problems = '';
    for (const r of n.rows) if (r.problem) problems += `,${r.id}`;
    parts.push(`${n.id}:${n.rows.length}${problems}`);
  }
  parts.push('|');
  for (const e of graph.edges) parts.push(`${e.source}>${e.sourceRow ?? ''}>${e.target}>${e.targetRow ?? ''}`);
  return parts.join('\n');
}
