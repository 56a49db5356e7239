/** A request arriving at a gateway: gateway → listener → vhost → entry → decision. */
import { formatRef } from '../compile/context.js';
import { hostMatches, wildcardSuffixes } from '../compile/hostname.js';
import type { GatewayTable, HostIndex, ListenerEntry, RouteTable, VirtualHost } from '../compile/types.js';
import { applyEntry } from './apply-entry.js';
import { backendNotes } from './backend-notes.js';
import { chooseGateway } from './choose-gateway.js';
import { classJudgement, viewWithTarget, type TargetView } from './implementation-target.js';
import { newState, noRoute, uniqueNotes, type WalkState } from './decision.js';
import { statusesFor } from './outcomes.js';
import type { RequestView } from './request-view.js';
import { listenerAccepts, listenerRef, misdirected, nameFor } from './select-listener.js';
import { withServedCertificate } from './served-certificate.js';
import type { Target } from '../target/target.js';
import type { Decision, SimulateOptions } from './types.js';
import { walkVhost } from './walk-vhost.js';

/** The Decision, and the target view it was simulated under (the target's, or the gateway's class's). */
export interface GatewayAnswer {
  readonly decision: Decision;
  readonly target: TargetView | null;
}

export function simulateAtGateway(table: RouteTable, view: RequestView, options: SimulateOptions): GatewayAnswer {
  const r = view.request;
  const state = newState();
  const gw = chooseGateway(table, r, options, state);
  if (typeof gw === 'string') {
    state.notes.push({ code: 'Info', message: gw });
    return { decision: noRoute(state, statusesFor(r.protocol).noMatch, gw), target: view.target ?? null };
  }
  // A class of a known controller names the implementation when the target names none (said once).
  const judged = judgementOf(gw, options.target);
  if (judged) state.notes.push(judged.note);
  const v = judged ? viewWithTarget(view, judged.view) : view;
  return { decision: withServedCertificate(table, r, routeAtGateway(table, v, options, gw, state)), target: v.target ?? null };
}

/** classJudgement per gateway and target, kept while both live: a diff asks it for every request. */
const judgements = new WeakMap<GatewayTable, { readonly target: Target | undefined; readonly value: ReturnType<typeof classJudgement> }>();

function judgementOf(gw: GatewayTable, target: Target | undefined): ReturnType<typeof classJudgement> {
  const seen = judgements.get(gw);
  if (seen && seen.target === target) return seen.value;
  const value = classJudgement(gw, target);
  judgements.set(gw, { target, value });
  return value;
}

function routeAtGateway(table: RouteTable, v: RequestView, options: SimulateOptions, gw: GatewayTable, state: WalkState): Decision {
  const r = v.request;
  const s = statusesFor(r.protocol);
  const at: WalkState = { ...state, dialect: gw.dialect, gateway: gw.ref };
  const port = gw.ports.get(r.port);
  if (!port) return noRoute(at, s.noMatch, `${formatRef(gw.ref)} has no listener on port ${r.port}`);
  let chosen: ListenerEntry | null = null;
  for (const l of port.listeners) {
    const why = chosen ? 'a more specific listener was chosen' : listenerAccepts(l, r);
    if (why === null) chosen = l;
    at.trace.push({ step: at.dialect === 'istio' ? 'server' : 'listener', ref: listenerRef(gw, l), result: chosen === l ? 'matched' : 'skipped', reason: chosen === l ? `accepts ${nameFor(l, r)} on port ${r.port}` : (why ?? '') });
  }
  if (!chosen) return noRoute(at, s.noMatch, `no listener on port ${r.port} accepts ${r.scheme}://${r.sni ?? r.host}`);
  const state2: WalkState = { ...at, listener: chosen.name };
  const wrong = misdirected(chosen, port.listeners, r);
  if (wrong && 'status' in wrong) return noRoute(state2, wrong.status, wrong.reason);
  for (const rej of chosen.rejected) {
    state2.trace.push({ step: 'route', ref: formatRef(rej.route), result: 'skipped', reason: `route ${rej.route.name}: not attached — ${rej.message}` });
  }
  if (chosen.httpsRedirect && r.scheme === 'http') {
    const location = `https://${r.host}${r.path}`;
    return { ...noRoute(state2, 301, `httpsRedirect on ${chosen.name}`), redirect: { status: 301, location } };
  }
  const name = chosen.protocol === 'TLS' || chosen.protocol === 'HTTPS' ? nameFor(chosen, r) : r.host;
  const vhost = chosen.protocol === 'TCP' || chosen.protocol === 'UDP' ? chosen.hosts.any : lookupVhost(chosen.hosts, chosen.protocol === 'TLS' ? name : r.host);
  if (!vhost) {
    const served = servedNames(chosen.hosts, 11);
    const what = chosen.protocol === 'TLS' ? name : r.host;
    state2.trace.push({ step: 'vhost', ref: what, result: 'skipped', reason: served.length === 0 ? 'no route is attached to this listener' : `no route hostname matches ${what} (served: ${served.slice(0, 10).join(', ')}${served.length > 10 ? ', …' : ''})` });
    return noRoute(state2, s.noMatch, `no route on listener ${chosen.name} serves ${what}`);
  }
  state2.trace.push({ step: 'vhost', ref: vhost.domain, result: 'matched', reason: `most specific route hostname for ${chosen.protocol === 'TLS' ? name : r.host}` });
  if ((r.protocol === 'tcp' || r.protocol === 'udp' || r.protocol === 'tls') && new Set(vhost.entries.map((e) => e.provenance.resource)).size > 1) {
    state2.notes.push({ code: 'ImplementationSpecific', message: `${vhost.entries.length} rules of several routes serve this listener; the first by precedence (oldest, then namespace/name) takes the connections` });
  }
  const entry = walkVhost(vhost, v, options.traceAll, state2.trace, state2.notes);
  if (!entry) return noRoute(state2, s.noMatch, `no rule on listener ${chosen.name} matches the request`);
  if (v.repeated.length > 0) state2.notes.push({ code: 'ImplementationSpecific', message: `header(s) ${v.repeated.join(', ')} sent more than once: compared comma-joined (RFC 7230)` });
  if ([...v.query.values()].some((vals) => vals.length > 1)) state2.notes.push({ code: 'ImplementationSpecific', message: 'a query parameter sent more than once is matched by its first value' });
  const part = applyEntry(entry, v, chosen.port, s, state2.notes, options.backend);
  return { ...part, dialect: entry.dialect, gateway: gw.ref, listener: chosen.name, trace: state2.trace, notes: uniqueNotes([...part.notes, ...backendNotes(table, part.backends)]) };
}

/** The vhost for a name: exact, then the most specific wildcard, then "any". */
export function lookupVhost(hosts: HostIndex, name: string): VirtualHost | null {
  const exact = hosts.exact.get(name);
  if (exact) return exact;
  for (const suffix of wildcardSuffixes(name)) {
    const w = hosts.wildcard.get(suffix);
    if (w && hostMatches(`*${suffix}`, name)) return w;
  }
  return hosts.any;
}

/** Up to `limit` names a listener serves (exact, then wildcards, then `*`), without listing them all. */
function servedNames(hosts: HostIndex, limit: number): string[] {
  const out: string[] = [];
  for (const k of hosts.exact.keys()) {
    if (out.length === limit) return out;
    out.push(k);
  }
  for (const k of hosts.wildcard.keys()) {
    if (out.length === limit) return out;
    out.push(`*${k}`);
  }
  if (hosts.any && out.length < limit) out.push('*');
  return out;
}
