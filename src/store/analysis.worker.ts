import { createAnalysisSession } from './analysis';
import { analysisReplies, type AnalyzerMessage, type AnalyzerReply } from './analyzer-protocol';
import { compareReplies } from './compare-protocol';
import type { RouteGraph } from '../core/index';
import { failed } from './watched-worker';

/**
 * The worker side of the page: parse, validate and compile here, so a 20 MB paste never blocks
 * the page; the compiled RouteTables stay here and simulate requests are answered against them.
 * The page's watchdog (worker-analyzer.ts) terminates this worker when an answer is too late.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalyzerMessage>) => void) | null;
  postMessage(message: AnalyzerReply | ReturnType<typeof failed>): void;
}

const session = createAnalysisSession();
/** The before version's graph sent last: the page keeps it, so an unchanged one is not sent again. */
let sentGraph: RouteGraph | null = null;
const scope = self as unknown as WorkerScope;
/** One request's answer; a throw is said to the page as that request's failure (watched-worker.ts). */
const handle = (message: AnalyzerMessage): void => {
  if (message.type === 'analyze') {
    const { seq } = message.request;
    const analysis = session.analyze(message.request, (step, objects) => scope.postMessage({ type: 'progress', seq, step, objects }));
    const replies = analysisReplies(analysis);
    scope.postMessage({ type: 'progress', seq, step: 'sending', objects: analysis.resources.length, messages: replies.length });
    for (const reply of replies) scope.postMessage(reply);
  } else if (message.type === 'compare') {
    const answer = session.compare(message.request);
    for (const reply of compareReplies(answer, sentGraph)) scope.postMessage(reply);
    if (answer.kind === 'compared') sentGraph = answer.beforeGraph;
  } else if (message.type === 'run-tests') scope.postMessage({ type: 'tests', answer: session.runTests(message.request) });
  else scope.postMessage({ type: 'simulation', answer: session.simulate(message.request) });
};
scope.onmessage = (event) => {
  try {
    handle(event.data);
  } catch (error) {
    scope.postMessage(failed(error));
  }
};
scope.postMessage({ type: 'ready' });
