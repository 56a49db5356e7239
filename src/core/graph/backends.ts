import { formatPath } from '../resources/path.js';
import type { Resource } from '../resources/types.js';
import type { GraphDraft } from './draft.js';
import { readLabels } from './label-selector.js';
import { formatLabels, num, rec, records, str, strings } from './read.js';
import type { GraphBadge } from './types.js';

/** A core Service: one row per port (`http 80 → 3000`); DestinationRule subsets are added later. */
export function addService(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const type = str(spec.type);
  const selector = formatLabels(spec.selector);
  const subtitle = [type && type !== 'ClusterIP' ? type : '', selector ? `selector ${selector}` : ''].filter(Boolean).join(' · ');
  const node = g.addResourceNode(r, 'backend', subtitle || undefined);
  if (type === 'ExternalName') {
    const external = str(spec.externalName);
    if (external) node.badges.push({ text: `→ ${external}`, tone: 'info', detail: 'ExternalName Service' });
  }
  for (const { item: port, index } of records(spec.ports)) {
    const number = num(port.port);
    const name = str(port.name);
    const target = port.targetPort;
    const targetText = typeof target === 'number' || typeof target === 'string' ? String(target) : undefined;
    const badges: GraphBadge[] = [];
    const protocol = str(port.protocol);
    if (protocol && protocol !== 'TCP') badges.push({ text: protocol, tone: 'neutral' });
    const appProtocol = str(port.appProtocol);
    if (appProtocol) badges.push({ text: appProtocol, tone: 'neutral', detail: 'appProtocol' });
    const row = g.addRow(node, 'port', name ?? String(number ?? index), {
      label: `${name ? `${name} ` : ''}${number ?? '?'}${targetText && targetText !== String(number) ? ` → ${targetText}` : ''}`,
      path: formatPath(['spec', 'ports', index]),
      badges,
    });
    if (number !== undefined) g.rowPort.set(row.id, number);
  }
}

/** @see https://istio.io/latest/docs/reference/config/networking/service-entry/ */
export function addServiceEntry(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const node = g.addResourceNode(r, 'backend', strings(spec.hosts).join(' ') || undefined);
  const location = str(spec.location);
  node.badges.push({ text: location === 'MESH_INTERNAL' ? 'internal' : 'external', tone: 'info', detail: location ?? 'MESH_EXTERNAL (default)' });
  const resolution = str(spec.resolution);
  if (resolution) node.badges.push({ text: resolution.toLowerCase(), tone: 'neutral', detail: `resolution ${resolution}` });
  for (const { item: port, index } of records(spec.ports)) {
    const number = num(port.number);
    const name = str(port.name);
    const protocol = str(port.protocol);
    const row = g.addRow(node, 'port', name ?? String(number ?? index), {
      label: `${name ? `${name} ` : ''}${number ?? '?'}`,
      path: formatPath(['spec', 'ports', index]),
      badges: protocol && protocol.toLowerCase() !== name?.toLowerCase() ? [{ text: protocol, tone: 'neutral' }] : [],
    });
    if (number !== undefined) g.rowPort.set(row.id, number);
  }
}

/**
 * DestinationRule: its subsets become rows of the Service (or ServiceEntry) it refines, so an
 * edge can point at `reviews · v2`. A host the design does not serve gets a placeholder, which
 * carries the subsets instead.
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#Subset
 */
export function addDestinationRule(r: Resource, g: GraphDraft): void {
  const spec = rec(r.object.spec);
  const host = str(spec.host) ?? '';
  const node = istioHostNode(g, host, r.namespace);
  node.related.push(r.id);
  g.nodeByResource.set(r.id, node.id);
  const policy = rec(spec.trafficPolicy);
  const lb = rec(policy.loadBalancer);
  const policyText = [str(lb.simple), str(rec(policy.tls).mode)].filter(Boolean).join(' · ');
  node.badges.push({ text: `DR ${r.name}`, tone: 'info', detail: `DestinationRule ${r.namespace}/${r.name}${policyText ? ` · ${policyText}` : ''}` });
  for (const { item: subset, index } of records(spec.subsets)) {
    const name = str(subset.name) ?? `#${index}`;
    const labels = formatLabels(subset.labels);
    const row = g.addRow(node, 'subset', name, {
      label: `subset ${name}${labels ? ` · ${labels}` : ''}`,
      path: formatPath(['spec', 'subsets', index]),
      resourceId: r.id,
    });
    g.subsetLabels.set(row.id, readLabels(subset.labels));
  }
}

/** The node an Istio host names: its Service or ServiceEntry, else a placeholder saying so. */
export function istioHostNode(g: GraphDraft, host: string, namespace: string) {
  const resolved = g.index.resolveIstioHost(host, namespace);
  if (resolved.resource) {
    const node = g.nodes.get(g.nodeByResource.get(resolved.resource.id) ?? '');
    if (node) return node;
  }
  return resolved.kind === 'service'
    ? g.missing('Service', 'core', resolved.namespace, resolved.name, `Service ${resolved.namespace}/${resolved.name} is not in this design`)
    : g.missing('host', 'istio', '', resolved.host, `no Service or ServiceEntry in this design serves host ${resolved.host}`);
}
