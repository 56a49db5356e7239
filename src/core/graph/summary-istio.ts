import type { KubeObject } from '../resources/types.js';
import { formatLabels, num, rec, records, str, strings } from './read.js';

/**
 * One-line summaries of VirtualService routes. Istio's StringMatch is `exact`, `prefix` or
 * `regex`; a prefix is a plain string prefix (not path segments), so it reads `prefix /cart`.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPMatchRequest
 */
export function summarizeIstioHttpRoute(route: KubeObject): string {
  const matches = records(route.match);
  if (matches.length === 0) return 'all requests';
  return matches.map(({ item }) => summarizeIstioMatch(item)).join(' or ');
}

function summarizeIstioMatch(m: KubeObject): string {
  const parts: string[] = [];
  if (m.uri !== undefined) parts.push(stringMatch(rec(m.uri), ' '));
  if (m.method !== undefined) parts.push(stringMatch(rec(m.method), ' ').replace(/^exact /, ''));
  if (m.authority !== undefined) parts.push(`host ${stringMatch(rec(m.authority), ' ').replace(/^exact /, '')}`);
  for (const [name, value] of Object.entries(rec(m.headers))) parts.push(`${name}${headerOp(rec(value))}`);
  for (const [name, value] of Object.entries(rec(m.queryParams))) parts.push(`?${name}${headerOp(rec(value))}`);
  for (const name of Object.keys(rec(m.withoutHeaders))) parts.push(`!${name}`);
  const port = num(m.port);
  if (port !== undefined) parts.push(`:${port}`);
  const labels = formatLabels(m.sourceLabels);
  if (labels) parts.push(`from ${labels}`);
  const gateways = strings(m.gateways);
  if (gateways.length > 0) parts.push(`via ${gateways.join(',')}`);
  return parts.join(' · ') || 'all requests';
}

function stringMatch(s: KubeObject, sep: string): string {
  for (const op of ['exact', 'prefix', 'regex'] as const) {
    const v = str(s[op]);
    if (v !== undefined) return `${op}${sep}${v}`;
  }
  return 'any';
}

function headerOp(s: KubeObject): string {
  if (str(s.exact) !== undefined) return `=${str(s.exact)}`;
  if (str(s.prefix) !== undefined) return `=${str(s.prefix)}*`;
  if (str(s.regex) !== undefined) return `~${str(s.regex)}`;
  return ' present';
}

/** @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#TLSMatchAttributes */
export function summarizeIstioL4Route(route: KubeObject, protocol: 'tls' | 'tcp'): string {
  const matches = records(route.match);
  if (matches.length === 0) return protocol === 'tls' ? 'all TLS' : 'all TCP';
  return matches
    .map(({ item }) => {
      const parts: string[] = [];
      const sni = strings(item.sniHosts);
      if (sni.length > 0) parts.push(`SNI ${sni.join(',')}`);
      const port = num(item.port);
      if (port !== undefined) parts.push(`:${port}`);
      const labels = formatLabels(item.sourceLabels);
      if (labels) parts.push(`from ${labels}`);
      return parts.join(' · ') || (protocol === 'tls' ? 'all TLS' : 'all TCP');
    })
    .join(' or ');
}

/** What an HTTP route does besides forwarding, as chips. */
export function istioRouteChips(route: KubeObject): string[] {
  const chips: string[] = [];
  if (route.redirect !== undefined) chips.push('redirect');
  if (route.directResponse !== undefined) chips.push('direct');
  if (route.delegate !== undefined) chips.push('delegate');
  if (route.rewrite !== undefined) chips.push('rewrite');
  if (route.headers !== undefined) chips.push('headers');
  if (route.mirror !== undefined || route.mirrors !== undefined) chips.push('mirror');
  if (route.fault !== undefined) chips.push('fault');
  if (route.corsPolicy !== undefined) chips.push('cors');
  if (route.timeout !== undefined) chips.push('timeout');
  if (route.retries !== undefined) chips.push('retry');
  return chips;
}
