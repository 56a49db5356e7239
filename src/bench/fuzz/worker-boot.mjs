// Starts a worker thread on a TypeScript module (tsx compiles it): workerData.module is its URL.
import { workerData } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

await tsImport(workerData.module, import.meta.url);
