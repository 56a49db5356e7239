import type { Analysis, AnalysisRequest } from './analysis';
import type { SimulationAnswer, SimulationRequest } from './simulation';

/**
 * Messages between the page and the analysis Worker. The worker answers in order:
 *   page → worker  { type: 'analyze', request: { seq, files } }     → { type: 'analysis', analysis }
 *   page → worker  { type: 'simulate', request: { seq, tableId, input } } → { type: 'simulation', answer }
 * `seq` pairs an answer with its request; the store drops answers that are no longer current.
 */
export type AnalyzerMessage = { readonly type: 'analyze'; readonly request: AnalysisRequest } | { readonly type: 'simulate'; readonly request: SimulationRequest };

export type AnalyzerReply = { readonly type: 'analysis'; readonly analysis: Analysis } | { readonly type: 'simulation'; readonly answer: SimulationAnswer };
