/**
 * The engine's front door. What is not exported here is internal.
 * @see ../../README.md for the command line built on these functions.
 */
export { parse, replaceDocumentTexts, MAX_TEXT_LENGTH } from './resources/parse.js';
export { decodeSource, DECODE_CODES } from './resources/decode.js';
export { applyEdits } from './resources/edit.js';
export { redactText, mayHoldSecret } from './resources/redact-text.js';
export { serializeObject, serializeObjects, canonicalObject } from './resources/serialize.js';
export { SourceLocations } from './resources/locations.js';
export { formatPath, pathFromPointer, getAt } from './resources/path.js';
export { KINDS, kindInfo, splitApiVersion, GATEWAY_GROUP, ISTIO_GROUP } from './resources/kinds.js';
export { makeResourceId, isRecord } from './resources/types.js';
export { LineIndex } from './resources/line-index.js';
export { validate } from './validate/index.js';
export { review } from './verdict/index.js';
export { isBreaking } from './verdict/breaking.js';
export { problemFamily, PROBLEM_FAMILIES } from './verdict/family.js';
export { compareDiagnostics } from './diagnostics/types.js';
export { convert, fitForTarget } from './convert/index.js';
export { compile } from './compile/index.js';
export { buildPathIndex } from './compile/path-index.js';
export { hostMatches, intersectHostnames } from './compile/hostname.js';
export { simulate } from './simulate/index.js';
export { parseBackendBehaviour } from './simulate/backend-behaviour.js';
export { formatMs } from './simulate/attempts.js';
export { parseRequest } from './simulate/parse-request.js';
export { sampleRequest } from './simulate/sample-request.js';
export { routesRequest } from './simulate/sample-fit.js';
export type { SampleRequest } from './simulate/sample-request.js';
export { buildGraph } from './graph/build-graph.js';
export { decisionPath, traceTarget } from './graph/decision-path.js';
export { collapseNamespaces, collapsedId } from './graph/collapse.js';
export { groupMissingBackends, isMissingGroup, MISSING_GROUP_MIN } from './graph/missing-group.js';
export { filterGraph, isDrawn, kindKey } from './graph/view-filter.js';
export { locateDiagnostics } from './graph/diagnostics.js';
export { analyzeIstio, ISTIO_ANALYZE_CODES } from './analyze/istio/index.js';
export { analyzeReach, REACH_CODES } from './analyze/reach/index.js';
export { diffDesigns, diffVerdicts, diffTables } from './diff/index.js';
export { DEFAULT_TARGET, ISTIO_RELEASES, NEWEST_RELEASE, describeTarget, formatTarget, parseTarget, parseTargetSpec, reportPath, resolveImplementation, resolveTarget } from './target/target.js';
export type { ImplementationTarget, Target, TargetResult, TargetSpec } from './target/target.js';
export { RELEASES as GATEWAY_API_RELEASES } from './target/availability.js';
export { implementations as conformanceImplementations, reportsFor as conformanceReportsFor } from './target/reports.js';
export type { ReportData as ConformanceReport } from './target/reports.js';
export { CONTROLLER_IMPLEMENTATIONS, implementationOfController } from './target/controllers.js';
export { ISTIO_RELEASE_FACTS, gatewayApiReleaseOfIstio, istioGatewayApiKindSupport, istioRelease } from './target/istio-releases.js';
export type { IstioGatewayApiSupport, IstioKindSupport, IstioMinor, IstioReleaseFacts } from './target/istio-releases.js';
export { ISTIO_FIELD_INTROS } from './target/istio-fields.js';
export { ISTIO_BEHAVIOUR_CHANGES, istioBehaviourAt, istioDefaultRetriableCodes } from './target/istio-behaviour.js';
export type { IstioBehaviourChange } from './target/istio-behaviour.js';
export { ISTIO_RELEASE_CODES, istioReleaseDiagnostics } from './validate/target-istio/index.js';
export { parseRouteTests, runRouteTest, runRouteTests, ROUTE_TEST_CODES, TESTS_API_VERSION, TESTS_KIND } from './route-tests/index.js';
export {
  attachRoute,
  bindVirtualService,
  addBackendRef,
  setBackendWeight,
  addDestination,
  setDestinationWeight,
  firstServicePort,
  renameResource,
  changeNamespace,
  placeFree,
  clearOfFixed,
  PLACEMENT_GAP,
  removeResource,
  newObject,
  PALETTE,
  referencesOf,
  referencesTo,
  serviceOfHost,
  setAt,
} from './design/index.js';
export {
  editText,
  uniqueName,
  resourceIdOf,
  checkName,
  checkNamespaceName,
  checkObject,
  introducedErrors,
  pathWithin,
  setField,
  removeItem,
  moveItem,
  appendItem,
  addListener,
  setListenerProtocol,
  setCertificateRef,
  addServer,
  LISTENER_PROTOCOLS,
  addRule,
  addMatch,
  addHeaderMatch,
  addQueryMatch,
  addFilter,
  HTTP_FILTER_TYPES,
  PATH_MATCH_TYPES,
  HEADER_MATCH_TYPES,
  HTTP_METHODS,
  addVsRoute,
  moveVsRoute,
  addVsDestination,
  addVsHeaderMatch,
  addSubset,
  addServicePort,
  addVsTlsRoute,
  addVsTcpRoute,
  addGrantFrom,
  addGrantTo,
  setGrantKind,
  groupOfKind,
  GRANT_FROM_KINDS,
  GRANT_TO_KINDS,
  caSourceOf,
  setCaSource,
  addPolicyTarget,
  addServiceEntryPort,
  addServiceEntryEndpoint,
  connectionEdits,
  parseRowPath,
  backendEntryOfEdge,
  setEdgeWeight,
  previewRemoval,
} from './design/index.js';

export type { ResourceEdit } from './resources/edit.js';
export type { Verdict, ReviewOptions, ReviewStep } from './verdict/index.js';
export type { ProblemFamily } from './verdict/family.js';
export type { RuleReach, ReachRuleRef, ReachShadow } from './analyze/reach/types.js';
export type { RemoveResult, PaletteKind, Reference } from './design/index.js';
export type {
  FieldProblem,
  ListenerPreset,
  DesignListenerProtocol,
  HttpFilterType,
  VsSection,
  CanvasConnection,
  Gesture,
  BackendEntry,
  RemovalPreview,
  RemovalChange,
  NamespaceChange,
  NamespaceNote,
  NamespaceNoteCode,
  Box,
  CaSource,
} from './design/index.js';
export type { SourceFile, ParseOptions, ParseResult, ParsedFile } from './resources/parse.js';
export type { DecodedSource, DecodeCode, Encoding } from './resources/decode.js';
export type { Resource, ResourceId, ResourceSource, KubeObject } from './resources/types.js';
export type { CertificateFacts, PemVerdict, PublicKeyFacts, SecretFacts } from './resources/certificate-facts.js';
export { servedCertificateText, type ServedCertificate } from './simulate/served-certificate.js';
export { certificateCovers, coveredNames } from './compile/tls/hostnames.js';
export { daysLeft } from './validate/tls/secret-checks.js';
export { EXPIRY_WARNING_DAYS, TLS_CODES, type TlsCode } from './validate/tls/codes.js';
export { TARGET_CODES, type TargetCode } from './validate/target/codes.js';
export type { Family, KindInfo } from './resources/kinds.js';
export type { FieldPath, PathSegment } from './resources/path.js';
export type { DocumentSpan } from './resources/split.js';
export type { Diagnostic, Severity, SourceRange, ResourceRef, RelatedPlace, WitnessRequest } from './diagnostics/types.js';
export type { AffectedRequests, ConvertOptions, ConvertResult, ConvertTarget, LossCode, LossEntry, NoteCode as ConvertNoteCode, Origin as ConvertOrigin, RequestCondition, RequestMatch, SourceRef } from './convert/types.js';
export type {
  RouteGraph,
  GraphNode,
  GraphEdge,
  GraphRow,
  GraphGroup,
  GraphBadge,
  NodeRole,
  RowKind,
  EdgeKind,
  Tone,
  DiagnosticCounts,
  RowProblem,
  RowReach,
  ShadowLink,
  EdgeDetached,
  AsideReason,
} from './graph/types.js';
export type { DecisionPath, GraphTarget } from './graph/decision-path.js';
export type { GraphFilter } from './graph/view-filter.js';
export type {
  BackendProblem,
  BackendProblemReason,
  BackendTarget,
  CompileOptions,
  CompileResult,
  CorsPolicy,
  Dialect,
  DirectResponseAction,
  FaultInjection,
  Filter,
  ForwardAction,
  GatewayTable,
  GrpcMethodMatch,
  HeaderMatch,
  HeaderModifier,
  HostIndex,
  ListenerEntry,
  ListenerProtocol,
  ListenerStatus,
  MeshPort,
  MeshRouteSet,
  MeshScope,
  MeshService,
  MeshTable,
  MirrorPolicy,
  Note,
  NoteCode,
  ObjectRef,
  ObjectStatus,
  OriginMatch,
  PathIndex,
  PathMatch,
  PathModifier,
  PolicyAncestorStatus,
  PortTable,
  PrecedenceKey,
  Provenance,
  QueryParamMatch,
  RedirectAction,
  RejectedAttachment,
  RetryPolicy,
  RouteAction,
  RouteEntry,
  RouteKind,
  RouteMatch,
  RouteParentStatus,
  RouteTable,
  SourceMatch,
  StatusCondition,
  StatusItem,
  StatusList,
  StatusParentRef,
  StringMatch,
  SupportedKind,
  Timeouts,
  UrlRewrite,
  VirtualHost,
} from './compile/types.js';
export type {
  Attempt,
  BackendAnswer,
  BackendBehaviour,
  Decision,
  DecisionBackend,
  DecisionMirror,
  ForwardedRequest,
  MeshClient,
  Outcome,
  ParseBackendBehaviourResult,
  ParseRequestResult,
  Request,
  RequestProtocol,
  ResponseHeaderEdits,
  SimulateOptions,
  TraceStep,
  TraceStepKind,
} from './simulate/types.js';
export type { ParseRequestOptions } from './simulate/parse-request.js';
export type { IstioAnalysisInput } from './analyze/istio/types.js';
export type { IstioAnalyzeCode } from './analyze/istio/index.js';
export type { ReachInput, ReachResult, ReachCode } from './analyze/reach/index.js';
export type { ActualBackend, ActualOutcome, BackendExpectation, Expectation, ExpectationField, ParsedRouteTests, RouteTestCase, RouteTestCode, RouteTestFailure, RouteTestResult } from './route-tests/index.js';
export type { BehaviourChange, DesignDiff, DiffOptions, DiffOutcome, DiffTablesOptions, ProblemChanges, StatusChange, TableDiff } from './diff/index.js';
