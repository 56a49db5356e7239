/**
 * Hostile-size inputs for the big-paste journeys and benchmarks: deterministic, built in Node.
 * - `manyObjects(n)`: n small objects (mostly Services, every fourth an HTTPRoute to the Service
 *   before it) in one multi-document YAML stream — 100,000 of them make about 10 MB.
 * - `singleLine(bytes)`: one JSON line of about `bytes` characters: a v1 List of Services, each
 *   with a long description annotation (no line break anywhere).
 */
export interface BigInput {
  readonly text: string;
  readonly objects: number;
}

function service(i: number): string {
  return `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, namespace: n${Math.floor(i / 500)}}\nspec: {ports: [{port: 80}]}\n`;
}

function route(i: number): string {
  return `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r${i}, namespace: n${Math.floor(i / 500)}}\nspec: {rules: [{backendRefs: [{name: s${i - 1}, port: 80}]}]}\n`;
}

export function manyObjects(count: number): BigInput {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) docs.push(i % 4 === 3 ? route(i) : service(i));
  return { text: docs.join('---\n'), objects: count };
}

export function singleLine(bytes: number): BigInput {
  const note = 'x'.repeat(900);
  const items: string[] = [];
  let size = 40;
  for (let i = 0; size < bytes; i++) {
    const item = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: `s${i}`, namespace: `n${Math.floor(i / 500)}`, annotations: { description: note } }, spec: { ports: [{ port: 80 }] } });
    items.push(item);
    size += item.length + 1;
  }
  return { text: `{"apiVersion":"v1","kind":"List","items":[${items.join(',')}]}`, objects: items.length };
}
