/**
 * The simulator's request model and its answer (DESIGN.md `simulate --format json`).
 * Additive changes only: the Istio half and the UI are written against these types.
 */
import type { Dialect, Note, ObjectRef } from '../compile/types.js';
import type { Target } from '../target/target.js';
import type { ServedCertificate } from './served-certificate.js';

/**
 * What kind of traffic a request is: HTTP(S), gRPC (HTTP/2), TLS passthrough, raw TCP or UDP.
 * Written on the command line as `GET https://host/path`, `GRPC grpc://host:port/pkg.Svc/Method`,
 * `TLS tls://sni:port`, `TCP tcp://host:port`, `UDP udp://host:port`.
 */
export type RequestProtocol = 'http' | 'grpc' | 'tls' | 'tcp' | 'udp';

/**
 * One request as the client sends it.
 * - `scheme`: `http`/`https` (HTTP), `grpc`/`grpcs` (gRPC over h2c / TLS), `tls`, `tcp`, `udp`.
 * - `host`: lower-case, without port (the Host header / `:authority`, or the TLS SNI for `tls`).
 * - `authority`: the Host header as sent (may carry `:port`; Istio `authority` matches see it).
 * - `path`: path and query as sent (`/cart?id=1`); `/` for L4.
 * - `headers`: in order, names as written; repeated names allowed.
 * - `sni`: the TLS server name; defaults to `host` for https/grpcs/tls.
 */
export interface Request {
  readonly protocol: RequestProtocol;
  readonly method: string;
  readonly scheme: string;
  readonly host: string;
  readonly authority: string;
  readonly port: number;
  readonly path: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly sni: string | null;
  /** gRPC: the service and method of the path (`pkg.Service`, `Method`). */
  readonly grpc: { readonly service: string; readonly method: string } | null;
  /**
   * The URL's host, lower-case, when a `Host` header names another: where the client connects.
   * In the mesh that is the Service it dials (its ClusterIP), while `host` is the Host header
   * matched against route hostnames (gateway-api conformance MeshFrontendHostname). Absent: `host`.
   */
  readonly address?: string;
}

/** A workload sending a mesh request (`--mesh --from NS/WORKLOAD --from-labels k=v`). */
export interface MeshClient {
  readonly namespace: string;
  readonly workload: string;
  readonly labels: Readonly<Record<string, string>>;
}

export interface SimulateOptions {
  /** The gateway to send to (`--gateway NS/NAME`); chosen automatically when absent (DESIGN.md "simulate"). */
  readonly gateway?: { readonly namespace: string; readonly name: string };
  /** Send the request inside the mesh from this workload to the Service named by the host. */
  readonly mesh?: MeshClient;
  /**
   * Trace every entry of the selected vhost (true), only the ones the path index yields (false), or
   * decide by size (undefined: every entry when the vhost has at most 64).
   */
  readonly traceAll?: boolean;
  /**
   * How the backend answers each try (`--backend-status 503,503,200 --backend-delay 2s`). Absent:
   * every backend answers 200 (gRPC `OK`) at once and the Decision is as it was (no `attempts`).
   */
  readonly backend?: BackendBehaviour;
  /**
   * The cluster the design is for (`--target`). Where the spec leaves a choice to the implementation
   * (regex reading, the port of a redirect Location, Host vs ClusterIP in the mesh, ties between
   * routes) the simulator follows the target's implementation and says so in the trace and notes;
   * a target with no implementation names such a choice as implementation-specific. Absent: the
   * Decision is exactly as without this option.
   */
  readonly target?: Target;
}

/**
 * What one try gets from the backend: an HTTP status (100–599); for gRPC requests a gRPC status
 * name (`OK`, `UNAVAILABLE`…, sent as `grpc-status`); or a failure before any response: `reset`
 * (the connection is reset), `connect-failure` (no connection could be made), `refused-stream`
 * (HTTP/2 REFUSED_STREAM) — Envoy's retry conditions of the same names.
 */
export type BackendAnswer = number | string;

/**
 * The backend's behaviour, try by try: `statuses[i]` and `delaysMs[i]` are try i+1's answer and
 * its time to answer; past the end of a list its last value repeats (`[503, 503, 200]`: two
 * failures then success). Both lists are non-empty.
 */
export interface BackendBehaviour {
  readonly statuses: readonly BackendAnswer[];
  readonly delaysMs: readonly number[];
}

/** One try the proxy made (or the fault that stood in for it), in order. */
export interface Attempt {
  /**
   * What this try got: the backend's answer, 504 (gRPC `DEADLINE_EXCEEDED`… as the client reads
   * it) when a timeout cut it short, or `reset` / `connect-failure` / `refused-stream`.
   */
  readonly status: number | string;
  /** When this try ended, in milliseconds since the proxy received the request (backoffs included). */
  readonly elapsedMs: number;
  /** Whether the proxy tried again after it. */
  readonly retried: boolean;
  /** Why it was (or was not) retried, e.g. `503 is in retry codes, 2 of 3 retries left`. */
  readonly reason: string;
}

/** parseBackendBehaviour's result. */
export type ParseBackendBehaviourResult = { readonly ok: true; readonly behaviour: BackendBehaviour } | { readonly ok: false; readonly error: string };

/** One possible outcome and its probability. */
export interface Outcome {
  readonly probability: number;
  /**
   * HTTP status; for gRPC a status name (`OK`, `UNIMPLEMENTED`, `UNAVAILABLE`…); for TLS/TCP
   * `CONNECTED` or `REJECTED` (connection refused or reset); for UDP `DELIVERED` or `DROPPED`.
   */
  readonly status: number | string;
  /** Why this outcome fails, e.g. `BackendNotFound: Service shop/cart-v3 is not in this design`. */
  readonly reason?: string;
  /**
   * Not emitted by the simulator: outcomes are merged by status and reason (DESIGN.md's shape);
   * per-backend shares are in `Decision.backends`. Kept optional for compatibility.
   */
  readonly backend?: ObjectRef;
  /** With a backend behaviour (`SimulateOptions.backend`): this outcome's tries; absent without one. */
  readonly attempts?: readonly Attempt[];
  /** With a backend behaviour: when the client gets this outcome, in ms after the proxy received the request. */
  readonly elapsedMs?: number;
}

/** A backend of the chosen rule with its weight and share. */
export interface DecisionBackend {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port: number | null;
  readonly subset: string | null;
  readonly weight: number;
  readonly probability: number;
  /** Why it cannot take traffic (its share fails); absent when valid. */
  readonly problem?: string;
}

/** The request as the backend receives it, after filters. */
export interface ForwardedRequest {
  readonly method: string;
  readonly scheme: string;
  readonly host: string;
  /** Path and query. */
  readonly path: string;
  /** Every header the backend receives, names lower-cased, repeated values comma-joined. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ResponseHeaderEdits {
  readonly set: Readonly<Record<string, string>>;
  readonly add: Readonly<Record<string, string>>;
  readonly remove: readonly string[];
}

export interface DecisionMirror {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly port: number | null;
  readonly percent: number;
  readonly problem?: string;
}

/**
 * `request`: what the proxy did to the request before routing (path normalisation). `service`: in
 * the mesh, the Service the request is addressed to (the client's sidecar routes it; no gateway).
 */
export type TraceStepKind = 'request' | 'gateway' | 'service' | 'listener' | 'server' | 'vhost' | 'route' | 'rule' | 'match' | 'filter' | 'backend';

/** One candidate the simulator looked at, and the first reason it did not apply. */
export interface TraceStep {
  readonly step: TraceStepKind;
  /**
   * e.g. `HTTPRoute shop/cart rule 2 match 1`, `Gateway infra/edge listener https`. Words for people:
   * rules and matches are numbered from 1 here, as the inspector shows them.
   */
  readonly ref: string;
  readonly result: 'matched' | 'skipped';
  readonly reason: string;
}

/** The answer: exactly the fields of DESIGN.md's `simulate --format json`, in that order. */
export interface Decision {
  /** The most probable outcome's status. */
  readonly status: number | string;
  readonly outcomes: readonly Outcome[];
  readonly dialect: Dialect | null;
  /** The parent that handled the request: a Gateway, or for the mesh the destination Service. */
  readonly gateway: ObjectRef | null;
  /** Listener (or Istio server) name; for the mesh the Service port (name, else number). */
  readonly listener: string | null;
  /** HTTPS and TLS at a terminating listener: the certificate it serves for the SNI (absent otherwise, so JSON omits it). */
  readonly certificate?: ServedCertificate;
  readonly route: ObjectRef | null;
  /** The chosen rule's index in the route (0-based, as in `spec.rules[0]`); text shows it from 1. */
  readonly rule: number | null;
  /** The index of the match that held in the rule (0-based); text shows it from 1. */
  readonly match: number | null;
  readonly backends: readonly DecisionBackend[];
  readonly request: ForwardedRequest | null;
  readonly responseHeaders: ResponseHeaderEdits;
  readonly redirect: { readonly status: number; readonly location: string } | null;
  readonly mirrors: readonly DecisionMirror[];
  readonly timeouts: Readonly<Record<string, string>> | null;
  readonly retries: { readonly attempts: number; readonly codes?: readonly number[]; readonly retryOn?: readonly string[]; readonly perTryTimeout?: string; readonly backoff?: string } | null;
  /**
   * Only with a backend behaviour (`SimulateOptions.backend`; absent otherwise, so JSON omits it):
   * the tries of the most probable outcome (the one `status` comes from), in order. Empty when the
   * request never reaches a backend (no match, redirect, direct response, fault abort).
   */
  readonly attempts?: readonly Attempt[];
  /** Only with a backend behaviour: when the client gets `status`, in ms after the proxy received the request. */
  readonly elapsedMs?: number;
  readonly notes: readonly Note[];
  readonly trace: readonly TraceStep[];
}

/** parseRequest's result. */
export type ParseRequestResult = { readonly ok: true; readonly request: Request } | { readonly ok: false; readonly error: string };
