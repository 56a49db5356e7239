import fc from 'fast-check';
import yaml from 'js-yaml';
import { HOSTILE_SNIPPETS, applyMutations, type Mutation } from './mutate.js';
import { randomDesign } from './objects.js';
import { randomRequest, type RequestCase } from './requests.js';
import type { SeedText } from './seeds.js';
import { WRONG_VALUES, mutateTree, type Json, type TreeMutation } from './tree.js';

/** One fuzz case: a design text, where it came from, and the requests to simulate against it. */
export interface FuzzCase {
  readonly origin: string;
  readonly text: string;
  readonly requests: readonly RequestCase[];
  /** Also drive the UI store with this case (slower: it is asynchronous). */
  readonly store: boolean;
  /** Which object the design edits (rename, delete, namespace move) act on. */
  readonly edit: number;
}

const frac = fc.nat({ max: 1000 }).map((n) => n / 1000);
const snippet = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SNIPPETS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(' ', ':', '-', '\n', '{', '}', '[', ']', ',', '&', '*', '!', '|', '>', '"', "'", '#', 'a', '1'), maxLength: 16 }) },
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), at: frac, length: fc.nat({ max: 8 }), with: snippet }),
  fc.record({ op: fc.constant('insert' as const), at: frac, with: snippet }),
  fc.record({ op: fc.constant('deleteLine' as const), line: frac }),
  fc.record({ op: fc.constant('duplicateLine' as const), line: frac }),
  fc.record({ op: fc.constant('indent' as const), line: frac, by: fc.integer({ min: -6, max: 6 }) }),
  fc.record({ op: fc.constant('tab' as const), line: frac }),
  fc.record({ op: fc.constant('truncate' as const), at: frac }),
  fc.record({ op: fc.constant('nest' as const), line: frac, depth: fc.integer({ min: 1, max: 80 }), flow: fc.boolean() }),
  fc.record({ op: fc.constant('alias' as const), from: frac, to: frac }),
  fc.record({ op: fc.constant('merge' as const), line: frac, with: fc.constantFrom('{a: 1}', '*fz', '[*fz, {b: 2}]', '1', '{__proto__: {x: 1}}') }),
  fc.constant({ op: 'crlf' as const }),
);

const treeMutation: fc.Arbitrary<TreeMutation> = fc.record({ path: fc.nat({ max: 10_000 }), value: fc.constantFrom(...WRONG_VALUES), remove: fc.boolean() });

const requests = fc.array(fc.integer().map(randomRequest), { minLength: 1, maxLength: 4 });

/** Every way of making a case, over these seed documents. */
export function fuzzCase(seeds: readonly SeedText[]): fc.Arbitrary<FuzzCase> {
  const seedDocs = seeds.map((s) => s.text.split(/^---$/m));
  const seedIndex = fc.nat({ max: seeds.length - 1 });

  const mutated = fc.record({ seed: seedIndex, ms: fc.array(mutation, { minLength: 1, maxLength: 6 }) })
    .map(({ seed, ms }) => ({ origin: `mutate ${seeds[seed]?.name}`, text: applyMutations(seeds[seed]?.text ?? '', ms) }));

  const tree = fc.record({ seed: seedIndex, doc: fc.nat(), ms: fc.array(treeMutation, { minLength: 1, maxLength: 4 }), json: fc.boolean() })
    .map(({ seed, doc, ms, json }) => {
      const docs = seedDocs[seed] ?? [''];
      const i = doc % docs.length;
      let data: Json;
      try {
        data = yaml.load(docs[i] ?? '') as Json;
      } catch {
        data = null;
      }
      const out = [...docs];
      out[i] = `\n${mutateTree(data, ms, json)}`;
      return { origin: `wrong types in ${seeds[seed]?.name} document ${i}`, text: out.join('---') };
    });

  const semantic = fc.record({ seed: fc.integer(), max: fc.integer({ min: 1, max: 16 }), wrong: fc.constantFrom(0, 0.02, 0.1), list: fc.boolean(), ms: fc.array(mutation, { maxLength: 2 }) })
    .map(({ seed, max, wrong, list, ms }) => {
      const objs = randomDesign(seed, max, wrong);
      const text = list
        ? yaml.dump({ apiVersion: 'v1', kind: 'List', items: objs }, { noRefs: true, lineWidth: -1 })
        : objs.map((o) => yaml.dump(o, { noRefs: true, lineWidth: -1 })).join('---\n');
      return { origin: `randomDesign(${seed}, ${max}, ${wrong})${list ? ' as a List' : ''}`, text: applyMutations(text, ms) };
    });

  const raw = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: fc.constantFrom(...'ab:-\n []{},&*!|>#"\'?<\t'), maxLength: 400 }))
    .map((text) => ({ origin: 'random text', text }));

  return fc.record({
    design: fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 2, arbitrary: tree }, { weight: 4, arbitrary: semantic }, { weight: 1, arbitrary: raw }),
    requests,
    store: fc.noBias(fc.nat({ max: 99 })).map((n) => n === 0),
    edit: fc.nat(),
  }).map(({ design, requests, store, edit }) => ({ ...design, requests, store, edit }));
}
