/** The store's front door for the UI. */
export { createDesignStore, diagnosticsOfSelection } from './design-store';
export { createWorkerAnalyzer } from './worker-analyzer';
export { layoutKey } from './layout';
export {
  selectGraph,
  selectNode,
  selectGroup,
  selectDiagnostics,
  selectIsStale,
  selectErrorCount,
  selectWarningCount,
  selectResource,
  resourceIdsOf,
} from './selectors';
export { DesignStoreContext, useDesign, useDesignStore } from './useDesign';

export type { DesignState, DesignActions, DesignStore, DesignDeps, Theme, PanelTab, RevealRequest, ViewCommand } from './design-store';
export type { Analysis, Analyzer, AnalysisRequest } from './analysis';
export type { Layouter, XY } from './layout';
