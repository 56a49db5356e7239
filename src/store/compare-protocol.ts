import type { GraphEdge, GraphNode, RouteGraph } from '../core/index';
import { CHUNK } from './analyzer-protocol';
import type { CompareAnswer } from './comparison';

/**
 * How a compare answer travels from the Worker (see analyzer-protocol.ts):
 *   page → worker  { type: 'compare', request: { seq, before: { files }, afterTableId } }
 *                  → { type: 'compare-chunk', … } × n, then { type: 'comparison', answer, graph }
 * The before version's graph is as big as an analysis's: it travels in chunks, like one, and only
 * when it is not the graph this worker sent last (`graph: 'same'`: the page keeps it) — a diff
 * after each edit then costs the diff alone, not a 6 MB graph per keystroke.
 */
export type CompareChunk =
  | { readonly type: 'compare-chunk'; readonly seq: number; readonly field: 'nodes'; readonly items: readonly GraphNode[] }
  | { readonly type: 'compare-chunk'; readonly seq: number; readonly field: 'edges'; readonly items: readonly GraphEdge[] };

export type ComparePiece =
  | CompareChunk
  /** `sent`: the graph's nodes and edges came in the chunks before; `same`: the graph the page last received. */
  | { readonly type: 'comparison'; readonly answer: CompareAnswer; readonly graph: 'sent' | 'same' };

/** The messages of one answer; `lastSent`: the before graph this worker sent last. */
export function compareReplies(answer: CompareAnswer, lastSent: RouteGraph | null, chunk = CHUNK): ComparePiece[] {
  if (answer.kind !== 'compared') return [{ type: 'comparison', answer, graph: 'same' }];
  const { seq, beforeGraph } = answer;
  const bare = { ...answer, beforeGraph: { ...beforeGraph, nodes: [], edges: [] } };
  if (beforeGraph === lastSent) return [{ type: 'comparison', answer: bare, graph: 'same' }];
  const replies: ComparePiece[] = [];
  for (let i = 0; i < beforeGraph.nodes.length; i += chunk) replies.push({ type: 'compare-chunk', seq, field: 'nodes', items: beforeGraph.nodes.slice(i, i + chunk) });
  for (let i = 0; i < beforeGraph.edges.length; i += chunk) replies.push({ type: 'compare-chunk', seq, field: 'edges', items: beforeGraph.edges.slice(i, i + chunk) });
  replies.push({ type: 'comparison', answer: bare, graph: 'sent' });
  return replies;
}

/** Puts compare answers back together on the page (see `compareReplies`); holds the last graph. */
export class CompareAssembler {
  private nodes: GraphNode[] = [];
  private edges: GraphEdge[] = [];
  private last: RouteGraph | null = null;

  /** Takes a chunk (returns null) or the closing message (returns the whole answer). */
  add(reply: ComparePiece): CompareAnswer | null {
    if (reply.type === 'compare-chunk') {
      const into: unknown[] = reply.field === 'nodes' ? this.nodes : this.edges;
      for (const item of reply.items) into.push(item);
      return null;
    }
    const { answer } = reply;
    if (answer.kind !== 'compared') return answer;
    const graph = reply.graph === 'sent' || !this.last ? { ...answer.beforeGraph, nodes: this.nodes, edges: this.edges } : this.last;
    this.nodes = [];
    this.edges = [];
    this.last = graph;
    return { ...answer, beforeGraph: graph };
  }

  /** A fresh worker sends every graph again. */
  reset(): void {
    this.nodes = [];
    this.edges = [];
    this.last = null;
  }
}
