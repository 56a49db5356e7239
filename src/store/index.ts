/** The store's front door for the UI. */
export { createDesignStore, diagnosticsOfSelection } from './design-store';
export { createWorkerAnalyzer } from './worker-analyzer';
export { layoutKey } from './layout';
export {
  selectGraph,
  selectViewGraph,
  selectNode,
  selectGroup,
  selectDiagnostics,
  selectIsStale,
  selectErrorCount,
  selectWarningCount,
  selectResource,
  resourceIdsOf,
  selectFilterOptions,
  selectAside,
} from './selectors';
export { NO_VIEW_FILTER, toggleHidden, resetHidden } from './view-filter';
export { DesignStoreContext, useDesign, useDesignStore } from './useDesign';
export {
  selectSimulator,
  selectSimulatorInput,
  selectSimulatorAnswer,
  selectDecision,
  selectDecisionPath,
  answerPath,
  selectNodeLit,
  selectRowLit,
  selectEdgeLit,
  selectTraceTarget,
} from './simulator-selectors';
export { selectObjectStatus } from './status-selectors';
export { selectProblemCounts, selectProblemTotal, selectRuleReach, matchesFilter, NO_FILTER } from './verdict-selectors';
export { DEFAULT_SIMULATOR_INPUT, newKeyValue } from './simulator';
export { editingOf } from './edit-actions';
export { setNewObjectPlacer } from './edit-actions-place';
export { checkObjectNow, preloadObjectChecker, isObjectCheckerReady, subscribeObjectChecker } from './object-check';
export { createAutosave } from './autosave';
export { AUTOSAVE_KEY, salvageText } from './autosave-record';
export { idbKeyValueStore } from './autosave-idb';
export { browserTabChannel } from './autosave-tabs';
export { registerPendingEdits } from './pending-edits';
export { selectRouteTests, selectTestsFailed, selectTestsPassed, selectTestsProblems, selectSavedVerdict, selectNoTests, testsProblems } from './route-tests-selectors';
export { isRouteTestsText, testsFileName } from './route-tests-yaml';

export type { DesignState, DesignActions, DesignStore, DesignDeps, Theme, PanelTab, RevealRequest, ViewCommand } from './design-store';
export type { Analysis, Analyzer, AnalysisRequest } from './analysis';
export type { Layouter, XY } from './layout';
export type { SimulatorView, SimulatorState, SimulatorActions } from './simulator';
export type { RouteTestsView, RouteTestsRun } from './route-tests';
export type { RouteTestRow } from './route-tests-run';
export type { Lit } from './simulator-selectors';
export type { KeyValue, SimulatorInput, SimulationAnswer, SimulationRequest } from './simulation';
export { readBackend, type BackendField } from './simulation-backend';
export type { EditingStore, EditState, EditActions, Notice, Confirmation } from './edit-actions';
export type { Autosave, AutosaveView } from './autosave';
export type { SavedDesign } from './autosave-record';
export type { KeptSave } from './autosave-kept';
export type { KeyValueStore, SaveStorage } from './autosave-storage';
export type { TextCause } from './design-store';
export type { ProblemFilter } from './verdict-selectors';
export type { ViewFilter, FilterChoice, FilterOptions, AsideEntry } from './view-filter';
export { selectCompare, selectComparing, selectCompareMarks, selectChangeRows, witnessLine, NO_MARKS } from './compare-selectors';
export { NOT_COMPARING } from './compare';
export type { BeforeOrigin, ChangeRow, CompareActions, CompareBefore, CompareMark, CompareMarks, CompareState, CompareView } from './compare-types';
