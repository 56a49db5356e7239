/**
 * One VirtualService's `http[]` → ordered RouteEntries for one proxy (istio.md §1.2 step 3;
 * route.go BuildHTTPRoutesForVirtualService, TranslateRoute).
 * - One entry per match, in rule order then match order; a rule without `match` matches all.
 * - A match whose `port` is not the listener port, or whose per-match `gateways` do not name this
 *   proxy, or (no per-match gateways) whose `sourceLabels`/`sourceNamespace` do not select the
 *   proxy, is not generated (sourceMatchHTTP). For the mesh, source selectors stay in the entry as
 *   conditions on the client.
 * - Generation stops after the first catch-all route (no match, or `prefix: /` / regex `.*` without
 *   other conditions): later rules are unreachable (IST0130).
 */
import { re2Refusal } from '../../regex/re2.js';
import type { Filter, MirrorPolicy, Note, Provenance, RetryPolicy, RouteAction, RouteEntry } from '../types.js';
import type { ProxyContext } from './context.js';
import { toBackend, toWeightedBackends } from './destinations.js';
import { authorityOf, directResponseAction, headerFilters, redirectAction, rewriteFilter } from './http-actions.js';
import { isCatchAll, toRouteMatch } from './http-match.js';
import type { HttpMatchModel, HttpRuleModel, VirtualServiceModel } from './model.js';
import { labelsSubsetOf } from './names.js';
import { toCors, toFault, toRetries } from './policies.js';

function refOf(rule: HttpRuleModel): Provenance['ref'] {
  const r = rule.origin.resource;
  return { kind: r.kind, namespace: r.namespace, name: r.name };
}

function provenance(rule: HttpRuleModel, match: HttpMatchModel | null): Provenance {
  const own = match !== null && match.inherited !== true ? match : null;
  const base: Provenance = { resource: rule.origin.resource.id, ref: refOf(rule), rule: rule.origin.index, match: own?.index ?? null, path: own?.path ?? rule.origin.path };
  const root = rule.delegatedFrom;
  if (root === null) return base;
  const r = root.resource;
  const delegatedFrom: Provenance = {
    resource: r.id,
    ref: { kind: r.kind, namespace: r.namespace, name: r.name },
    rule: root.index,
    match: match?.root?.index ?? null,
    path: match?.root?.path ?? root.path,
  };
  return { ...base, delegatedFrom };
}

/** route.go sourceMatchHTTP, for a proxy known at compile time. */
function selectsProxy(ctx: ProxyContext, match: HttpMatchModel): boolean {
  if (match.gateways.length > 0) return match.gateways.includes(ctx.gatewayName);
  if (ctx.proxy === null) return true;
  return labelsSubsetOf(match.sourceLabels, ctx.proxy.labels) && (match.sourceNamespace === '' || match.sourceNamespace === ctx.proxy.namespace);
}

function matchNotes(match: HttpMatchModel | null): Note[] {
  const notes: Note[] = [];
  if (match?.uri?.kind === 'prefix' && match.uri.value !== '/') {
    const v = match.uri.value;
    const example = v.endsWith('/') ? `it does not match ${v.slice(0, -1)}` : `it also matches ${v}-x`;
    notes.push({ code: 'Info', message: `Istio uri.prefix ${v} is a plain string prefix (${example}); the Gateway API PathPrefix matches whole path elements` });
  }
  const all = match === null ? [] : [match.uri, match.scheme, match.method, match.authority, ...match.headers.values(), ...match.withoutHeaders.values(), ...match.queryParams.values()];
  const regexes = all.flatMap((m) => (m?.kind === 'regex' ? [m.value] : []));
  if (regexes.length > 0) notes.push({ code: 'ImplementationSpecific', message: 'Istio regexes are RE2 matching the whole value (as Envoy runs them), in linear time' });
  for (const r of regexes) {
    const refusal = re2Refusal(r);
    if (refusal) notes.push({ code: 'Info', message: `regex ${r} is not RE2 (${refusal.reason}): istiod rejects this VirtualService; simulated as never matching` });
  }
  const claims = match === null ? [] : [...match.headers.keys(), ...match.withoutHeaders.keys()].filter((k) => k.startsWith('@request.auth.claims'));
  if (claims.length > 0) notes.push({ code: 'Simplified', message: `JWT claim matches (${claims.join(', ')}) are evaluated as request headers of that name` });
  return notes;
}

function mirrorFilters(ctx: ProxyContext, vs: VirtualServiceModel, rule: HttpRuleModel, prov: Provenance): Filter[] {
  return rule.mirrors.flatMap((m): Filter[] => {
    if (m.percent !== null && m.percent <= 0) return [];
    const backend = toBackend(ctx, m.destination, vs.resource.namespace, 1, [], { ...prov, path: m.path });
    const mirror: MirrorPolicy = { backend, percent: Math.min(100, m.percent ?? 100) };
    return [{ type: 'RequestMirror', mirror }];
  });
}

function translate(ctx: ProxyContext, vs: VirtualServiceModel, rule: HttpRuleModel, match: HttpMatchModel | null): RouteEntry | null {
  const prov = provenance(rule, match);
  const notes = matchNotes(match);
  const headers = headerFilters(rule.headers);
  const cors = toCors(rule.corsPolicy);
  const corsFilter: Filter[] = cors === null ? [] : [{ type: 'CORS', cors }];
  let action: RouteAction;
  let filters: Filter[];
  let retries: RetryPolicy | null = null;
  const resource = rule.origin.resource;
  if (rule.redirect !== null) {
    const r = redirectAction(ctx, rule, match);
    if (r.action === null) {
      ctx.sinks.diagnose(resource, 'IstioRedirectCodeUnsupported', 'error', `redirectCode ${rule.redirect.redirectCode} is not one of 301, 302, 303, 307, 308: Istio cannot program this route`, `${rule.origin.path}.redirect.redirectCode`);
      return null;
    }
    action = r.action;
    notes.push(...r.notes);
    filters = [...headers.request, ...corsFilter, ...headers.response];
  } else if (rule.directResponse !== null) {
    action = directResponseAction(rule) ?? { kind: 'directResponse', status: 0, body: null };
    filters = [...headers.request, ...corsFilter, ...headers.response];
  } else {
    const ruleAuthority = rewriteFilter(rule, match)?.hostname ?? null;
    const weighted = toWeightedBackends(
      ctx,
      rule.route,
      vs.resource.namespace,
      (d) => {
        const h = headerFilters(d.headers);
        const authority = authorityOf(d.headers);
        // A destination's Host rewrite applies only when the rule sets none (route.go processDestination).
        const host: Filter[] = authority !== '' && ruleAuthority === null ? [{ type: 'URLRewrite', rewrite: { hostname: authority, path: null } }] : [];
        return [...h.request, ...host, ...h.response];
      },
      (d) => ({ ...prov, path: d.path }),
    );
    if (weighted.invalidTotal) ctx.sinks.diagnose(resource, 'IstioTotalWeightZero', 'error', 'total destination weight = 0: Istio validation rejects this rule', `${rule.origin.path}.route`);
    if (rule.route.length === 0) ctx.sinks.diagnose(resource, 'IstioRuleWithoutAction', 'error', 'the rule has neither route, redirect nor directResponse', rule.origin.path);
    notes.push(...weighted.notes);
    action = { kind: 'forward', backends: weighted.backends };
    const rewrite = rewriteFilter(rule, match);
    filters = [...headers.request, ...(rewrite === null ? [] : [{ type: 'URLRewrite' as const, rewrite }]), ...mirrorFilters(ctx, vs, rule, prov), ...corsFilter, ...headers.response];
    const r = toRetries(rule.retries);
    retries = r.retries;
    notes.push(...r.notes);
  }
  if (ctx.proxy !== null && match !== null && match.gateways.length === 0 && (Object.keys(match.sourceLabels).length > 0 || match.sourceNamespace !== '')) {
    notes.push({ code: 'Simplified', message: `sourceLabels/sourceNamespace were checked against the gateway workload, assumed to carry the Gateway's selector labels and to run in namespace ${ctx.proxy.namespace}` });
  }
  const fault = toFault(rule.fault);
  if (fault?.delay) notes.push({ code: 'Info', message: `fault injection: ${fault.delay.percent}% of requests are delayed by ${fault.delay.fixedDelay}` });
  if (rule.fault !== null && fault === null) notes.push({ code: 'Info', message: 'fault injection without a percentage injects nothing' });
  return {
    dialect: 'istio',
    routeKind: 'VirtualService',
    provenance: prov,
    ruleName: rule.name === '' ? null : rule.name,
    hostname: '*',
    match: toRouteMatch(match, { source: ctx.proxy === null, port: ctx.proxy === null && ctx.listenPort === 0 }),
    filters,
    action,
    timeouts: rule.timeout === null || action.kind !== 'forward' ? null : { request: rule.timeout },
    retries,
    fault,
    precedence: null,
    notes,
  };
}

/** The entries of a (delegation-merged) VirtualService for this proxy, in Istio's order. */
export function buildHttpEntries(ctx: ProxyContext, vs: VirtualServiceModel): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const rule of vs.http) {
    if (rule.delegate !== null) continue; // an unresolved delegate (dropped with a diagnostic by delegation)
    if (rule.match.length === 0) {
      const e = translate(ctx, vs, rule, null);
      if (e) out.push(e);
      break;
    }
    let stop = false;
    for (const match of rule.match) {
      if (match.port !== 0 && ctx.listenPort !== 0 && match.port !== ctx.listenPort) continue;
      if (!selectsProxy(ctx, match)) continue;
      const e = translate(ctx, vs, rule, match);
      if (!e) continue;
      out.push(e);
      // A catch-all that still depends on the client (mesh source selectors, unknown port) does not end the list.
      if (isCatchAll(e.match) && !e.match.source && e.match.port === undefined) {
        stop = true;
        break;
      }
    }
    if (stop) break;
  }
  return out;
}
