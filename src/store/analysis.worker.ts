import { createAnalysisSession } from './analysis';
import { analysisReplies, type AnalyzerMessage, type AnalyzerReply } from './analyzer-protocol';

/**
 * The worker side of the page: parse, validate and compile here, so a 20 MB paste never blocks
 * the page; the compiled RouteTables stay here and simulate requests are answered against them.
 */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalyzerMessage>) => void) | null;
  postMessage(message: AnalyzerReply): void;
}

const session = createAnalysisSession();
const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'analyze') {
    for (const reply of analysisReplies(session.analyze(message.request))) scope.postMessage(reply);
  } else scope.postMessage({ type: 'simulation', answer: session.simulate(message.request) });
};
