import { parseRequest, simulate } from '../core/index';
import type { Decision, MeshClient, Request as SimulatedRequest, RequestProtocol, RouteTable, SimulateOptions, Target } from '../core/index';
import { BACKEND_FIELD_LABEL, readBackend, type BackendField } from './simulation-backend';

/**
 * The simulator's question, as the form holds it (plain data), and the answer the analyzer gives.
 * The request is sent to the analyzer (the Worker), which simulates it against the RouteTable of
 * an analysis it keeps: the table never crosses to the page.
 */

/** One editable `name: value` row (a header, a workload label); `id` keeps React rows stable. */
export interface KeyValue {
  readonly id: number;
  readonly name: string;
  readonly value: string;
}

export interface SimulatorInput {
  /** `GET`, `POST`…; `GRPC`, `TLS`, `TCP`, `UDP` for the other protocols (see parseRequest). */
  readonly method: string;
  /** `https://www.shop.example.com/cart?id=1` */
  readonly url: string;
  readonly headers: readonly KeyValue[];
  /** TLS server name; '' = the URL's host. */
  readonly sni: string;
  /** Through a gateway (DESIGN.md "simulate"), or inside the mesh from a workload to a Service. */
  readonly mode: 'gateway' | 'mesh';
  /** `namespace/name` of the gateway to send to; '' = chosen automatically. */
  readonly gateway: string;
  /** Mesh: the sending workload, `namespace/workload`. */
  readonly from: string;
  /** Mesh: the sending workload's labels (Istio `sourceLabels`). */
  readonly labels: readonly KeyValue[];
  /**
   * How the backend answers each try (`simulate --backend-status`): `503,503,200`, the last value
   * repeating; HTTP codes, gRPC status names, `reset`, `connect-failure`, `refused-stream`.
   * Blank or absent (older inputs) with `backendDelay` blank: every backend answers 200 at once.
   */
  readonly backendStatus?: string;
  /** Each try's time to answer (`--backend-delay`): `2s`, `2s,0s`; blank = `0s`. */
  readonly backendDelay?: string;
}

export interface SimulationRequest {
  /** The simulator's revision: answers to older ones are dropped. */
  readonly seq: number;
  /** Which compiled table to ask (`Analysis.tableId` of the analysis the canvas shows). */
  readonly tableId: number;
  readonly input: SimulatorInput;
}

export type SimulationAnswer =
  | {
      readonly seq: number;
      readonly tableId: number;
      readonly kind: 'decision';
      readonly decision: Decision;
      /** The request as the client sends it (to show what filters changed). */
      readonly request: SimulatedRequest;
      readonly protocol: RequestProtocol;
      /** Time spent in simulate, in the analyzer. */
      readonly millis: number;
    }
  /** The request cannot be read (the message says why, e.g. an unknown scheme). */
  | {
      readonly seq: number;
      readonly tableId: number;
      readonly kind: 'invalid';
      readonly error: string;
      /** The "Backend answers" field that cannot be read (the form says why under it); absent: the request. */
      readonly field?: BackendField;
    }
  /** The analyzer no longer holds that table (a newer analysis replaced it): ask again. */
  | { readonly seq: number; readonly tableId: number; readonly kind: 'unavailable' };

const NS_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([^/\s]+)$/;

/** Form → parsed request and options, or why not (the same rules as the command line). */
export function toSimulation(input: SimulatorInput): { ok: true; request: SimulatedRequest; options: SimulateOptions } | { ok: false; error: string; field?: BackendField } {
  const where = toRequest(input);
  if (!where.ok) return where;
  const backend = readBackend(input);
  if (!backend.ok) return { ok: false, error: `${BACKEND_FIELD_LABEL[backend.field]}: ${backend.error}`, field: backend.field };
  return backend.behaviour === undefined ? where : { ...where, options: { ...where.options, backend: backend.behaviour } };
}

/** The request and where it is sent (gateway or mesh client). */
function toRequest(input: SimulatorInput): { ok: true; request: SimulatedRequest; options: SimulateOptions } | { ok: false; error: string } {
  const headers = input.headers.filter((h) => h.name.trim() !== '').map((h) => `${h.name.trim()}: ${h.value}`);
  const sni = input.sni.trim();
  const parsed = parseRequest(`${input.method.trim() || 'GET'} ${input.url.trim()}`, headers, sni === '' ? {} : { sni });
  if (!parsed.ok) return parsed;
  if (input.mode === 'mesh') {
    const m = NS_NAME.exec(input.from.trim());
    if (!m) return { ok: false, error: `write the sending workload as namespace/workload, not "${input.from}"` };
    const labels: Record<string, string> = {};
    for (const l of input.labels) if (l.name.trim() !== '') labels[l.name.trim()] = l.value.trim();
    const mesh: MeshClient = { namespace: m[1] ?? '', workload: m[3] ?? '', labels };
    return { ok: true, request: parsed.request, options: { mesh } };
  }
  const gateway = input.gateway.trim();
  if (gateway === '') return { ok: true, request: parsed.request, options: {} };
  const m = NS_NAME.exec(gateway);
  if (!m) return { ok: false, error: `write the gateway as namespace/name, not "${gateway}"` };
  return { ok: true, request: parsed.request, options: { gateway: { namespace: m[1] ?? '', name: m[3] ?? '' } } };
}

/** The pure step: one request against one table, as the target it was compiled for behaves (absent: the spec's core behaviour). */
export function runSimulation(table: RouteTable, request: SimulationRequest, target?: Target): SimulationAnswer {
  const { seq, tableId } = request;
  const sim = toSimulation(request.input);
  if (!sim.ok) return { seq, tableId, kind: 'invalid', error: sim.error, ...(sim.field === undefined ? {} : { field: sim.field }) };
  const start = performance.now();
  const options: SimulateOptions = target === undefined ? sim.options : { ...sim.options, target };
  const decision = simulate(table, sim.request, options);
  return { seq, tableId, kind: 'decision', decision, request: sim.request, protocol: sim.request.protocol, millis: performance.now() - start };
}
