import { analyze, type Analysis, type AnalysisRequest } from './analysis';

/** The worker side of the page: parse and validate here, so a 20 MB paste never blocks the page. */
interface WorkerScope {
  onmessage: ((event: MessageEvent<AnalysisRequest>) => void) | null;
  postMessage(message: Analysis): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => {
  scope.postMessage(analyze(event.data));
};
