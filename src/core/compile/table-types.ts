/** Indexes, listeners, gateways, the mesh, the RouteTable and compile's options and result. Re-exported by types.ts. */
import type { Diagnostic, SourceRange } from '../diagnostics/types.js';
import type { FieldPath } from '../resources/path.js';
import type { Resource, ResourceId } from '../resources/types.js';
import type { CertificateIndex } from './tls/served.js';
import type { RouteEntry } from './action-types.js';
import type { MeshHostLookup } from './mesh-hosts.js';
import type { StatusList } from './status-types.js';
import type { Dialect, Note, ObjectRef, Provenance } from './types.js';

// ---------------------------------------------------------------------------------------------
// Indexes
// ---------------------------------------------------------------------------------------------

/**
 * Positions (indices into `VirtualHost.entries`) of entries whose path condition could hold for a
 * path, so the simulator looks only at those. Every list is ascending. Keys: exact paths, normalised
 * element-wise prefixes (`/a/b`, `/` for root), string prefixes; the `*IgnoreCase` maps are keyed
 * lower-case. `always` holds entries to evaluate for every path (regex paths, no path condition,
 * GRPC matches without an exact service/method).
 * Build with `buildPathIndex` (compile/path-index.ts), query with `pathCandidates` (simulate).
 */
export interface PathIndex {
  readonly exact: ReadonlyMap<string, readonly number[]>;
  readonly segmentPrefix: ReadonlyMap<string, readonly number[]>;
  readonly stringPrefix: ReadonlyMap<string, readonly number[]>;
  readonly exactIgnoreCase: ReadonlyMap<string, readonly number[]>;
  readonly segmentPrefixIgnoreCase: ReadonlyMap<string, readonly number[]>;
  readonly stringPrefixIgnoreCase: ReadonlyMap<string, readonly number[]>;
  readonly always: readonly number[];
  /** Longest string prefix key length, bounding the string-prefix walk. */
  readonly maxStringPrefix: number;
}

/**
 * A virtual host: one domain, its ordered entries and their path index.
 * `domain` is an exact name (`www.example.com`), a wildcard (`*.example.com`: at least one extra
 * label, gateway-api.md §2.2) or `*` (any). For TLS listeners the domain is matched with the SNI.
 */
export interface VirtualHost {
  readonly domain: string;
  readonly entries: readonly RouteEntry[];
  readonly pathIndex: PathIndex;
  /** How `entries` is ordered. */
  readonly order: 'precedence' | 'first-match';
}

/** Domain → vhost lookup: exact names, wildcard suffixes (key `.example.com` for `*.example.com`), catch-all. */
export interface HostIndex {
  readonly exact: ReadonlyMap<string, VirtualHost>;
  readonly wildcard: ReadonlyMap<string, VirtualHost>;
  readonly any: VirtualHost | null;
}

// ---------------------------------------------------------------------------------------------
// Gateways, listeners
// ---------------------------------------------------------------------------------------------

/** Gateway API listener protocols plus the Istio server protocols. */
export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP' | 'GRPC' | 'HTTP2' | 'GRPC-WEB' | 'MONGO' | (string & {});

/** A route that asked to attach to a listener and did not, with the reason (for the trace). */
export interface RejectedAttachment {
  readonly route: ObjectRef;
  readonly resource: ResourceId;
  /** Condition reason, e.g. `NotAllowedByListeners`. */
  readonly reason: string;
  /** e.g. `namespace not allowed by listener`. */
  readonly message: string;
}

/**
 * A listener (Gateway API) or server (Istio) on one port. `hostnames` empty = any name.
 * `accepted: false` listeners are kept (with `problem`) so the trace can explain them, but never serve.
 */
export interface ListenerEntry {
  readonly dialect: Dialect;
  /** Listener name (Gateway API) or server name / port name (Istio). */
  readonly name: string;
  /** The object that declares it: Gateway, ListenerSet or Istio Gateway. */
  readonly owner: ObjectRef;
  readonly provenance: Provenance;
  readonly port: number;
  readonly protocol: ListenerProtocol;
  /** TLS mode (Gateway API `Terminate`/`Passthrough`; Istio `SIMPLE`, `PASSTHROUGH`, `MUTUAL`…); null without TLS. */
  readonly tlsMode: string | null;
  /** Gateway API: 0 or 1 hostname; Istio: the server's hosts (namespace prefix removed). */
  readonly hostnames: readonly string[];
  readonly accepted: boolean;
  /** Why the listener does not serve (e.g. `Conflicted: HostnameConflict`). */
  readonly problem: string | null;
  /** Istio `httpsRedirect`: every request answers 301 to https. */
  readonly httpsRedirect?: boolean;
  /** HTTP/HTTPS (and TLS/TCP/UDP with one `*` vhost or SNI vhosts). */
  readonly hosts: HostIndex;
  readonly rejected: readonly RejectedAttachment[];
}

/** The listeners of one gateway on one port, in selection order (most specific hostname first). */
export interface PortTable {
  readonly port: number;
  readonly listeners: readonly ListenerEntry[];
}

export interface GatewayTable {
  readonly dialect: Dialect;
  /** The Gateway (or, Istio, the first of the merged Gateways by namespace/name). */
  readonly ref: ObjectRef;
  readonly resource: ResourceId;
  /** Istio: every Gateway object merged into this one (same selector); Gateway API: just `ref`. */
  readonly members: readonly ObjectRef[];
  /** False when the Gateway is not accepted (e.g. its GatewayClass is missing); kept for the trace. */
  readonly accepted: boolean;
  readonly problem: string | null;
  readonly ports: ReadonlyMap<number, PortTable>;
  /**
   * Gateway API: the Gateway's GatewayClass when it is in the design, with its controllerName — the
   * simulator judges the Gateway as that controller's implementation behaves (issue 14 scope 1).
   * Absent for Istio gateways and for a class the design lacks.
   */
  readonly gatewayClass?: { readonly name: string; readonly controllerName: string };
}

// ---------------------------------------------------------------------------------------------
// Mesh
// ---------------------------------------------------------------------------------------------

/**
 * Which clients a set of mesh routes applies to (gateway-api.md §3.5).
 * - `producer`: routes in the Service's namespace, for every client;
 * - `consumer`: routes in `namespace`, only for clients in that namespace (override producers);
 * - `all`: Istio `mesh` VirtualServices (first VS claiming the host, source conditions in matches).
 */
export type MeshScope =
  | { readonly kind: 'producer' }
  | { readonly kind: 'consumer'; readonly namespace: string }
  | { readonly kind: 'all' };

export interface MeshRouteSet {
  readonly dialect: Dialect;
  readonly scope: MeshScope;
  /** HTTP and gRPC routes (requests). */
  readonly vhost: VirtualHost;
  /**
   * TCP and TLS routes (connections: TCPRoute, TLSRoute, Istio `tcp`), apart from `vhost` so that a
   * connection never takes an HTTP rule, nor a request an L4 one. Absent = none.
   */
  readonly l4?: VirtualHost;
}

/** Routes for one Service port (`port` null = every port). */
export interface MeshPort {
  readonly port: number | null;
  /** Service port name, when known. */
  readonly name: string | null;
  readonly routeSets: readonly MeshRouteSet[];
}

/** A mesh destination: a Service (GAMMA) or a mesh host (Istio: Service or ServiceEntry host). */
export interface MeshService {
  readonly ref: ObjectRef;
  /** Names a client can use: `name`, `name.ns`, `name.ns.svc`, `name.ns.svc.cluster.local` (plus ServiceEntry hosts). */
  readonly hosts: readonly string[];
  /** Declared Service ports (null when unknown, e.g. absent Service assumed external). */
  readonly servicePorts: readonly { readonly port: number; readonly name: string | null }[] | null;
  readonly ports: readonly MeshPort[];
  /** Routes that targeted this Service and were not accepted (for the trace). */
  readonly rejected: readonly RejectedAttachment[];
}

export interface MeshTable {
  /** Keyed `namespace/name` of the Service. */
  readonly services: ReadonlyMap<string, MeshService>;
  /** FQDN / alias → key in `services` (`cart.shop.svc.cluster.local` → `shop/cart`). */
  readonly hosts: MeshHostLookup;
}

// ---------------------------------------------------------------------------------------------
// The table and compile's result
// ---------------------------------------------------------------------------------------------

export interface RouteTable {
  /** Sorted by namespace/name. */
  readonly gateways: readonly GatewayTable[];
  readonly mesh: MeshTable;
  /** Objects assumed or missing and other table-wide notes. */
  readonly notes: readonly Note[];
  readonly assumeExternal: boolean;
  /** The certificates each terminating listener serves (compile/tls/served.ts), for the simulator's answer. */
  readonly certificates?: CertificateIndex;
}

export interface CompileOptions {
  /** DESIGN.md "Objects outside the design": treat absent Services, Secrets, GatewayClasses as present and valid. */
  readonly assumeExternal?: boolean;
  /**
   * Resolves a field of a resource to its place in the text (e.g. `SourceLocations#range`), so that
   * diagnostics point at the exact field; without it they point at the resource's first line.
   */
  readonly locate?: (resource: Resource, path: FieldPath) => SourceRange;
}


export interface CompileResult {
  readonly table: RouteTable;
  readonly status: StatusList;
  /** Runtime problems a controller would report (unresolved refs, conflicts…), located at their resource. */
  readonly diagnostics: readonly Diagnostic[];
}
