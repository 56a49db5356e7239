/**
 * Test support shared by the tests of compile/, simulate/, convert/, graph/ and design/: design text
 * in YAML, and that text parsed and compiled the way the CLI and the UI run it. Framework-free;
 * imported by tests only, not part of the engine's public API (index.ts).
 *
 * The builders return YAML documents in flow style, so a test's fixture stays one readable line
 * per object; the folders' own kits (compile/istio/test-kit.ts, simulate/testing.ts,
 * convert/test-designs.ts, graph/test-helpers.ts) build on this one.
 */
import { compile } from './compile/index.js';
import type { CompileOptions, CompileResult } from './compile/types.js';
import { parse, type ParseResult } from './resources/parse.js';

/**
 * A Service, as a YAML document that starts with `---`. `ports` are the items of its `ports`
 * list (default `{port: 80}`); with `selector` (the default) it selects the pods `app: <name>`.
 */
export function serviceYaml(name: string, options: { readonly namespace?: string; readonly ports?: string; readonly selector?: boolean } = {}): string {
  const { namespace = 'shop', ports = '{port: 80}', selector = true } = options;
  return `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: {${selector ? `selector: {app: ${name}}, ` : ''}ports: [${ports}]}\n`;
}

/** The Gateway API Gateway `shop/edge` of class `istio` with these listeners (the items of the list), as the first YAML document. */
export function gatewayYaml(listeners: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace: shop}\nspec:\n  gatewayClassName: istio\n  listeners: [${listeners}]\n`;
}

/** The Istio Gateway `shop/edge` selecting `istio: ingress`, with these servers (the items of the list), as the first YAML document. */
export function istioGatewayYaml(servers: string): string {
  return `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: edge, namespace: shop}\nspec:\n  selector: {istio: ingress}\n  servers: [${servers}]\n`;
}

/** Design text (file `design.yaml`) parsed and compiled; a test whose YAML does not parse fails here, naming why. */
export function compileText(text: string, options: CompileOptions = {}): { readonly parsed: ParseResult; readonly compiled: CompileResult } {
  const parsed = parse([{ name: 'design.yaml', text }]);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`test YAML does not parse: ${errors.map((d) => d.message).join('; ')}`);
  return { parsed, compiled: compile(parsed.resources, options) };
}
