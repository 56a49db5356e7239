import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from './edit.js';
import { parse } from './parse.js';
import { serializeObject, serializeObjects } from './serialize.js';
import type { KubeObject } from './types.js';

// Kubernetes-like values: the scalars YAML must round-trip without changing type
// (strings that look like numbers, booleans, null or dates stay strings).
const scalar = fc.oneof(
  fc.string(),
  fc.constantFrom('true', 'no', 'on', 'null', '~', '1.0', '0x1F', '2024-01-01', '*.example.com', '- a', '# c', "it's", 'a: b', ''),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.boolean(),
);
const key = fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('spec', 'name', 'x-canary', '1', 'on', 'a.b/c', '<<')).filter((k) => k !== '__proto__');
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('arr'), tie('obj')),
  arr: fc.array(tie('node'), { maxLength: 4 }),
  obj: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
})).node;

const resource = fc.record({
  apiVersion: fc.constantFrom('v1', 'gateway.networking.k8s.io/v1', 'networking.istio.io/v1', 'example.com/v1'),
  kind: fc.constantFrom('Service', 'HTTPRoute', 'VirtualService', 'Widget'),
  metadata: fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), namespace: fc.constantFrom('default', 'shop') }),
  spec: fc.dictionary(key, value, { maxKeys: 5 }),
});

describe('serialize', () => {
  it('parse(serialize(x)) ≡ x (property)', () => {
    fc.assert(
      fc.property(fc.array(resource, { minLength: 1, maxLength: 4 }), (objs) => {
        const unique = objs.map((o, i) => ({ ...o, metadata: { ...o.metadata, name: `${o.metadata.name}-${i}` } }));
        const parsed = parse([{ name: 'x.yaml', text: serializeObjects(unique) }]);
        expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(parsed.resources.map((r) => r.object)).toEqual(unique);
      }),
      { numRuns: 300 },
    );
  });

  it('orders apiVersion, kind, metadata, spec, status first and drops nulls', () => {
    const text = serializeObject({ spec: { a: null, b: 1 }, status: {}, metadata: { labels: { x: 'y' }, name: 'web' }, kind: 'Service', apiVersion: 'v1' });
    expect(text).toBe('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    x: "y"\nspec:\n  b: 1\nstatus: {}\n');
  });

  it('quotes strings a YAML 1.1 reader would take for something else', () => {
    expect(serializeObject({ a: 'on', b: '1', c: 'null' } as KubeObject)).toBe('a: "on"\nb: "1"\nc: "null"\n');
  });
});

describe('applyEdits keeps every other document byte for byte', () => {
  const text = `# the team's notes
apiVersion: v1
kind: Service   # keep me
metadata: {name: a}
---
# route comment
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r
spec:
  rules: [{backendRefs: [{name: a, port: 80}]}]
---
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Service, metadata: {name: b}}
- {apiVersion: v1, kind: Service, metadata: {name: c}}
`;
  const parsed = parse([{ name: 'd.yaml', text }]);
  const file = parsed.files[0]!;
  const [svcA, route, svcB, svcC] = parsed.resources;

  it('replaces one document and keeps its leading comment', () => {
    const next = applyEdits(file, [{ type: 'replace', resource: route!, object: { ...route!.object, spec: { rules: [] } } }]);
    expect(next.startsWith(text.slice(0, text.indexOf('---\n# route')))).toBe(true);
    expect(next).toContain('---\n# route comment\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules: []\n---\n');
    expect(next.endsWith(text.slice(text.lastIndexOf('---\napiVersion: v1\nkind: List')))).toBe(true);
  });

  it('deletes a document and a List item', () => {
    const next = applyEdits(file, [
      { type: 'delete', resource: svcA! },
      { type: 'delete', resource: svcC! },
    ]);
    const names = parse([{ name: 'd.yaml', text: next }]).resources.map((r) => r.name);
    expect(names).toEqual(['r', 'b']);
    expect(next).toContain('# route comment');
    expect(svcB).toBeDefined();
  });

  it('adds a document at the end', () => {
    const next = applyEdits(file, [{ type: 'add', object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'z' } } }]);
    expect(next.startsWith(text)).toBe(true);
    expect(parse([{ name: 'd.yaml', text: next }]).resources.map((r) => r.name)).toEqual(['a', 'r', 'b', 'c', 'z']);
  });
});
