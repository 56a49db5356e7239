/**
 * Test support for the VirtualService analyzers: the analyzers' input of a design text, and small
 * YAML builders. Not part of the engine's API.
 */
import type { Diagnostic } from '../../diagnostics/types.js';
import { analyzerInput, type TestInput } from './analyzer-testing.js';

/** The analyzers' input for a design text (with compile's diagnostics of it), located as the CLI locates. */
export function vsInput(text: string, assumeExternal = false): TestInput {
  return analyzerInput(text, { assumeExternal });
}

/** `ns/name path` of each diagnostic. */
export function at(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.resource?.namespace ?? ''}/${d.resource?.name ?? ''} ${d.path ?? ''}`);
}

/** A VirtualService; `spec` is the flow-style body after `hosts` (e.g. `gateways: [gw], http: [...]`). */
export function virtualService(name: string, ns: string, hosts: string, spec: string): string {
  return `---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {hosts: [${hosts}], ${spec}}\n`;
}

/** An http rule routing to `destination` (flow style, e.g. `{host: reviews, subset: v1}`). */
export function routeTo(destination: string): string {
  return `http: [{route: [{destination: ${destination}}]}]`;
}

export function service(name: string, ns: string, ports: readonly number[], annotations = ''): string {
  const meta = annotations === '' ? `{name: ${name}, namespace: ${ns}}` : `{name: ${name}, namespace: ${ns}, annotations: {${annotations}}}`;
  return `---\napiVersion: v1\nkind: Service\nmetadata: ${meta}\nspec: {ports: [${ports.map((p) => `{name: p${p}, port: ${p}}`).join(', ')}]}\n`;
}

export function serviceEntry(name: string, ns: string, hosts: string, ports: readonly number[], extra = ''): string {
  return `---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {hosts: [${hosts}], location: MESH_EXTERNAL, resolution: DNS, ports: [${ports.map((p) => `{name: http-${p}, number: ${p}, protocol: HTTP}`).join(', ')}]${extra}}\n`;
}

export function istioGateway(name: string, ns: string, hosts: string): string {
  return `---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {selector: {istio: ingressgateway}, servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: [${hosts}]}]}\n`;
}

export function destinationRule(name: string, ns: string, host: string, subsets: readonly string[]): string {
  return `---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${name}, namespace: ${ns}}\nspec: {host: "${host}", subsets: [${subsets.map((s) => `{name: ${s}, labels: {version: ${s}}}`).join(', ')}]}\n`;
}
