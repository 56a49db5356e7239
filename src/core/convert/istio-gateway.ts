import { GATEWAY_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import { covers, isGatewayHostname } from './hosts.js';
import type { IstioCtx, ListenerInfo } from './istio-context.js';
import { NameAllocator, joinName, slug } from './names.js';
import { has, num, rec, records, spec, str, strings } from './read.js';

/**
 * Istio Gateway → Gateway API Gateway (istio.md §2, §5; gateway-api.md §2–§3.2).
 * Same name and namespace, class `istio`; one listener per server and host (TCP: per server);
 * TLS modes → listener TLS mode, `credentialName(s)` → certificateRefs; the `ns/` part of the
 * server hosts → allowedRoutes; `httpsRedirect` → a redirect HTTPRoute on that listener.
 */
export function convertIstioGateway(gw: Resource, ctx: IstioCtx): KubeObject[] {
  const names = new NameAllocator();
  const listeners: KubeObject[] = [];
  const infos: ListenerInfo[] = [];
  const extra: KubeObject[] = [];
  for (const { item: server, index } of records(spec(gw.object).servers)) {
    const at = ['spec', 'servers', index];
    const port = num(rec(server.port).number);
    const proto = (str(rec(server.port).protocol) ?? '').toUpperCase();
    const tls = has(server, 'tls') ? rec(server.tls) : undefined;
    const mode = tls ? (str(tls.mode) ?? (Object.keys(tls).every((k) => k === 'httpsRedirect') ? undefined : 'PASSTHROUGH')) : undefined;
    if (port === undefined) continue;
    const kind = listenerKind(proto, mode, tls?.httpsRedirect === true);
    if (!kind) {
      ctx.report.lose('ServerNotRepresentable', gw, at, `a ${proto}${mode ? ` ${mode}` : ''} server has no Gateway API listener form; it is left out`);
      continue;
    }
    for (const k of ['bind', 'defaultEndpoint'] as const) {
      if (has(server, k)) ctx.report.lose('ServerNotRepresentable', gw, [...at, k], `${k} has no Gateway API form; the listener takes every address of the Gateway`);
    }
    if (tls && mode) reportTls(tls, mode, kind.protocol, [...at, 'tls'], gw, ctx);
    const groups = hostGroups(strings(server.hosts), gw.namespace);
    const portName = str(rec(server.port).name);
    const base = portName && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(portName) ? portName : `${proto.toLowerCase()}-${port}`;
    const perHost = kind.protocol === 'TCP' ? [{ host: '*', namespaces: mergeNamespaces(groups.map((g) => g.namespaces)) }] : groups;
    for (const g of perHost) {
      if (g.host !== '*' && !isGatewayHostname(g.host)) {
        ctx.report.lose('HostNotRepresentable', gw, [...at, 'hosts'], `the host ${g.host} is not a Gateway API hostname; the listener for it is left out`);
        continue;
      }
      const name = names.take(perHost.length === 1 ? base : joinName(base, slug(g.host, 40)));
      const listener: KubeObject = { name, port, protocol: kind.protocol };
      if (g.host !== '*') listener.hostname = g.host;
      if (kind.tlsMode) {
        const certs = [...new Set([...(str(tls?.credentialName) ? [str(tls?.credentialName) as string] : []), ...strings(tls?.credentialNames)])];
        listener.tls = { mode: kind.tlsMode, ...(kind.tlsMode === 'Terminate' && certs.length > 0 ? { certificateRefs: certs.map((c) => ({ kind: 'Secret', name: c })) } : {}) };
      }
      listener.allowedRoutes = kind.httpsRedirect ? { namespaces: { from: 'Same' } } : allowedRoutes(g.namespaces, gw.namespace);
      listeners.push(listener);
      const info: ListenerInfo = { gateway: gw, server: index, name, port, protocol: kind.protocol, tlsMode: kind.tlsMode, host: g.host, namespaces: g.namespaces, serverNamespaces: g.namespaces, httpsRedirect: kind.httpsRedirect };
      infos.push(info);
      if (kind.httpsRedirect) extra.push(httpsRedirectRoute(info, ctx, [...at, 'tls', 'httpsRedirect']));
    }
  }
  admitWiderNamespaces(gw, listeners, infos, ctx);
  ctx.listeners.set(`${gw.namespace}/${gw.name}`, infos);
  const out: KubeObject = {
    apiVersion: `${GATEWAY_GROUP}/v1`,
    kind: 'Gateway',
    metadata: { name: gw.name, namespace: gw.namespace, ...labelsAndAnnotations(gw) },
    spec: { gatewayClassName: 'istio', listeners },
  };
  return [out, ...extra];
}

/**
 * Istio merges the plaintext HTTP servers of a port into one route table: a VirtualService bound
 * through a wide server (`shop/*`) serves its hosts there even where a narrower server
 * (`team/*.example.com`) lists other namespaces (istio.md §2 "How a request picks a server"). A
 * Gateway API request belongs to the most specific listener only (gateway-api.md §2.3), so a narrower
 * listener also admits the namespaces of every wider one on its port.
 */
function admitWiderNamespaces(gw: Resource, listeners: KubeObject[], infos: ListenerInfo[], ctx: IstioCtx): void {
  const plain = (l: ListenerInfo): boolean => l.protocol === 'HTTP' && !l.httpsRedirect;
  const before = infos.map((l) => l.namespaces);
  infos.forEach((o, i) => {
    if (!plain(o)) return;
    const wider = infos.filter((l, j) => j !== i && plain(l) && l.port === o.port && l.host !== o.host && covers(l.host, o.host));
    const namespaces = mergeNamespaces([before[i] ?? [], ...wider.map((l) => before[infos.indexOf(l)] ?? [])]);
    if (JSON.stringify(namespaces) === JSON.stringify(o.namespaces)) return;
    infos[i] = { ...o, namespaces };
    const listener = listeners.find((l) => l.name === o.name);
    if (listener) listener.allowedRoutes = allowedRoutes(namespaces, gw.namespace);
    ctx.report.note('ListenerIsolation', gw, ['spec', 'servers'], `listener ${o.name} (${o.host}) also admits routes from ${namespaces.includes('*') ? 'every namespace' : namespaces.join(', ')}: Istio serves their VirtualServices for ${o.host} through ${wider.map((l) => l.name).join(', ')} on the same port`);
  });
}

function labelsAndAnnotations(r: Resource): KubeObject {
  const m = rec(r.object.metadata);
  return { ...(has(m, 'labels') ? { labels: m.labels } : {}), ...(has(m, 'annotations') ? { annotations: m.annotations } : {}) };
}

function listenerKind(proto: string, mode: string | undefined, httpsRedirect: boolean): { protocol: string; tlsMode: 'Terminate' | 'Passthrough' | null; httpsRedirect: boolean } | undefined {
  const http = ['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB'].includes(proto);
  if ((http || proto === 'HTTPS') && mode === undefined) return { protocol: 'HTTP', tlsMode: null, httpsRedirect };
  if (mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') return ['HTTPS', 'TLS'].includes(proto) || http ? { protocol: 'TLS', tlsMode: 'Passthrough', httpsRedirect: false } : undefined;
  if (mode !== undefined && (http || proto === 'HTTPS')) return { protocol: 'HTTPS', tlsMode: 'Terminate', httpsRedirect: false };
  if (proto === 'TLS' && mode !== undefined) return { protocol: 'TLS', tlsMode: 'Terminate', httpsRedirect: false };
  if (proto === 'TCP' || proto === 'MONGO') return { protocol: 'TCP', tlsMode: null, httpsRedirect: false };
  return undefined;
}

function reportTls(tls: KubeObject, mode: string, protocol: string, at: (string | number)[], gw: Resource, ctx: IstioCtx): void {
  if (mode === 'AUTO_PASSTHROUGH') {
    // gateway.go builtAutoPassthroughFilterChains (compile/istio/auto-passthrough.ts). Gateway API
    // v1.6.1 has the TLS modes Terminate and Passthrough, and a TLSRoute hostname must be RFC 1123 (no `_`).
    ctx.report.lose('TLSModeNotRepresentable', gw, [...at, 'mode'], 'TLS mode AUTO_PASSTHROUGH has no Gateway API form: it routes a connection to the Service port (and subset) its SNI names, outbound_.PORT_.SUBSET_.HOST, with no route; the Passthrough listener written for it routes only the SNI names of TLSRoutes, which cannot be such names (RFC 1123 hostnames have no "_"), so those connections are refused');
  } else if (!['SIMPLE', 'PASSTHROUGH'].includes(mode)) {
    ctx.report.lose('TLSModeNotRepresentable', gw, [...at, 'mode'], `TLS mode ${mode} has no listener form; written as ${protocol === 'TLS' && mode.endsWith('PASSTHROUGH') ? 'Passthrough' : 'Terminate'} (client certificates are not checked)`);
  }
  const dropped = Object.keys(tls).filter((k) => !['mode', 'credentialName', 'credentialNames', 'httpsRedirect'].includes(k));
  for (const k of dropped.sort()) ctx.report.lose('TLSSettings', gw, [...at, k], `tls.${k} has no Gateway API listener form; the implementation's default applies`);
  if (mode !== 'PASSTHROUGH' && mode !== 'AUTO_PASSTHROUGH' && !has(tls, 'credentialName') && !has(tls, 'credentialNames')) {
    ctx.report.lose('TLSSettings', gw, at, 'a terminating server without credentialName: the listener has no certificateRefs (file-mounted certificates have no Gateway API form)');
  }
}

/** Server hosts `[ns/]dns` grouped by DNS name, with the namespaces allowed for each (`.` = the Gateway's). */
function hostGroups(hosts: string[], gwNs: string): { host: string; namespaces: string[] }[] {
  const by = new Map<string, Set<string>>();
  for (const h of hosts) {
    const slash = h.indexOf('/');
    const ns = slash < 0 ? '*' : h.slice(0, slash) === '.' ? gwNs : h.slice(0, slash);
    const dns = (slash < 0 ? h : h.slice(slash + 1)).toLowerCase();
    by.set(dns, (by.get(dns) ?? new Set()).add(ns));
  }
  return [...by.entries()].map(([host, ns]) => ({ host, namespaces: ns.has('*') ? ['*'] : [...ns].sort() }));
}

function mergeNamespaces(lists: readonly (readonly string[])[]): string[] {
  const all = new Set(lists.flat());
  return all.has('*') || all.size === 0 ? ['*'] : [...all].sort();
}

function allowedRoutes(namespaces: readonly string[], gwNs: string): KubeObject {
  if (namespaces.includes('*')) return { namespaces: { from: 'All' } };
  if (namespaces.length === 1 && namespaces[0] === gwNs) return { namespaces: { from: 'Same' } };
  return {
    namespaces: {
      from: 'Selector',
      selector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: [...namespaces] }] },
    },
  };
}

/** Istio `httpsRedirect` answers 301 to https for every request on the server (istio.md §2). */
function httpsRedirectRoute(l: ListenerInfo, ctx: IstioCtx, at: (string | number)[]): KubeObject {
  ctx.report.note('HttpsRedirectRoute', l.gateway, at, `httpsRedirect became the HTTPRoute ${l.gateway.name}-${l.name}-https-redirect on listener ${l.name}`);
  ctx.report.origin({ kind: 'HTTPRoute', namespace: l.gateway.namespace, name: `${l.gateway.name}-${l.name}-https-redirect` }, ['spec', 'rules', 0], l.gateway, at);
  return {
    apiVersion: `${GATEWAY_GROUP}/v1`,
    kind: 'HTTPRoute',
    metadata: { name: `${l.gateway.name}-${l.name}-https-redirect`, namespace: l.gateway.namespace },
    spec: {
      parentRefs: [{ name: l.gateway.name, sectionName: l.name }],
      rules: [{ filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] }],
    },
  };
}
