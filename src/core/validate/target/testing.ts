/** Test support of the target checks: design text → the target diagnostics under a `--target` text. */
import type { Diagnostic } from '../../diagnostics/types.js';
import { SourceLocations } from '../../resources/locations.js';
import { parse } from '../../resources/parse.js';
import { parseTarget } from '../../target/target.js';
import { targetDiagnostics } from './index.js';

export function diagnose(text: string, target: string): Diagnostic[] {
  const parsed = parse([{ name: 'design.yaml', text }]);
  const read = parseTarget(target);
  if (!read.ok) throw new Error(read.error);
  const locations = new SourceLocations(parsed.files);
  return targetDiagnostics({ resources: parsed.resources, target: read.target, locate: locations.range.bind(locations) });
}

/** `[code, path]` pairs, for tables. */
export function found(text: string, target: string): [string, string][] {
  return diagnose(text, target).map((d) => [d.code, d.path ?? '']);
}

const GW = 'gateway.networking.k8s.io';

/** An HTTPRoute `shop/r` whose first rule is `rule` (flow YAML of its fields), parent Gateway `shop/gw`. */
export function route(rule: string, parent = '{name: gw}', apiVersion = `${GW}/v1`): string {
  return `---\napiVersion: ${apiVersion}\nkind: HTTPRoute\nmetadata: {name: r, namespace: shop}\nspec:\n  parentRefs: [${parent}]\n  rules:\n  - {${rule}}\n`;
}

/** A Gateway `shop/gw` of class `cls` with one HTTP listener on port 80, plus `extra` spec fields (flow YAML). */
export function gateway(extra = '', cls = 'test', listeners = '{name: http, port: 80, protocol: HTTP}'): string {
  return `---\napiVersion: ${GW}/v1\nkind: Gateway\nmetadata: {name: gw, namespace: shop}\nspec: {gatewayClassName: ${cls}, listeners: [${listeners}]${extra === '' ? '' : `, ${extra}`}}\n`;
}

export function gatewayClass(name: string, controllerName: string): string {
  return `---\napiVersion: ${GW}/v1\nkind: GatewayClass\nmetadata: {name: ${name}}\nspec: {controllerName: ${controllerName}}\n`;
}

/** A whole object of `kind` at `apiVersion` with this spec (flow YAML). */
export function object(kind: string, apiVersion: string, spec: string, name = 'o'): string {
  return `---\napiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: shop}\nspec: ${spec}\n`;
}
