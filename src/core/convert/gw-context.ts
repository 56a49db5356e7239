import type { Design } from './design.js';
import type { Report } from './report.js';

/** Shared state of a Gateway API → Istio conversion. */
export interface GwCtx {
  readonly design: Design;
  readonly report: Report;
  readonly assumeExternal: boolean;
}
