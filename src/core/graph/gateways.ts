import { formatPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import { flagRow, type GraphDraft } from './draft.js';
import { formatLabels, num, rec, records, str, strings } from './read.js';
import { conditionProblem } from './status.js';
import type { GraphBadge } from './types.js';

/**
 * Gateway API Gateway and ListenerSet: one row per listener, `https :443 *.shop.example.com`,
 * with its TLS mode and allowedRoutes as badges.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listener
 */
export function addGatewayApiGateway(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const className = str(spec.gatewayClassName);
  const node = g.addResourceNode(r, 'gateway', className ? `class ${className}` : undefined);
  for (const { item: listener, index } of records(spec.listeners)) {
    const name = str(listener.name) ?? `#${index}`;
    const port = num(listener.port);
    const host = str(listener.hostname) ?? '*';
    const row = g.addRow(node, 'listener', name, {
      label: `${name} :${port ?? '?'} ${host}`,
      path: formatPath(['spec', 'listeners', index]),
      badges: listenerBadges(r, listener, name, g),
    });
    const status = g.status?.listener(r.id, name);
    if (status) {
      row.attachedRoutes = status.attachedRoutes;
      const problem = conditionProblem(status.conditions);
      if (problem) flagRow(row, { severity: problem.severity, message: problem.message });
    }
  }
  const problem = conditionProblem(g.status?.of(r.id)?.conditions);
  if (problem) node.badges.push({ text: `${problem.condition.type}: ${problem.condition.status}`, tone: problem.severity, detail: problem.message });
}

function listenerBadges(r: Resource, listener: Record<string, unknown>, name: string, g: GraphDraft): GraphBadge[] {
  const badges: GraphBadge[] = [];
  const protocol = str(listener.protocol);
  if (protocol && protocol.toLowerCase() !== name.toLowerCase()) badges.push({ text: protocol, tone: 'neutral' });
  const tls = listener.tls === undefined ? undefined : rec(listener.tls);
  if (tls) {
    const mode = str(tls.mode) ?? 'Terminate';
    const certs = records(tls.certificateRefs).map(({ item }) => {
      const ns = str(item.namespace) ?? r.namespace;
      const certName = str(item.name) ?? '?';
      const kind = str(item.kind) ?? 'Secret';
      const group = str(item.group) ?? '';
      const present = kind === 'Secret' && (group === '' || group === 'core') ? g.index.get('', 'Secret', ns, certName) : undefined;
      return { label: `${ns}/${certName}`, missing: kind === 'Secret' && !present };
    });
    const missing = certs.filter((c) => c.missing);
    badges.push({
      text: mode === 'Passthrough' ? 'TLS passthrough' : 'TLS',
      tone: missing.length > 0 ? 'error' : 'tls',
      detail: [mode, ...certs.map((c) => `certificate ${c.label}${c.missing ? ' (not in this design)' : ''}`)].join(' · '),
    });
  }
  const allowed = rec(listener.allowedRoutes);
  const namespaces = rec(allowed.namespaces);
  const from = str(namespaces.from) ?? 'Same';
  badges.push({
    text: `ns: ${from}`,
    tone: 'info',
    detail:
      from === 'Selector'
        ? `routes from namespaces labelled ${formatLabels(rec(namespaces.selector).matchLabels) || '(expressions)'}`
        : from === 'All'
          ? 'routes from every namespace'
          : 'routes from the Gateway\'s own namespace',
  });
  const kinds = records(allowed.kinds).map(({ item }) => str(item.kind)).filter((k): k is string => !!k);
  if (kinds.length > 0) badges.push({ text: `kinds: ${kinds.join(', ')}`, tone: 'info' });
  return badges;
}

/** Edges a Gateway or ListenerSet draws itself: its class, its parent Gateway, its certificates. */
export function addGatewayApiGatewayRefs(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  if (r.kind === 'Gateway') {
    const cls = str(spec.gatewayClassName);
    const classRes = cls ? g.index.gatewayApi('GatewayClass', '', cls) : undefined;
    if (classRes) g.edge('ref', classRes.id, r.id);
  } else {
    const parent = rec(spec.parentRef);
    const gw = g.index.gatewayApi('Gateway', str(parent.namespace) ?? r.namespace, str(parent.name) ?? '');
    if (gw) g.edge('ref', gw.id, r.id);
  }
  for (const { item: listener, index } of records(spec.listeners)) {
    const row = g.nodes.get(r.id)?.rows.find((x) => x.path === formatPath(['spec', 'listeners', index]));
    for (const { item: ref } of records(rec(listener.tls).certificateRefs)) {
      if ((str(ref.kind) ?? 'Secret') !== 'Secret') continue;
      const secret = g.index.get('', 'Secret', str(ref.namespace) ?? r.namespace, str(ref.name) ?? '');
      if (secret) g.edge('ref', r.id, secret.id, row ? { sourceRow: row.id } : {});
    }
  }
}

const ISTIO_TLS: Readonly<Record<string, string>> = {
  SIMPLE: 'TLS',
  PASSTHROUGH: 'TLS passthrough',
  MUTUAL: 'mTLS',
  ISTIO_MUTUAL: 'Istio mTLS',
  AUTO_PASSTHROUGH: 'auto passthrough',
  OPTIONAL_MUTUAL: 'optional mTLS',
};

/**
 * Istio Gateway: one row per server, `https :443 shop.example.com`.
 * @see https://istio.io/latest/docs/reference/config/networking/gateway/#Server
 */
export function addIstioGateway(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const selector = formatLabels(spec.selector);
  const node = g.addResourceNode(r, 'gateway', selector ? `selector ${selector}` : undefined);
  for (const { item: server, index } of records(spec.servers)) {
    const port = rec(server.port);
    const protocol = str(port.protocol);
    const label = str(port.name) ?? protocol?.toLowerCase() ?? 'server';
    const hosts = strings(server.hosts);
    const badges: GraphBadge[] = [];
    if (protocol && protocol.toLowerCase() !== label.toLowerCase()) badges.push({ text: protocol, tone: 'neutral' });
    const tls = rec(server.tls);
    const mode = str(tls.mode);
    if (mode) {
      const credential = str(tls.credentialName);
      badges.push({ text: ISTIO_TLS[mode] ?? mode, tone: 'tls', detail: `${mode}${credential ? ` · credential ${credential}` : ''}` });
    }
    if (tls.httpsRedirect === true) badges.push({ text: '→ HTTPS', tone: 'info', detail: 'answers plain HTTP with a redirect to HTTPS' });
    g.addRow(node, 'server', str(server.name) ?? str(port.name) ?? String(index), {
      label: `${label} :${num(port.number) ?? '?'} ${hosts.join(' ') || '*'}`,
      path: formatPath(['spec', 'servers', index]),
      badges,
    });
  }
}
