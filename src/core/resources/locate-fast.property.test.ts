import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCstLocator } from './locate.js';
import { createFastLocator } from './locate-fast.js';
import type { FieldPath, PathSegment } from './path.js';

// Issue 15, as a property: on generated block-YAML documents the fast locator, whenever it answers,
// gives the CST locator's very span, for existing, partly existing and missing paths. "Clean"
// documents stay in the shape it reads (it must answer for them: the fast path is really taken);
// "noisy" ones add what it must step aside for (flows, anchors, tags, block and multi-line
// scalars, odd keys, stray lines). A failing case prints fast-check's seed and path to replay it.

type Tree = { readonly t: 'scalar'; readonly text: string } | { readonly t: 'empty' } | { readonly t: 'map'; readonly pairs: readonly (readonly [string, Tree])[] } | { readonly t: 'seq'; readonly items: readonly Tree[] };

const cleanKey = fc.stringMatching(/^[a-z_][a-zA-Z0-9._/-]{0,5}$/).filter((k) => !['null', 'true', 'false'].includes(k));
const noisyKey = fc.oneof({ weight: 12, arbitrary: cleanKey }, { weight: 1, arbitrary: fc.constantFrom('"q"', "'s'", 'true', 'Null', '80', '<<', 'a b', '? x', '&k a', 'a:b', '- a', '[a]') });
const plain = fc.stringMatching(/^[a-z0-9/._][a-z0-9/._ :#*-]{0,10}$/).map((s) => s.trimEnd()).filter((s) => !/: |:$| #/.test(s));
const quoted = fc.oneof(
  fc.stringMatching(/^[a-z :#'"\\\u00e9]{0,8}$/).map((s) => JSON.stringify(s)),
  fc.stringMatching(/^[a-z :#'"]{0,8}$/).map((s) => `'${s.replace(/'/g, "''")}'`),
);
// One-line flows and signed plain scalars are read too (the flow kept whole).
const FLOWS = ['{}', '[]', '[a, b]', '{app: web}', '{a: {b: [1, 2]}}', '[a: b]', '{a, b}', '-1', '-0.5', '?x', ':x', '-a'];
const cleanScalar = fc.oneof({ weight: 3, arbitrary: plain }, { weight: 2, arbitrary: quoted }, { weight: 1, arbitrary: fc.constantFrom(...FLOWS) });
const NOISE = ['[a, "b"]', '{a: b: c}', '[a]: x', '{a', '[a #b]', '{a}}', '- [x]', '--x', '&a x', '*a', '!!str x', '|\n  lit', '>-\n  fold', '{a: 1}', '[1, 2]', '"multi\n  line"', 'two\n  lines', 'a: b', '-x', '?x', '\tt', '{}', '[]', '%x', '@x', 'x\r', '"open'];
const noisyScalar = fc.oneof({ weight: 15, arbitrary: cleanScalar }, { weight: 1, arbitrary: fc.constantFrom(...NOISE) });

function treeArb(noisy: boolean): fc.Arbitrary<Tree> {
  const key = noisy ? noisyKey : cleanKey;
  const scalar = (noisy ? noisyScalar : cleanScalar).map((text): Tree => ({ t: 'scalar', text }));
  return fc.letrec<{ node: Tree; map: Tree; seq: Tree }>((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.constant<Tree>({ t: 'empty' }), tie('map'), tie('seq')),
    map: (noisy ? fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }) : fc.uniqueArray(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4, selector: ([k]) => k })).map(
      (pairs): Tree => ({ t: 'map', pairs }),
    ),
    // Clean entries are scalars or mappings: an empty entry or a sequence in a sequence is left to the CST.
    seq: fc.array(noisy ? tie('node') : fc.oneof(scalar, tie('map')), { minLength: 1, maxLength: 4 }).map((items): Tree => ({ t: 'seq', items })),
  })).map.map((t) => t);
}

interface Style {
  readonly step: number;
  readonly indentless: boolean;
  readonly dashGap: number;
  readonly comments: boolean;
  readonly blanks: boolean;
  readonly trailing: boolean;
}
const styleArb: fc.Arbitrary<Style> = fc.record({ step: fc.constantFrom(1, 2, 4), indentless: fc.boolean(), dashGap: fc.constantFrom(1, 1, 3), comments: fc.boolean(), blanks: fc.boolean(), trailing: fc.boolean() });

/** Renders a tree; `pick` is a stream of choices that place comments, blank lines and spaces. */
function render(tree: Tree, s: Style, pick: () => number): string[] {
  const out: string[] = [];
  const tail = (line: string): string => line + (s.trailing && pick() % 3 === 0 ? '  ' : '') + (s.comments && pick() % 4 === 0 ? ' # c' : '');
  const between = (indent: number): void => {
    if (s.blanks && pick() % 5 === 0) out.push(' '.repeat(pick() % 3));
    if (s.comments && pick() % 5 === 0) out.push(`${' '.repeat(pick() % (indent + 3))}# between`);
  };
  const value = (v: Tree, head: string, indent: number, inSeqMap: boolean): void => {
    if (v.t === 'scalar') out.push(tail(`${head} ${v.text}`));
    else if (v.t === 'empty') out.push(tail(head));
    else {
      out.push(s.comments && pick() % 4 === 0 ? `${head} # on the key` : head);
      const deeper = v.t === 'seq' && s.indentless && !inSeqMap ? indent : indent + s.step;
      block(v, deeper);
    }
  };
  const block = (t: Tree, indent: number): void => {
    const pad = ' '.repeat(indent);
    if (t.t === 'map') {
      for (const [k, v] of t.pairs) {
        between(indent);
        value(v, `${pad}${k}:`, indent, false);
      }
    } else if (t.t === 'seq') {
      for (const item of t.items) {
        between(indent);
        const lead = `${pad}-${' '.repeat(s.dashGap)}`;
        if (item.t === 'map') {
          const col = lead.length;
          item.pairs.forEach(([k, v], i) => {
            if (i > 0) between(col);
            value(v, `${i === 0 ? lead : ' '.repeat(col)}${k}:`, col, true);
          });
        } else if (item.t === 'scalar') out.push(tail(`${lead}${item.text}`));
        else if (item.t === 'empty') out.push(tail(`${pad}-`));
        else {
          out.push(`${pad}-`);
          block(item, indent + s.step + 1);
        }
      }
    } else out.push(t.t === 'scalar' ? t.text : '');
  };
  block(tree, 0);
  return out;
}

const docArb = (noisy: boolean): fc.Arbitrary<{ text: string; tree: Tree }> =>
  fc
    .record({ tree: treeArb(noisy), style: styleArb, seed: fc.array(fc.nat(99), { minLength: 16, maxLength: 16 }), crlf: fc.boolean(), marker: fc.boolean(), endNewline: fc.boolean(), stray: noisy ? fc.option(fc.tuple(fc.nat(40), fc.nat(6), fc.constantFrom('x', '- y', 'k: v', '---', '...', '%TAG', '  # c')), { freq: 2 }) : fc.constant(null) })
    .map(({ tree, style, seed, crlf, marker, endNewline, stray }) => {
      let n = 0;
      const lines = render(tree, style, () => seed[n++ % seed.length] ?? 0);
      if (marker) lines.unshift('# leading', '---');
      if (stray) lines.splice(stray[0] % (lines.length + 1), 0, ' '.repeat(stray[1]) + stray[2]);
      const eol = crlf ? '\r\n' : '\n';
      return { text: lines.join(eol) + (endNewline ? eol : ''), tree };
    });

/** Every path into the tree, and one step past each (a missing key, an index out of range). */
function pathsOf(t: Tree, at: PathSegment[] = [], out: FieldPath[] = []): FieldPath[] {
  out.push(at);
  if (t.t === 'map') {
    t.pairs.forEach(([k, v]) => pathsOf(v, [...at, k], out));
    out.push([...at, 'missing'], [...at, 0]);
  } else if (t.t === 'seq') {
    t.items.forEach((v, i) => pathsOf(v, [...at, i], out));
    out.push([...at, t.items.length], [...at, 'x']);
  } else out.push([...at, 'deeper', 1]);
  return out;
}

function agree(text: string, tree: Tree): boolean {
  const fast = createFastLocator(text);
  if (!fast) return false;
  const cst = createCstLocator(text);
  for (const path of pathsOf(tree)) {
    for (const prefer of ['key', 'value'] as const) {
      const quick = fast.locate(path, prefer);
      if (quick) expect({ path, prefer, span: quick }).toEqual({ path, prefer, span: cst.locate(path, prefer) });
    }
  }
  return true;
}

describe('fast locator = CST locator', () => {
  it('on clean block documents it answers, and as the CST does', () => {
    fc.assert(
      fc.property(docArb(false), ({ text, tree }) => {
        // A scalar or empty root is a null/scalar document: only the CST tells where it is.
        if (tree.t !== 'map' && tree.t !== 'seq') return;
        expect(agree(text, tree)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('on noisy documents, wherever it answers, as the CST does', () => {
    let answered = 0;
    fc.assert(
      fc.property(docArb(true), ({ text, tree }) => {
        if (agree(text, tree)) answered++;
      }),
      { numRuns: 400 },
    );
    // The noise must not make the property vacuous: part of the documents are still read fast.
    expect(answered).toBeGreaterThan(50);
  });
});
