import type { Severity, WitnessRequest } from '../diagnostics/types.js';
import type { Family } from '../resources/kinds.js';
import type { ResourceId } from '../resources/types.js';

/**
 * The canvas model: plain data, no React. The canvas reads left to right, the way traffic flows
 * (DESIGN.md "How it looks"): gateways (listener rows) → routes (rule rows) → backends.
 */

/**
 * Which column a node belongs to. `other` is a small node for every kind that is not on the
 * traffic path; `workload` a small pill beside the Services whose selector picks its pods.
 */
export type NodeRole = 'gateway' | 'route' | 'backend' | 'workload' | 'other' | 'missing';

/**
 * Why a node is kept aside (not drawn unless asked; listed behind the canvas's "n other objects"):
 * - `unmodelled`: a kind the design does not model (ServiceAccount, Role, HorizontalPodAutoscaler…);
 * - `owned`: a workload another workload of the design controls (a Deployment's ReplicaSet, its Pods);
 * - `unselected`: a workload whose pods no Service of the design selects;
 * - `unreferenced`: a ConfigMap, or a Secret that is not a TLS certificate, that nothing refers to.
 */
export type AsideReason = 'unmodelled' | 'owned' | 'unselected' | 'unreferenced';

/** `backend`: one backend the design lacks, a row of a "Not in this design" card (missing-group.ts). */
export type RowKind = 'listener' | 'server' | 'rule' | 'port' | 'subset' | 'backend';

export type Tone = 'neutral' | 'tls' | 'info' | 'warning' | 'error';

/** A small label on a node or a row (TLS mode, allowedRoutes, protocol…). Never only a tooltip: `text` says it. */
export interface GraphBadge {
  readonly text: string;
  readonly tone: Tone;
  /** Longer explanation, shown in the inspector and as a title. */
  readonly detail?: string;
}

export interface DiagnosticCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

/** One line of a card: a listener, an Istio server, a rule, a Service port, a DestinationRule subset, a missing backend. */
export interface GraphRow {
  /** Unique in the graph: `<nodeId>#<kind>:<key>`. Edges name it as their source or target handle. */
  readonly id: string;
  readonly kind: RowKind;
  /** The listener / port / subset name, or the rule's index. */
  readonly key: string;
  /** One-line summary: `https :443 *.shop.example.com`, `PathPrefix /cart · x-canary=1`. */
  readonly label: string;
  /** The rule's or route's own `name`, when it has one. */
  readonly name?: string;
  readonly badges: readonly GraphBadge[];
  /** Filters as chips: redirect, rewrite, headers, mirror… */
  readonly chips: readonly string[];
  /** The resource this row comes from (a subset row belongs to its DestinationRule). */
  readonly resourceId: ResourceId;
  /** Field path of the row inside that resource, e.g. `spec.rules[1]`. */
  readonly path: string;
  /** Worst severity among the diagnostics that point inside this row. */
  readonly severity?: Severity;
  /** Listener rows, from the controller status: `status.listeners[].attachedRoutes`. */
  readonly attachedRoutes?: number;
  /**
   * What is wrong with the row, drawn on the row under its label (nothing only in a tooltip): a
   * broken reference, a listener that is not programmed, the worst diagnostic inside the row.
   */
  readonly problem?: RowProblem;
  /** Rule rows: whether a request can reach the rule (analyze/reach), when it was analysed. */
  readonly reach?: RowReach;
}

/**
 * A rule's reachability as its row shows it: reachable (with a request that reaches it, for
 * "Simulate this"), shadowed (the rules that take every request it would match), or undecided.
 */
export type RowReach =
  | { readonly state: 'reachable'; readonly witness: WitnessRequest }
  | { readonly state: 'shadowed'; readonly by: readonly ShadowLink[] }
  | { readonly state: 'undecided'; readonly reason: string };

/** A rule that shadows another: what to call it, and its row on the canvas when it has one. */
export interface ShadowLink {
  /** `rule 1 (cart)` in the same route, `HTTPRoute shop/cart rule 1` in another (numbered from 1). */
  readonly label: string;
  /** In full: `HTTPRoute shop/cart spec.rules[0]`. */
  readonly detail: string;
  readonly nodeId?: string;
  readonly rowId?: string;
}

export interface RowProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface GraphNode {
  /** The resource id for resources; `missing:<…>` for placeholders, `missing-group:<…>` for a card of them. */
  readonly id: string;
  readonly role: NodeRole;
  readonly kind: string;
  readonly family: Family;
  /** '' for cluster-scoped kinds and external hosts. */
  readonly namespace: string;
  readonly name: string;
  readonly apiVersion?: string;
  /** The resource drawn by this node; absent for placeholders. */
  readonly resourceId?: ResourceId;
  /** Other resources folded into this node (DestinationRules whose subsets are its rows). */
  readonly related: readonly ResourceId[];
  /** Secondary line: hostnames, class, selector. */
  readonly subtitle?: string;
  readonly badges: readonly GraphBadge[];
  readonly rows: readonly GraphRow[];
  /** For placeholders: why it is drawn (`Service shop/cart-v3 is not in this design`). */
  readonly missing?: string;
  /** The namespace group this node is drawn in, if any. */
  readonly group?: string;
  readonly diagnostics: DiagnosticCounts;
  /** Worst severity among the node's diagnostics (error or warning; info does not colour a node). */
  readonly severity?: Severity;
  /** A collapsed namespace drawn as one node (see collapse.ts): its group and how many nodes it holds. */
  readonly collapsed?: { readonly group: string; readonly members: number };
  /** Kept aside: drawn only when the canvas is asked to show other objects (see view-filter.ts). */
  readonly aside?: AsideReason;
}

/**
 * - `attach`: a parent (listener row, Istio server row, GAMMA Service) → the route attached to it.
 * - `backend`: a rule row → the backend it sends to, with weight and share.
 * - `mirror`: a rule row → the backend it mirrors to.
 * - `ref`: any other reference (GatewayClass → Gateway, listener → certificate Secret, policy → Service).
 */
export type EdgeKind = 'attach' | 'backend' | 'mirror' | 'ref';

export interface GraphEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly source: string;
  /** The source row's id (a handle on the row's right side); absent → the node's own handle. */
  readonly sourceRow?: string;
  readonly target: string;
  /** The target row's id (a handle on the row's left side); absent → the node's own handle. */
  readonly targetRow?: string;
  /** `90 · 90 %` for backends, `mirror 10 %` for mirrors. */
  readonly label?: string;
  readonly weight?: number;
  /** 0…1: the part of the rule's traffic this backend receives. */
  readonly share?: number;
  /** Why the reference does not resolve (drawn red, with this text). */
  readonly broken?: string;
  /**
   * Controller status: the route asked for this parent and was not accepted (`Accepted=False` in
   * its `status.parents[]`). Drawn dashed, with the reason on the edge.
   */
  readonly detached?: EdgeDetached;
}

export interface EdgeDetached {
  /** The condition's reason: `NotAllowedByListeners`, `NoMatchingListenerHostname`, `NoMatchingParent`… */
  readonly reason: string;
  readonly message: string;
}

/** A namespace, drawn as a soft group around its nodes. */
export interface GraphGroup {
  /** `ns:<namespace>` */
  readonly id: string;
  readonly namespace: string;
  /** The Namespace object, when the design has one. */
  readonly resourceId?: ResourceId;
  readonly labels: Readonly<Record<string, string>>;
  readonly diagnostics: DiagnosticCounts;
}

export interface RouteGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
  /** Resource id → the node (or group) that draws it. Every resource of the design is here. */
  readonly nodeByResource: Readonly<Record<string, string>>;
}
