import yaml from 'js-yaml';

/**
 * Loads one YAML document into plain JSON-like data, never throwing and never expanding
 * without bound. js-yaml resolves aliases to shared references; `toPlainTree` copies them into
 * a real tree under a node budget, so a "billion laughs" document is refused instead of
 * hanging whoever walks it later. Kubernetes reads YAML with the core schema plus merge keys
 * (sigs.k8s.io/yaml): no timestamps become Dates, no binary, no sets.
 */
// `types` is exported by js-yaml 4 but missing from @types/js-yaml.
const { merge } = (yaml as unknown as { types: { merge: yaml.Type } }).types;
const SCHEMA = yaml.CORE_SCHEMA.extend({ implicit: [merge] });

export const MAX_DEPTH = 64;
/** Nodes one document may expand to once aliases are resolved. */
export const MAX_NODES_PER_DOCUMENT = 200_000;

export type LoadProblem =
  | { kind: 'syntax'; message: string; offset: number; duplicateKey: boolean; tooDeep: boolean }
  | { kind: 'aliasBomb'; message: string }
  | { kind: 'unsafeKey'; key: string; path: (string | number)[] };

export interface LoadResult {
  readonly value: unknown;
  readonly problems: LoadProblem[];
}

export function loadDocument(text: string): LoadResult {
  let raw: unknown;
  try {
    raw = yaml.load(text, { schema: SCHEMA, json: false, maxDepth: MAX_DEPTH });
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { position?: number } };
    const reason = err.reason ?? err.message ?? String(e);
    return {
      value: undefined,
      problems: [
        {
          kind: 'syntax',
          message: reason,
          offset: err.mark?.position ?? 0,
          duplicateKey: /duplicated mapping key/.test(reason),
          tooDeep: /maxDepth/.test(reason),
        },
      ],
    };
  }
  // Most documents use no anchors and no dangerous keys: js-yaml's result is already a plain
  // tree, and copying it would cost a third of the load time. Only the others are walked.
  return MAY_SHARE_NODES.test(text) || MAY_HAVE_UNSAFE_KEY.test(text) ? toPlainTree(raw) : { value: raw, problems: [] };
}

/** An anchor or alias token (`&a`, `*a`) may follow these; inside quotes this over-matches, which only costs a copy. */
const MAY_SHARE_NODES = /(?:^|[\s[{,])[&*][^\s[\]{},]/;
const MAY_HAVE_UNSAFE_KEY = /__proto__|constructor|prototype/;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Copies loaded data into a fresh tree: shared (aliased) nodes duplicated, cycles and bombs refused. */
export function toPlainTree(root: unknown): LoadResult {
  const problems: LoadProblem[] = [];
  let budget = MAX_NODES_PER_DOCUMENT;
  const onPath = new Set<object>();
  const path: (string | number)[] = [];
  class Bomb extends Error {}

  const copy = (v: unknown): unknown => {
    if (--budget < 0) throw new Bomb();
    if (v === null || typeof v !== 'object') return v;
    if (onPath.has(v)) throw new Bomb();
    onPath.add(v);
    try {
      if (Array.isArray(v)) {
        const out: unknown[] = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          path.push(i);
          out[i] = copy(v[i]);
          path.pop();
        }
        return out;
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        path.push(key);
        if (UNSAFE_KEYS.has(key)) problems.push({ kind: 'unsafeKey', key, path: [...path] });
        const value = copy((v as Record<string, unknown>)[key]);
        // An own data property even for `__proto__`: never touches the prototype chain.
        if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
        else out[key] = value;
        path.pop();
      }
      return out;
    } finally {
      onPath.delete(v);
    }
  };

  try {
    return { value: copy(root), problems };
  } catch (e) {
    if (!(e instanceof Bomb)) throw e;
    return {
      value: undefined,
      problems: [
        {
          kind: 'aliasBomb',
          message: `the document expands to more than ${MAX_NODES_PER_DOCUMENT.toLocaleString('en-US')} nodes once its aliases are resolved (or an alias refers to itself); refusing to expand it`,
        },
      ],
    };
  }
}
