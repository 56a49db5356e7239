import yaml from 'js-yaml';

/**
 * Structural mutations: a seed document loaded into data, one field (found by index among every
 * field path, so each path is reached) replaced by a value of another type, then written again
 * as block YAML or as JSON (which is YAML too). "Wrong types at every field path".
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface TreeMutation {
  /** Which field path (modulo their number). */
  readonly path: number;
  readonly value: Json;
  /** Remove the field instead of replacing its value. */
  readonly remove: boolean;
}

/** Values of every JSON type, including the ones no field expects. */
export const WRONG_VALUES: readonly Json[] = [
  null, true, false, 0, -1, 1.5, 65536, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, '', ' ', '80', 'true', 'null',
  '/(a+)+$', '(a)\\1', '(?<=a)b', '(?P<n>a)', '[[:alpha:]]', '\\k<n>', '*', '*.', '..', 'UPPER.example.com', '<img src=x onerror=alert(1)>',
  '\u202Eevil\u202C', 'a\r\nb: c', '\u0000', '\uFFFD', 'x'.repeat(2000), [], [null], [1, 'a', {}], {}, { a: 1 }, { name: 1 }, JSON.parse('{"__proto__": {"polluted": 1}}') as Json,
  [{ name: 'x', port: 'y' }], { exact: 1 }, { regex: '/(a+)+' }, { type: 'RegularExpression', value: '/(a+)+$' },
];

type Seg = string | number;

function paths(value: unknown, prefix: Seg[], out: Seg[][]): Seg[][] {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([...prefix, i]); paths(v, [...prefix, i], out); });
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) { out.push([...prefix, k]); paths(v, [...prefix, k], out); }
  }
  return out;
}

function setAt(root: Json, path: readonly Seg[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const [head, ...rest] = path as [Seg, ...Seg[]];
  if (Array.isArray(root) && typeof head === 'number') {
    const copy = [...root];
    if (value === undefined && rest.length === 0) copy.splice(head, 1);
    else copy[head] = setAt(copy[head] ?? null, rest, value);
    return copy;
  }
  if (root !== null && typeof root === 'object' && !Array.isArray(root)) {
    const copy: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(root)) if (!(k === String(head) && value === undefined && rest.length === 0)) copy[k] = v;
    if (!(value === undefined && rest.length === 0)) copy[String(head)] = setAt(root[String(head)] ?? null, rest, value);
    return copy;
  }
  return root;
}

/** The document's data with the mutations applied, as text; `json` picks the notation. */
export function mutateTree(doc: Json, ms: readonly TreeMutation[], json: boolean): string {
  let tree = doc;
  for (const m of ms) {
    const all = paths(tree, [], []);
    const path = all[m.path % Math.max(1, all.length)];
    if (path) tree = setAt(tree, path, m.remove ? undefined : m.value);
  }
  return json ? JSON.stringify(tree) : yaml.dump(tree, { noRefs: true, lineWidth: -1 });
}
