/**
 * The chosen entry applied to the request: filters in list order (gateway-api.md §5.1), then the
 * action (forward by weight, redirect, direct response), then Istio fault aborts. Produces every
 * Decision field that depends on the entry.
 */
import type { BackendTarget, Filter, Note, RouteEntry } from '../compile/types.js';
import { istioRetriesShown } from './envoy-retry.js';
import { applyCors } from './filters/cors.js';
import { applyHeaderModifier, recordResponseEdits, type ResponseEdits } from './filters/header-modifier.js';
import { applyPathModifier } from './filters/path-modifier.js';
import { redirectLocation } from './filters/redirect.js';
import { grpcStatusOf } from './grpc-status.js';
import { targetLocation } from './implementation-notes.js';
import { statusesForEntry } from './istio-statuses.js';
import { forwardOutcomes, mostProbable, withFault, type Statuses } from './outcomes.js';
import type { RequestView } from './request-view.js';
import type { BackendBehaviour, Decision, DecisionMirror, ForwardedRequest, Outcome } from './types.js';
import { forwardWhatIf } from './what-if.js';

type EntryPart = Omit<Decision, 'dialect' | 'gateway' | 'listener' | 'trace'>;

interface Working {
  headers: Map<string, string>;
  host: string;
  path: string;
  readonly edits: ResponseEdits;
  readonly mirrors: DecisionMirror[];
}

/** `behaviour`: how the backend answers each try (SimulateOptions.backend); the forwarded shares then run their tries (what-if.ts). */
export function applyEntry(entry: RouteEntry, v: RequestView, listenerPort: number, s: Statuses, notes: Note[], behaviour?: BackendBehaviour): EntryPart {
  const w: Working = { headers: new Map(v.headers), host: v.request.host, path: v.request.path, edits: { set: new Map(), add: new Map(), remove: [] }, mirrors: [] };
  w.headers.delete('host');
  notes.push(...entry.notes);
  let early: Outcome | null = null;
  for (const f of entry.filters) {
    early = runFilter(f, w, v, notes);
    if (early) break;
  }
  let outcomes: Outcome[];
  let backends: EntryPart['backends'] = [];
  let redirect: EntryPart['redirect'] = null;
  let forwarded = false;
  const a = entry.action;
  if (early) outcomes = [early];
  else if (a.kind === 'redirect') {
    // With a target, a Gateway API redirect's port is written as its implementation writes it (implementation-redirect.ts).
    const location =
      v.target && entry.dialect === 'gateway-api' && a.portPolicy === 'GatewayAPI'
        ? targetLocation(v.target, a, { scheme: v.request.scheme, authority: v.request.authority, host: w.host, listenerPort, pathAndQuery: w.path }, notes)
        : redirectLocation(a, { scheme: v.request.scheme, host: w.host, port: v.request.port, listenerPort, pathAndQuery: w.path });
    redirect = { status: a.statusCode, location };
    outcomes = [{ probability: 1, status: a.statusCode, reason: `redirect to ${location}` }];
  } else if (a.kind === 'directResponse') {
    // A gRPC client reads the status of a direct response as a gRPC status (grpc-status.ts).
    outcomes = [{ probability: 1, status: v.request.protocol === 'grpc' ? grpcStatusOf(a.status) : a.status, reason: 'direct response' }];
  } else {
    const r = forwardOutcomes(a.backends, statusesForEntry(entry, s), notes);
    outcomes = withFault(r.outcomes, entry.fault, s);
    backends = r.backends;
    forwarded = outcomes.some((o) => o.status === s.ok) && (v.request.protocol === 'http' || v.request.protocol === 'grpc');
    applyBackendFilters(a.backends, w, v, notes);
    if (behaviour && forwardsRequests(v)) outcomes = forwardWhatIf(r.outcomes, entry, s, v.request.protocol, behaviour, notes, v.target?.istio ?? null);
  }
  const request: ForwardedRequest | null = forwarded
    ? { method: v.request.method, scheme: v.request.scheme, host: w.host, path: w.path, headers: Object.fromEntries([...w.headers].sort(([x], [y]) => (x < y ? -1 : 1))) }
    : null;
  return {
    status: mostProbable(outcomes),
    outcomes,
    route: entry.provenance.ref,
    rule: entry.provenance.rule,
    match: entry.provenance.match,
    backends,
    request,
    responseHeaders: { set: Object.fromEntries(w.edits.set), add: Object.fromEntries(w.edits.add), remove: w.edits.remove },
    redirect,
    mirrors: w.mirrors,
    timeouts: entry.timeouts ? { ...entry.timeouts } : null,
    // Istio's mesh default status codes are shown as the target's release has them (envoy-retry.ts).
    retries: entry.retries ? istioRetriesShown(entry.retries, v.target?.istio ?? null) : null,
    notes,
  };
}

function forwardsRequests(v: RequestView): boolean {
  return v.request.protocol === 'http' || v.request.protocol === 'grpc';
}

function runFilter(f: Filter, w: Working, v: RequestView, notes: Note[]): Outcome | null {
  switch (f.type) {
    case 'RequestHeaderModifier':
      applyHeaderModifier(w.headers, f.modifier);
      return null;
    case 'ResponseHeaderModifier':
      recordResponseEdits(w.edits, f.modifier);
      return null;
    case 'URLRewrite':
      if (f.rewrite.hostname !== null) w.host = f.rewrite.hostname;
      if (f.rewrite.path) w.path = applyPathModifier(f.rewrite.path, w.path);
      return null;
    case 'RequestMirror': {
      const b = f.mirror.backend;
      w.mirrors.push({ kind: b.ref.kind, namespace: b.ref.namespace, name: b.ref.name, port: b.port, percent: f.mirror.percent, ...(b.problem ? { problem: `${b.problem.reason}: ${b.problem.message} (mirror not configured)` } : {}) });
      return null;
    }
    case 'CORS': {
      const r = applyCors(f.cors, v.request.method, v.headers);
      if (!r) return null;
      for (const [k, val] of r.headers) w.edits.set.set(k, val);
      return r.preflightStatus === null ? null : { probability: 1, status: r.preflightStatus, reason: `CORS preflight answered by the gateway (origin ${r.allowed ? 'allowed' : 'not allowed'})` };
    }
    case 'Error':
      // A gRPC client reads the proxy's own error answer as a gRPC status (grpc-status.ts).
      return { probability: 1, status: v.request.protocol === 'grpc' ? grpcStatusOf(f.status) : f.status, reason: f.reason };
    case 'Unevaluated':
      notes.push(f.note);
      return null;
  }
}

/** Backend-level filters differ per backend; the request shown is the one the most probable valid backend gets. */
function applyBackendFilters(backends: readonly BackendTarget[], w: Working, v: RequestView, notes: Note[]): void {
  const valid = backends.filter((b) => !b.problem && b.weight > 0 && !b.filters.some((f) => f.type === 'Error'));
  const best = valid.reduce<BackendTarget | null>((acc, b) => (acc === null || b.weight > acc.weight ? b : acc), null);
  if (!best || best.filters.length === 0) return;
  if (valid.some((b) => b !== best && b.filters.length > 0) || valid.length > 1) {
    notes.push({ code: 'Info', message: `backend-level filters differ per backend; the request shown is what ${best.ref.namespace}/${best.ref.name} receives` });
  }
  for (const f of best.filters) runFilter(f, w, v, notes);
}
