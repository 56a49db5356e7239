import { describe, expect, it } from 'vitest';
import { createCstLocator, createDocumentLocator } from './locate.js';
import { createFastLocator } from './locate-fast.js';
import type { FieldPath } from './path.js';

// What the fast locator must answer (the CST locator's spans: a scalar's value, the key holding a
// collection, a collection's first line, the nearest existing ancestor) and where it must step
// aside. `want` names the located text and which occurrence of it (0-based) in the document.

interface Row {
  readonly name: string;
  readonly doc: string;
  readonly path: FieldPath;
  readonly prefer: 'key' | 'value';
  readonly want: readonly [text: string, nth?: number];
  /** false: the fast locator must not answer (the CST does). */
  readonly fast: boolean;
}

const ROUTE = `---
# a route
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r1   # trailing comment
  labels:
    app.kubernetes.io/name: web
spec:
  hostnames:
    - "a.example.com"
    - 'it''s'
  rules:
  - matches:
      - path:
          type: PathPrefix
    backendRefs:
      - name: svc
        port: 8080

      # a comment between entries
      -   name: "other"
          weight: 2
`;

const CRLF = 'kind: Service\r\nspec:\r\n  ports:\r\n  - port: 80  \r\n    name: http\r\n';

const ok = (name: string, doc: string, path: FieldPath, prefer: Row['prefer'], ...want: Row['want']): Row => ({ name, doc, path, prefer, want, fast: true });
const no = (name: string, doc: string, path: FieldPath, prefer: Row['prefer'], ...want: Row['want']): Row => ({ name, doc, path, prefer, want, fast: false });

const rows: readonly Row[] = [
  ok('plain value, trailing comment left out', ROUTE, ['metadata', 'name'], 'value', 'r1'),
  ok('key of a plain value', ROUTE, ['metadata', 'name'], 'key', 'name', 0),
  ok('dotted label key', ROUTE, ['metadata', 'labels', 'app.kubernetes.io/name'], 'value', 'web'),
  ok('mapping value: its key', ROUTE, ['metadata'], 'value', 'metadata'),
  ok('double-quoted item, quotes included', ROUTE, ['spec', 'hostnames', 0], 'value', '"a.example.com"'),
  ok("single-quoted item with ''", ROUTE, ['spec', 'hostnames', 1], 'value', "'it''s'"),
  ok('indentless sequence item: its first line', ROUTE, ['spec', 'rules', 0], 'value', 'matches:\n'.slice(0, 8)),
  ok('compact item key', ROUTE, ['spec', 'rules', 0, 'backendRefs', 0, 'name'], 'key', 'name', 3),
  ok('compact item value', ROUTE, ['spec', 'rules', 0, 'backendRefs', 0, 'port'], 'value', '8080'),
  ok('item after a blank line and a comment, wide indicator', ROUTE, ['spec', 'rules', 0, 'backendRefs', 1, 'weight'], 'value', '2'),
  ok('item map: first line', ROUTE, ['spec', 'rules', 0, 'backendRefs', 1], 'key', 'name: "other"'),
  ok('missing key: nearest existing key', ROUTE, ['spec', 'rules', 0, 'backendRefs', 0, 'namespace'], 'value', 'name: svc'),
  ok('missing index: the sequence key', ROUTE, ['spec', 'rules', 0, 'backendRefs', 7], 'value', 'backendRefs'),
  ok('path past a scalar: the scalar', ROUTE, ['kind', 'x', 0], 'value', 'HTTPRoute'),
  ok('index into a mapping: the mapping key', ROUTE, ['metadata', 0], 'value', 'metadata'),
  ok('key into a sequence: the sequence key', ROUTE, ['spec', 'hostnames', 'x'], 'value', 'hostnames'),
  ok('empty path: the root mapping first line', ROUTE, [], 'value', 'apiVersion: gateway.networking.k8s.io/v1'),
  ok('missing top-level key: the root line', ROUTE, ['status'], 'key', 'apiVersion: gateway.networking.k8s.io/v1'),
  ok('CRLF: value without its trailing spaces', CRLF, ['spec', 'ports', 0, 'port'], 'value', '80'),
  ok('CRLF: item line stops before CR', CRLF, ['spec', 'ports', 0], 'value', 'port: 80  '),
  ok('root sequence item', '- a: 1\n- b\n', [1], 'value', 'b'),
  ok('root sequence', '- a: 1\n- b\n', [], 'value', '- a: 1'),
  ok('indented root mapping', '  a: 1\n  b: x y  # c\n', ['b'], 'value', 'x y'),
  ok('plain value with inner colon and hash', 'a: http://x#y\n', ['a'], 'value', 'http://x#y'),
  ok('empty value, key preferred', 'a:\nb: 1\n', ['a'], 'key', 'a'),
  ok('comment after a key holding a block', 'a: # c\n  b: 1\n', ['a', 'b'], 'value', '1'),
  ok('one-line flow collections elsewhere in the document', 'a: {}\nb: [x, {y: 1}]  # c\nc: 1\n', ['c'], 'value', '1', 1),
  ok('key holding a flow collection', 'a:\n  b: {app: web}\n', ['a', 'b'], 'value', 'b'),
  ok('negative number', 'port: -1\n', ['port'], 'value', '-1'),
  // Where the fast locator steps aside: the CST answers, the same span as before issue 15.
  no('flow mapping on the path', 'a:\n  - b: { c: 1 }\n', ['a', 0, 'b', 'c'], 'value', '1'),

  no('flow sequence', 'a: [x, y]\n', ['a', 1], 'value', 'y'),
  no('flow collection as an entry', '- [x]\n', [0], 'value', '[x]'),
  no('flow collection over two lines', 'a: [x,\n  y]\nb: 1\n', ['b'], 'value', '1'),
  no('quote inside a flow collection', 'a: ["x"]\nb: 1\n', ['b'], 'value', '1'),
  no('flow collection as a key', '[a]: 1\n', [], 'value', '[a]: 1'),
  no('anchor', 'a: &x 1\nb: 2\n', ['b'], 'value', '2'),
  no('alias', 'a: 1\nb: *x\n', ['a'], 'value', '1'),
  no('tag', 'a: !!str 1\n', ['a'], 'value', '1'),
  no('merge key', 'b: 1\n<<: {c: 2}\n', ['b'], 'value', '1'),
  no('quoted key', '"a": 1\n', ['a'], 'value', '1'),
  no('quoted key in an item', '- "a": 1\n', [0, 'a'], 'value', '1'),
  no('complex key', '? a\n: 1\n', ['a'], 'value', '1'),
  no('literal block scalar', 'a: |\n  x\nb: 1\n', ['b'], 'value', '1'),
  no('folded block scalar', 'a: >-\n  x\n', ['a'], 'value', '>-\n  x\n'),
  no('multi-line plain scalar', 'a: x\n  y\n', ['a'], 'value', 'x\n  y'),
  no('multi-line quoted scalar', 'a: "x\n  y"\n', ['a'], 'value', '"x\n  y"'),
  no('tab', 'a:\t1\n', ['a'], 'value', '1'),
  no('directive', '%YAML 1.2\n---\na: 1\n', ['a'], 'value', '1', 1),
  no('duplicate key', 'a: 1\na: 2\n', ['a'], 'value', '1'),
  no('comment on an entry indicator', '- # c\n  a: 1\n', [0, 'a'], 'value', '1'),
  no('content after ---', '--- a: 1\n', [], 'value', 'a: 1'),
  no('comment after ---', '--- # c\na: 1\n', ['a'], 'value', '1'),
  no('two start markers', '---\n# c\n---\na: 1\n', [], 'value', '', 3),
  no('end marker', 'a: 1\n...\n', ['a'], 'value', '1'),
  no('byte order mark', '\ufeffa: 1\n', ['a'], 'value', '1'),
  no('empty entry continued below', '-\n  a: 1\n', [0, 'a'], 'value', '1'),
  no('nested compact sequence', '- - a\n', [0, 0], 'value', 'a'),
  no('boolean key', 'true: 1\n', ['true'], 'value', '1'),
  no('numeric key', '80: x\n', ['80'], 'value', 'x'),
  no('empty value', 'a:\nb: 1\n', ['a'], 'value', '', 2),
  no('collection on an unterminated last line', 'a:\n- x: 1', ['a', 0], 'value', 'x: 1'),
  no('nested mapping in a compact value', 'a: b: c\n', [], 'value', 'a: b: c'),
  no('nesting deeper than the fast reader goes', `${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`, ['k'], 'value', 'k'),
  no('scalar document', 'just text\n', [], 'value', 'just text'),
];

function spanOf(doc: string, [text, nth = 0]: Row['want']): readonly [number, number] {
  if (text === '') return [nth, nth]; // an empty span: `nth` is its offset
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.indexOf(text, at + 1);
  if (at === -1) throw new Error(`"${text}" #${nth} is not in the document`);
  return [at, at + text.length];
}

describe('fast document locator', () => {
  it.each(rows)('$name', ({ doc, path, prefer, want, fast }) => {
    const expected = spanOf(doc, want);
    // The row itself is checked against the CST parser: the spec the fast path follows.
    expect(createCstLocator(doc).locate(path, prefer)).toEqual(expected);
    expect(createFastLocator(doc)?.locate(path, prefer) ?? null).toEqual(fast ? expected : null);
    expect(createDocumentLocator(doc).locate(path, prefer)).toEqual(expected);
  });
});
