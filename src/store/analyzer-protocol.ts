import type { GraphEdge, GraphNode, Resource } from '../core/index';
import type { Analysis, AnalysisRequest, AnalysisStep } from './analysis';
import type { RouteTestsAnswer, RouteTestsRequest } from './route-tests-run';
import type { SimulationAnswer, SimulationRequest } from './simulation';
import type { ComparePiece } from './compare-protocol';
import type { CompareRequest } from './comparison';

/**
 * Messages between the page and the analysis Worker. The worker answers in order:
 *   page → worker  { type: 'analyze', request: { seq, files } }
 *                  → { type: 'analysis-chunk', … } × n, then { type: 'analysis', analysis }
 *   page → worker  { type: 'simulate', request: { seq, tableId, input } } → { type: 'simulation', answer }
 *   page → worker  { type: 'compare', request: { seq, before, afterTableId } } → see compare-protocol.ts
 *   page → worker  { type: 'run-tests', request: { seq, tableId, text } } → { type: 'tests', answer }
 * `seq` pairs an answer with its request; the store drops answers that are no longer current.
 * Before its answer an analysis reports each step done (`progress`: objects found; `sending`
 * with the number of messages to come), and the worker says `ready` once, when its code loaded
 * (the watchdog's bounds start then: see watched-worker.ts).
 *
 * An analysis travels in pieces: its big lists (resources, graph nodes and edges) in chunks of
 * CHUNK items first, then the rest with those lists empty. The page reads each message in a task
 * of its own — a 1,000-route design's analysis is ~6 MB of structured clone, over 100 ms to read
 * in one piece on the page's main thread.
 */
export type AnalyzerMessage =
  | { readonly type: 'analyze'; readonly request: AnalysisRequest }
  | { readonly type: 'simulate'; readonly request: SimulationRequest }
  | { readonly type: 'compare'; readonly request: CompareRequest }
  | { readonly type: 'run-tests'; readonly request: RouteTestsRequest };

export type AnalysisChunk =
  | { readonly type: 'analysis-chunk'; readonly seq: number; readonly field: 'resources'; readonly items: readonly Resource[] }
  | { readonly type: 'analysis-chunk'; readonly seq: number; readonly field: 'nodes'; readonly items: readonly GraphNode[] }
  | { readonly type: 'analysis-chunk'; readonly seq: number; readonly field: 'edges'; readonly items: readonly GraphEdge[] };

/** The messages that carry an analysis: its chunks, then the rest. */
export type AnalysisPiece = AnalysisChunk | { readonly type: 'analysis'; readonly analysis: Analysis };

export interface AnalysisStepReply {
  readonly type: 'progress';
  readonly seq: number;
  readonly step: AnalysisStep | 'sending';
  readonly objects: number;
  /** With `sending`: how many messages carry the analysis. */
  readonly messages?: number;
}

export type AnalyzerReply =
  | AnalysisPiece
  | AnalysisStepReply
  | { readonly type: 'simulation'; readonly answer: SimulationAnswer }
  | ComparePiece
  | { readonly type: 'tests'; readonly answer: RouteTestsAnswer }
  | { readonly type: 'ready' };

/**
 * Items per chunk: on a 100,000-object design a chunk of 1,000 resources took 100–280 ms to
 * read on the page; 250 keeps each message's task well under 100 ms.
 */
export const CHUNK = 250;

/** The messages that carry one analysis, in the order they are to be sent. */
export function analysisReplies(analysis: Analysis, chunk = CHUNK): AnalysisPiece[] {
  const { seq } = analysis;
  const replies: AnalysisPiece[] = [];
  for (let i = 0; i < analysis.resources.length; i += chunk) replies.push({ type: 'analysis-chunk', seq, field: 'resources', items: analysis.resources.slice(i, i + chunk) });
  for (let i = 0; i < analysis.graph.nodes.length; i += chunk) replies.push({ type: 'analysis-chunk', seq, field: 'nodes', items: analysis.graph.nodes.slice(i, i + chunk) });
  for (let i = 0; i < analysis.graph.edges.length; i += chunk) replies.push({ type: 'analysis-chunk', seq, field: 'edges', items: analysis.graph.edges.slice(i, i + chunk) });
  replies.push({ type: 'analysis', analysis: { ...analysis, resources: [], graph: { ...analysis.graph, nodes: [], edges: [] } } });
  return replies;
}

/** Puts an analysis back together from its messages (see `analysisReplies`). */
export class AnalysisAssembler {
  private readonly parts = new Map<number, { resources: Resource[]; nodes: GraphNode[]; edges: GraphEdge[] }>();

  /** Takes a chunk (returns null) or the closing message (returns the whole analysis). */
  add(reply: AnalysisPiece): Analysis | null {
    if (reply.type === 'analysis-chunk') {
      let p = this.parts.get(reply.seq);
      if (!p) {
        p = { resources: [], nodes: [], edges: [] };
        this.parts.set(reply.seq, p);
      }
      const into: unknown[] = p[reply.field];
      for (const item of reply.items) into.push(item);
      return null;
    }
    const { analysis } = reply;
    const p = this.parts.get(analysis.seq) ?? { resources: [], nodes: [], edges: [] };
    this.parts.delete(analysis.seq);
    return { ...analysis, resources: p.resources, graph: { ...analysis.graph, nodes: p.nodes, edges: p.edges } };
  }
}
