import { NODE_KEY, type Json, type JsonObject } from './emit.js';

export interface Hoisted {
  readonly definitions: Record<string, Json>;
  /** Root name → definition name. */
  readonly roots: Record<string, string>;
}

interface Info {
  readonly rep: Json;
  readonly size: number;
  readonly children: readonly number[];
  hint: string | undefined;
}

/**
 * Content-addressed sharing: every object schema that occurs in two places or more (by value,
 * e.g. a type used by several kinds, or an Istio spec identical in v1, v1beta1 and v1alpha3)
 * and is at least `minSize` characters long becomes one `definitions` entry, referenced by
 * `$ref`. Roots always become definitions, under the names given. Deterministic: names are
 * given in first-seen order.
 */
export function hoist(roots: readonly (readonly [string, Json])[], hints: ReadonlyMap<object, string>, minSize: number): Hoisted {
  const ids = new Map<object, number>();
  const intern = new Map<string, number>();
  const infos: Info[] = [];

  const canon = (v: Json): string => {
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const known = ids.get(v);
    if (known !== undefined) return `#${known}`;
    const children: number[] = [];
    let size = 2;
    const token = (child: Json): string => {
      const c = canon(child);
      if (child !== null && typeof child === 'object') {
        const id = ids.get(child);
        if (id !== undefined) {
          children.push(id);
          size += infos[id]?.size ?? 0;
        }
      } else size += c.length;
      return c;
    };
    const key = Array.isArray(v)
      ? `[${v.map(token).join(',')}]`
      : `{${Object.keys(v)
          .map((k) => {
            size += k.length + 4;
            return `${JSON.stringify(k)}:${token(v[k] ?? null)}`;
          })
          .join(',')}}`;
    let id = intern.get(key);
    if (id === undefined) {
      id = infos.length;
      intern.set(key, id);
      infos.push({ rep: v, size, children, hint: hints.get(v) });
    } else {
      const info = infos[id];
      if (info && info.hint === undefined) info.hint = hints.get(v);
    }
    ids.set(v, id);
    return `#${id}`;
  };
  const rootIds = roots.map(([, schema]) => {
    canon(schema);
    return ids.get(schema as object) ?? -1;
  });

  // Occurrences in the output: a definition is written once, whatever refers to it; an inline
  // schema is written wherever its parents are. Parents are interned after their children.
  const occurrences = new Array<number>(infos.length).fill(0);
  for (const id of rootIds) if (id >= 0) occurrences[id] = 1;
  const isRoot = new Set(rootIds);
  const shared = new Set<number>();
  for (let id = infos.length - 1; id >= 0; id--) {
    const info = infos[id];
    if (!info) continue;
    const n = occurrences[id] ?? 0;
    const hoisted = isRoot.has(id) || (n >= 2 && info.size >= minSize && isSchemaObject(info.rep));
    if (hoisted && !isRoot.has(id)) shared.add(id);
    for (const c of info.children) occurrences[c] = (occurrences[c] ?? 0) + (hoisted ? 1 : n);
  }

  const names = new Map<number, string>();
  const taken = new Set<string>();
  const claim = (id: number, base: string): void => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}.${n}`;
    taken.add(name);
    names.set(id, name);
  };
  const out: Hoisted = { definitions: {}, roots: {} };
  roots.forEach(([name], i) => {
    const id = rootIds[i] ?? -1;
    if (!names.has(id)) claim(id, name);
    out.roots[name] = names.get(id) ?? name;
  });
  for (const id of [...shared].sort((a, b) => a - b)) claim(id, infos[id]?.hint ?? `def${id}`);

  const rebuild = (v: Json, top: boolean): Json => {
    if (v === null || typeof v !== 'object') return v;
    const id = ids.get(v);
    const name = id === undefined ? undefined : names.get(id);
    if (!top && name !== undefined) return { $ref: `#/definitions/${name}` };
    if (Array.isArray(v)) return v.map((x) => rebuild(x, false));
    if (NODE_KEY in v) {
      const inner = rebuild(v[NODE_KEY] ?? null, false);
      const description = v.description ?? null;
      if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
        const { description: _own, ...rest } = inner;
        return { description, ...rest };
      }
      return { description };
    }
    const obj: JsonObject = {};
    for (const [k, x] of Object.entries(v)) obj[k] = rebuild(x, false);
    return obj;
  };
  for (const [id, name] of [...names].sort(([a], [b]) => a - b)) {
    const info = infos[id];
    if (info) out.definitions[name] = rebuild(info.rep, true);
  }
  return out;
}

function isSchemaObject(v: Json): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(NODE_KEY in v) && ('properties' in v || 'additionalProperties' in v);
}
