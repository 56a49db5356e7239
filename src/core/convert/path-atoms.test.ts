import { describe, expect, it } from 'vitest';
import { atomHas, intersectAtoms, type PathAtom } from './path-atoms.js';
import { uriAtoms } from './istio-match.js';

const seg = (value: string): PathAtom => ({ kind: 'segment', value });
const rest = (prefix: string): PathAtom => ({ kind: 'rest', prefix });
const under = (prefix: string): PathAtom => ({ kind: 'under', prefix });
const exact = (value: string): PathAtom => ({ kind: 'exact', value });

// gateway-api.md §4.2 (PathPrefix is element-wise) and istio.md §1.3 (uri.prefix is a plain string prefix).
describe('path atoms', () => {
  it.each([
    ['Istio prefix /foo', { prefix: '/foo' }, ['/foo', '/foo/', '/foo/x', '/foobar'], ['/fo', '/', '/other']],
    ['Istio prefix /foo/', { prefix: '/foo/' }, ['/foo/', '/foo/x'], ['/foo', '/foobar']],
    ['Istio prefix /', { prefix: '/' }, ['/', '/x'], []],
    ['Istio exact /foo', { exact: '/foo' }, ['/foo'], ['/foo/', '/foobar']],
  ])('%s keeps exactly its paths', (_what, uri, yes, no) => {
    const { atoms } = uriAtoms(uri, false);
    for (const p of yes) expect(atoms.some((a) => atomHas(a, p)), p).toBe(true);
    for (const p of no) expect(atoms.some((a) => atomHas(a, p)), p).toBe(false);
  });

  it.each<[PathAtom, PathAtom, PathAtom | 'empty' | 'unknown']>([
    [seg('/a'), seg('/a/b'), seg('/a/b')],
    [seg('/a'), seg('/ab'), 'empty'],
    [seg('/'), rest('/a'), rest('/a')],
    [seg('/ab'), rest('/a'), seg('/ab')],
    [seg('/a'), rest('/a'), 'empty'],
    [seg('/a/b'), under('/a'), seg('/a/b')],
    [rest('/a'), rest('/ab'), rest('/ab')],
    [rest('/a'), under('/ab'), under('/ab')],
    [under('/a'), under('/a/b'), under('/a/b')],
    [exact('/ax'), rest('/a'), exact('/ax')],
    [exact('/a/'), rest('/a'), 'empty'],
    [{ kind: 'regex', value: '/x.*' }, seg('/a'), 'unknown'],
  ])('%j ∩ %j = %j', (a, b, want) => {
    expect(intersectAtoms(a, b)).toEqual(want);
    expect(intersectAtoms(b, a)).toEqual(want);
  });

  it('intersections hold exactly the common paths (sampled)', () => {
    const atoms = [seg('/'), seg('/a'), seg('/a/b'), seg('/ab'), rest('/a'), rest('/ab'), under('/a'), under('/ab'), exact('/a'), exact('/ab'), exact('/a/b')];
    const paths = ['/', '/a', '/a/', '/a/b', '/a/bc', '/ab', '/ab/', '/abc', '/abc/d', '/b', '/a/b/c'];
    for (const a of atoms) {
      for (const b of atoms) {
        const c = intersectAtoms(a, b);
        for (const p of paths) {
          const both = atomHas(a, p) && atomHas(b, p);
          expect(c === 'empty' ? false : c === 'unknown' ? both : atomHas(c, p), `${JSON.stringify(a)} ∩ ${JSON.stringify(b)} at ${p}`).toBe(both);
        }
      }
    }
  });
});
