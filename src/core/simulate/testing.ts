/**
 * Test kit: build designs from plain objects (JSON is YAML), compile, ask. Used by the tests of
 * compile/, simulate/ and cli/ only.
 */
import { compile } from '../compile/index.js';
import type { CompileResult, StatusItem } from '../compile/types.js';
import { parse } from '../resources/parse.js';
import type { KubeObject } from '../resources/types.js';
import { simulate } from './index.js';
import { parseRequest } from './parse-request.js';
import type { Decision, SimulateOptions } from './types.js';

const GWV = 'gateway.networking.k8s.io/v1';

export function yamlOf(objects: readonly KubeObject[]): string {
  return objects.map((o) => JSON.stringify(o)).join('\n---\n');
}

export function build(objects: readonly KubeObject[], assumeExternal = false): CompileResult {
  const parsed = parse([{ name: 'test.yaml', text: yamlOf(objects) }]);
  return compile(parsed.resources, { assumeExternal });
}

export function ask(result: CompileResult, request: string, headers: readonly string[] = [], options: SimulateOptions & { sni?: string } = {}): Decision {
  const { sni, ...rest } = options;
  const r = parseRequest(request, headers, sni === undefined ? {} : { sni });
  if (!r.ok) throw new Error(r.error);
  return simulate(result.table, r.request, rest);
}

/** Which backend (name) most requests reach, or the status when none. */
export function backendOf(d: Decision): string | number {
  const best = [...d.backends].filter((b) => !b.problem).sort((a, b) => b.probability - a.probability)[0];
  return best && typeof d.status === 'number' && d.status < 300 ? best.name : d.status as number;
}

export function statusOf(result: CompileResult, kind: string, name: string): StatusItem {
  const item = result.status.items.find((i) => i.kind === kind && i.metadata.name === name);
  if (!item) throw new Error(`no status for ${kind} ${name}`);
  return item;
}

export function cond(conditions: readonly { type: string; status: string; reason: string }[] | undefined, type: string): string {
  const c = conditions?.find((x) => x.type === type);
  return c ? `${c.status}/${c.reason}` : 'absent';
}

export const gatewayClass = (name = 'gc'): KubeObject => ({ apiVersion: GWV, kind: 'GatewayClass', metadata: { name }, spec: { controllerName: 'example.com/gateway' } });

export const namespace = (name: string, labels: Record<string, string> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

export const service = (name: string, ns = 'default', ports: number[] = [80]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: ns },
  spec: { ports: ports.map((port) => ({ name: `p${port}`, port })) },
});

export const secret = (name: string, ns = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace: ns },
  type: 'kubernetes.io/tls',
  // The placeholder a restored (redacted) design holds: unknown contents, assumed well-formed.
  data: { 'tls.crt': 'UkVEQUNURUQ=', 'tls.key': 'UkVEQUNURUQ=' },
});

export interface ListenerSpec {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  [key: string]: unknown;
}

export const http = (name: string, hostname?: string, extra: Record<string, unknown> = {}): ListenerSpec => ({
  name,
  port: 80,
  protocol: 'HTTP',
  ...(hostname ? { hostname } : {}),
  allowedRoutes: { namespaces: { from: 'All' } },
  ...extra,
});

export const https = (name: string, hostname?: string, extra: Record<string, unknown> = {}): ListenerSpec => ({
  name,
  port: 443,
  protocol: 'HTTPS',
  ...(hostname ? { hostname } : {}),
  tls: { mode: 'Terminate', certificateRefs: [{ name: 'cert' }] },
  allowedRoutes: { namespaces: { from: 'All' } },
  ...extra,
});

export const gateway = (name: string, listeners: ListenerSpec[], ns = 'default', extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: GWV,
  kind: 'Gateway',
  metadata: { name, namespace: ns },
  spec: { gatewayClassName: 'gc', listeners, ...extra },
});

export const route = (kind: string, name: string, spec: Record<string, unknown>, ns = 'default', created?: string): KubeObject => ({
  apiVersion: GWV,
  kind,
  metadata: { name, namespace: ns, ...(created ? { creationTimestamp: created } : {}) },
  spec: { parentRefs: [{ name: 'gw' }], ...spec },
});

/** An HTTPRoute on Gateway `gw` with rules written as `{path, backend}` shorthands. */
export const httpRoute = (name: string, spec: Record<string, unknown>, ns = 'default', created?: string): KubeObject => route('HTTPRoute', name, spec, ns, created);

export const to = (name: string, port = 80, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ name, port, ...extra });

/** A one-gateway design: class, gateway `gw` with an HTTP listener on :80 (all namespaces), services. */
export function basic(routes: KubeObject[], services: string[] = ['a', 'b', 'c', 'd', 'e']): CompileResult {
  return build([gatewayClass(), gateway('gw', [http('http')]), ...services.map((s) => service(s)), ...routes]);
}
