import { ISTIO_GROUP } from '../resources/kinds.js';
import type { KubeObject, Resource } from '../resources/types.js';
import type { IstioListener } from './gw-attach.js';
import { selectorMatches } from './gw-attach.js';
import type { Design } from './design.js';
import { labelName } from './names.js';
import { has, num, rec, records, spec, str, strings } from './read.js';
import type { Report } from './report.js';

/** The label istiod puts on the pods it deploys for a Gateway; the Istio Gateways select them. */
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';

/**
 * Gateway API Gateway → one Istio Gateway per listener, named `<gateway>-<listener>`
 * (istio.md §4.1) as an RFC 1123 label (names.ts labelName; `gatewayName` keeps it unique in its
 * namespace), all selecting the Gateway's pods so Istio merges them back into one proxy.
 * allowedRoutes namespaces → the `ns/` part of the server hosts.
 */
export function convertGateway(gw: Resource, design: Design, report: Report, gatewayName: (ns: string, base: string) => string): { objects: KubeObject[]; listeners: IstioListener[] } {
  const s = spec(gw.object);
  const objects: KubeObject[] = [];
  const listeners: IstioListener[] = [];
  for (const k of ['addresses', 'infrastructure'] as const) {
    if (has(s, k)) report.lose('GatewayAddresses', gw, ['spec', k], `spec.${k} has no Istio Gateway form; the gateway's Service is configured apart`);
  }
  if (has(s, 'tls')) report.lose('ListenerNotRepresentable', gw, ['spec', 'tls'], 'Gateway-level TLS settings (client validation, backend client certificate) have no Istio Gateway form');
  for (const { item: l, index } of records(s.listeners)) {
    const at = ['spec', 'listeners', index];
    const name = str(l.name) ?? `listener-${index}`;
    const port = num(l.port);
    const protocol = str(l.protocol) ?? '';
    if (port === undefined || !['HTTP', 'HTTPS', 'TLS', 'TCP'].includes(protocol)) {
      report.lose('ListenerNotRepresentable', gw, at, `a ${protocol} listener has no Istio server form; it is left out`);
      continue;
    }
    const hostname = (str(l.hostname) ?? '*').toLowerCase();
    const server: KubeObject = { port: { number: port, name, protocol }, hosts: serverHosts(l, gw, hostname, design, report, at) };
    const tls = tlsOf(l, gw, report, at);
    if (tls === null) continue;
    if (tls) server.tls = tls;
    const objName = gatewayName(gw.namespace, labelName([gw.name, name]));
    objects.push({
      apiVersion: `${ISTIO_GROUP}/v1`,
      kind: 'Gateway',
      metadata: { name: objName, namespace: gw.namespace },
      spec: { selector: { [GATEWAY_NAME_LABEL]: gw.name }, servers: [server] },
    });
    const admitted = (server.hosts as string[]).map((h) => (h.includes('/') ? h.slice(0, h.indexOf('/')) : '*')).filter((n) => n !== '~');
    listeners.push({ gateway: gw, name, index, istioGateway: `${gw.namespace}/${objName}`, port, protocol, hostname, listener: l, namespaces: admitted });
  }
  return { objects, listeners };
}

function serverHosts(l: KubeObject, gw: Resource, hostname: string, design: Design, report: Report, at: (string | number)[]): string[] {
  const ns = rec(rec(l.allowedRoutes).namespaces);
  const from = str(ns.from) ?? 'Same';
  if (from === 'All') return [hostname];
  if (from === 'Selector') {
    const selector = rec(ns.selector);
    const exact = namesOfSelector(selector);
    const names = exact ?? [...new Set([...design.ofKind('', 'Namespace').map((n) => n.name), ...design.resources.map((r) => r.namespace).filter((n) => n !== '')])].filter((n) => selectorMatches(selector, design.namespaceLabels(n))).sort();
    if (!exact) report.lose('NamespaceSelector', gw, [...at, 'allowedRoutes', 'namespaces', 'selector'], `Istio server hosts list namespaces, not selectors: evaluated against this design (${names.length === 0 ? 'none' : names.join(', ')}); namespaces labelled later are not picked up`);
    return names.length === 0 ? [`~/${hostname}`] : names.map((n) => `${n}/${hostname}`);
  }
  return [`${gw.namespace}/${hostname}`];
}

/**
 * The namespaces a selector names outright: only `kubernetes.io/metadata.name` conditions (a label
 * the API server sets on every Namespace to its name), `matchLabels` or `In` — the same list in
 * any cluster, so an Istio host list says exactly the same. Undefined for any other selector.
 */
function namesOfSelector(selector: KubeObject): string[] | undefined {
  const key = 'kubernetes.io/metadata.name';
  const labels = rec(selector.matchLabels);
  const exprs = records(selector.matchExpressions).map(({ item }) => item);
  if (Object.keys(labels).some((k) => k !== key) || exprs.some((e) => str(e.key) !== key || str(e.operator) !== 'In')) return undefined;
  if (Object.keys(labels).length === 0 && exprs.length === 0) return undefined;
  let names: string[] | undefined = str(labels[key]) !== undefined ? [str(labels[key]) as string] : undefined;
  for (const e of exprs) {
    const values = strings(e.values);
    names = names === undefined ? values : names.filter((n) => values.includes(n));
  }
  return [...new Set(names ?? [])].sort();
}

/** Listener TLS → server tls; null when the listener cannot be served (istio.md §4.1: HTTPS/TLS without tls). */
function tlsOf(l: KubeObject, gw: Resource, report: Report, at: (string | number)[]): KubeObject | undefined | null {
  const protocol = str(l.protocol);
  if (protocol !== 'HTTPS' && protocol !== 'TLS') return undefined;
  if (!has(l, 'tls')) {
    report.lose('ListenerNotRepresentable', gw, at, `an ${protocol} listener without tls is not served; it is left out`);
    return null;
  }
  const tls = rec(l.tls);
  const mode = str(tls.mode) ?? 'Terminate';
  if (mode === 'Passthrough') return { mode: 'PASSTHROUGH' };
  const names: string[] = [];
  for (const { item, index } of records(tls.certificateRefs)) {
    const ns = str(item.namespace);
    if ((str(item.kind) ?? 'Secret') !== 'Secret' || (str(item.group) ?? '') !== '') {
      report.lose('CrossNamespaceCertificate', gw, [...at, 'tls', 'certificateRefs', index], 'only Secret certificates have an Istio form; this one is left out');
    } else if (ns !== undefined && ns !== gw.namespace) {
      report.lose('CrossNamespaceCertificate', gw, [...at, 'tls', 'certificateRefs', index], `credentialName cannot name a Secret in another namespace (${ns}); the Secret must be copied next to the gateway`);
      names.push(str(item.name) ?? '');
    } else names.push(str(item.name) ?? '');
  }
  if (has(tls, 'options')) report.lose('ListenerNotRepresentable', gw, [...at, 'tls', 'options'], 'listener TLS options are implementation-specific; they are left out');
  return names.length > 1 ? { mode: 'SIMPLE', credentialNames: names } : { mode: 'SIMPLE', ...(names[0] ? { credentialName: names[0] } : {}) };
}
