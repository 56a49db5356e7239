import { describe, expect, it } from 'vitest';
import { applyEdits, parse, renameResource, serializeObject } from '../../core/index.js';

/** Crashes and broken invariants the fuzz run found, each named after what broke, with its seed. */
const nested = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : [nested(depth - 1, leaf)]);

describe('fuzz regressions', () => {
  // Seeds 792976604, 196887889 (rename), -932720993 (convert): `[[[…]]]` read at depth 60 was
  // written as `- - - …`, which js-yaml counts twice as deep, and refused on reading back.
  it.each([40, 55, 59])('serialize: lists in lists %i deep read back', (depth) => {
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports:\n    - name: http\n      port: ${JSON.stringify(nested(depth, 80))}\n`;
    const parsed = parse([{ name: 'in.yaml', text }]);
    expect(parsed.diagnostics.filter((d) => d.code.startsWith('YAML'))).toEqual([]);
    const [svc] = parsed.resources;
    if (!svc) throw new Error('no Service');
    const again = parse([{ name: 'out.yaml', text: serializeObject(svc.object) }]);
    expect(again.diagnostics.filter((d) => d.code.startsWith('YAML'))).toEqual([]);
    expect(again.resources[0]?.object).toEqual(svc.object);
    const renamed = applyEdits(parsed.files[0] ?? { name: '', text: '', documents: [], redacted: false }, renameResource(parsed.resources, svc, 'api'));
    expect(parse([{ name: 'renamed.yaml', text: renamed }]).diagnostics.filter((d) => d.code.startsWith('YAML'))).toEqual([]);
  });

  it('serialize: a shallow object keeps block style', () => {
    expect(serializeObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { x: [[1, 2]] } })).toBe('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  x:\n    - - 1\n      - 2\n');
  });
});
