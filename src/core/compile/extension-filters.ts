/**
 * ExtensionRef and ExternalAuth filters: their effect belongs to something the simulator does not
 * run (an implementation's custom filter, an authorization server). What the spec fixes is the
 * unresolvable case — kubernetes-sigs/gateway-api apis/v1/httproute_types.go, HTTPRouteFilter
 * `Type` (and GRPCRouteFilter alike): "If a reference to a custom filter type cannot be resolved,
 * the filter MUST NOT be skipped. Instead, requests that would have been processed by that filter
 * MUST receive a HTTP error response."
 * - ExtensionRef (a LocalObjectReference: group, kind, name in the route's namespace) to an object
 *   the design does not contain, without --assume-external: it cannot be resolved, so the requests
 *   it sees fail; the simulator answers 500 (the spec asks for "a HTTP error response").
 * - ExtensionRef to an object the design contains (or assumed present): it resolves, but what the
 *   filter does is the implementation's; the request is forwarded as if the filter allowed it,
 *   and a note says so.
 * - ExternalAuth (experimental, HTTPRoute only): the authorization server decides each request; the
 *   request is forwarded as if it allowed it, noted. Its `backendRef` is resolved like a backend:
 *   one that is invalid (not in the design, not permitted, not a Service) leaves no server to ask,
 *   and the filter must not be skipped: 500 for the requests it sees.
 */
import type { Resource } from '../resources/types.js';
import { resolveBackend, statusReason, type BackendScope } from './backends.js';
import type { CompileContext } from './context.js';
import { rec, str } from './read.js';
import type { Filter, Provenance } from './types.js';

export interface ExtensionScope {
  readonly ctx: CompileContext;
  readonly route: Resource;
  readonly scope: BackendScope;
  readonly provenance: Provenance;
  /** Field path of this filter, e.g. `spec.rules[0].filters[1]`. */
  readonly path: string;
}

const FORWARDED = 'the simulator cannot evaluate it: the request is forwarded if the filter allows it';

export function extensionRefFilter(raw: Record<string, unknown>, s: ExtensionScope): Filter {
  const ref = rec(raw.extensionRef);
  const group = str(ref.group) ?? '';
  const kind = str(ref.kind) ?? '';
  const name = str(ref.name) ?? '';
  const what = `ExtensionRef ${group === '' ? '' : `${group}/`}${kind} ${s.route.namespace}/${name}`;
  if (s.ctx.find(group, kind, s.route.namespace, name)) return { type: 'Unevaluated', note: { code: 'Simplified', message: `${what} (${s.path}): ${FORWARDED}` } };
  if (s.ctx.assumeExternal) return { type: 'Unevaluated', note: { code: 'AssumedExternal', message: `${what} (${s.path}) is not in this design; assumed present: ${FORWARDED}` } };
  return { type: 'Error', status: 500, reason: `${what} (${s.path}) is not in this design: a filter that cannot be resolved must not be skipped, so requests through it get an HTTP error response (500 here)` };
}

export function externalAuthFilter(raw: Record<string, unknown>, s: ExtensionScope): Filter {
  const auth = rec(raw.externalAuth);
  const backendPath = `${s.path}.externalAuth.backendRef`;
  const server = resolveBackend(s.ctx, s.route, auth.backendRef, { ...s.provenance, path: backendPath }, s.scope);
  const who = `${server.ref.kind} ${server.ref.namespace}/${server.ref.name}`;
  if (server.problem) {
    return { type: 'Error', status: 500, reason: `ExternalAuth (${s.path}): its authorization server ${who} cannot be used (${statusReason(server.problem)}: ${server.problem.message}); the filter must not be skipped, so requests through it fail (500 here)` };
  }
  return { type: 'Unevaluated', note: { code: 'Simplified', message: `ExternalAuth (${s.path}) asks ${who} to authorize each request; ${FORWARDED}` } };
}
