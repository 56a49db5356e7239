/**
 * Test support for the Istio tests: YAML text → parse → compile → simulate, the way the CLI and
 * the UI run it. Not part of the engine's public API.
 */
import { ask as askRequest } from '../../simulate/testing.js';
import type { Decision, MeshClient } from '../../simulate/types.js';
import { compileText } from '../../test-kit.js';
import type { CompileOptions, CompileResult } from '../types.js';

export function design(yaml: string, options: CompileOptions = {}): CompileResult {
  return compileText(yaml, options).compiled;
}

export interface Ask {
  readonly headers?: readonly string[];
  readonly sni?: string;
  readonly gateway?: string;
  /** `ns/workload`, with `labels`. */
  readonly from?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export function ask(compiled: CompileResult, request: string, options: Ask = {}): Decision {
  const [gwNs = '', gwName = ''] = (options.gateway ?? '').split('/');
  const [ns = '', workload = ''] = (options.from ?? '').split('/');
  const mesh: MeshClient | undefined = options.from === undefined ? undefined : { namespace: ns, workload, labels: options.labels ?? {} };
  return askRequest(compiled, request, options.headers ?? [], {
    ...(options.sni === undefined ? {} : { sni: options.sni }),
    ...(options.gateway === undefined ? {} : { gateway: { namespace: gwNs, name: gwName } }),
    ...(mesh === undefined ? {} : { mesh }),
    traceAll: true,
  });
}

/** The backends of a decision as `name[:subset]=probability`, for compact assertions. */
export function shares(d: Decision): string[] {
  return d.backends.map((b) => `${b.name}${b.subset === null ? '' : `:${b.subset}`}=${b.probability}`);
}

/** `rule.match` of the entry that decided, e.g. `0.1`, or `-` when none did. */
export function decided(d: Decision): string {
  return d.rule === null ? '-' : `${d.route?.name ?? ''}#${d.rule}.${d.match ?? '*'}`;
}

/** An Istio ingress Gateway on port 80 for every host, and the Services the tests route to. */
export const BASE = `
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: istio-system}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
---
apiVersion: v1
kind: Service
metadata: {name: c, namespace: shop}
spec: {ports: [{port: 8080, name: http}]}
`;

/** A VirtualService in `shop` bound to istio-system/gw for shop.example.com with these `http` rules (YAML, indented 2). */
export function vs(http: string, extra = ''): string {
  return `${BASE}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: shop, namespace: shop}
spec:
  hosts: [shop.example.com]
  gateways: [istio-system/gw]
${extra}  http:
${http}`;
}

/** A DestinationRule `<namespace>/<host>` for `host` with subsets v1 and v2 (label `version`), as a YAML document that starts with `---`. */
export function subsetsYaml(host: string, namespace: string): string {
  return `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: ${host}, namespace: ${namespace}}
spec:
  host: ${host}
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
`;
}
