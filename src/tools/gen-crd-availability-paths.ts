/**
 * The field paths of one CRD version's `openAPIV3Schema`, as the target-availability data
 * records them: `spec.rules[].timeouts.backendRequest` (a `[]` step enters a list's items), and
 * for every enum `path=value` (`spec.rules[].filters[].type=RequestMirror`), since several
 * features are chosen by a value rather than by a field.
 *
 * Only `spec` is walked: `status` is the controller's, never authored in a design (as in
 * gen-schemas.ts). Maps (`additionalProperties`) are recorded as their own path, not entered.
 */
export interface CrdSchema {
  readonly type?: string;
  readonly properties?: { readonly [key: string]: CrdSchema };
  readonly items?: CrdSchema;
  readonly enum?: readonly unknown[];
}

export function schemaPaths(root: CrdSchema): string[] {
  const out: string[] = [];
  const spec = root.properties?.spec;
  if (spec !== undefined) walk(spec, 'spec', out);
  return out;
}

function walk(node: CrdSchema, path: string, out: string[]): void {
  out.push(path);
  enumValues(node, path, out);
  let inner = node;
  let innerPath = path;
  while (inner.items !== undefined) {
    inner = inner.items;
    innerPath = `${innerPath}[]`;
    enumValues(inner, innerPath, out);
  }
  for (const [key, child] of Object.entries(inner.properties ?? {})) walk(child, `${innerPath}.${key}`, out);
}

function enumValues(node: CrdSchema, path: string, out: string[]): void {
  for (const value of node.enum ?? []) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(`${path}=${String(value)}`);
  }
}
