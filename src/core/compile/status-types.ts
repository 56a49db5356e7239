/**
 * The status a conformant controller would write (gateway-api.md §9), as DESIGN.md's
 * `status --format json`: a `v1 List` of the design's Gateway API objects in input order.
 * Re-exported by types.ts.
 */
export interface StatusCondition {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  /** Matches `^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$`. */
  readonly reason: string;
  readonly message: string;
  /** `metadata.generation` or 1. `lastTransitionTime` is omitted. */
  readonly observedGeneration: number;
}

export interface SupportedKind {
  readonly group: string;
  readonly kind: string;
}

export interface ListenerStatus {
  readonly name: string;
  readonly supportedKinds: readonly SupportedKind[];
  readonly attachedRoutes: number;
  readonly conditions: readonly StatusCondition[];
}

/** A parentRef as written in route status (defaults filled in). */
export interface StatusParentRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly sectionName?: string;
  readonly port?: number;
}

export interface RouteParentStatus {
  readonly parentRef: StatusParentRef;
  readonly controllerName: string;
  readonly conditions: readonly StatusCondition[];
}

export interface PolicyAncestorStatus {
  readonly ancestorRef: StatusParentRef;
  readonly controllerName: string;
  readonly conditions: readonly StatusCondition[];
}

/** The `status` field of one object, in the API's own shape (only the fields of its kind are set). */
export interface ObjectStatus {
  readonly conditions?: readonly StatusCondition[];
  readonly listeners?: readonly ListenerStatus[];
  readonly attachedListenerSets?: number;
  readonly parents?: readonly RouteParentStatus[];
  readonly ancestors?: readonly PolicyAncestorStatus[];
}

export interface StatusItem {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly namespace?: string; readonly name: string };
  readonly status: ObjectStatus;
}

export interface StatusList {
  readonly apiVersion: 'v1';
  readonly kind: 'List';
  readonly items: readonly StatusItem[];
}
