import type { FieldSchema } from './generated/fields.js';
import fields from './generated/fields.js';

/** A node of the field index with its `$ref`s resolved: what the walk follows. */
export interface FieldNode {
  /** Known keys (null: not an object with fields, e.g. a map or a bounded number). */
  readonly properties: ReadonlyMap<string, FieldNode | null> | null;
  /** Whether keys beyond `properties` are allowed (maps such as labels). */
  readonly open: boolean;
  /** Index of a map's values (or of the keys beyond `properties`); null = anything. */
  readonly additional: FieldNode | null;
  readonly items: FieldNode | null;
  readonly listType: 'map' | 'set' | undefined;
  readonly listKeys: readonly string[];
  readonly listKeyDefaults: { readonly [key: string]: string };
  readonly oneOf: readonly (readonly string[])[];
  readonly minimum: number | undefined;
  readonly maximum: number | undefined;
}

const compiled = new Map<string, FieldNode | null>();

/**
 * The field index of one kind+version (`group/version/Kind`, core `v1/Kind`), compiled on
 * first use: `$ref`s become object links, so the walk never looks anything up by name.
 */
export function fieldIndex(key: string): FieldNode | null | undefined {
  if (compiled.has(key)) return compiled.get(key);
  const root = fields.roots[key];
  if (root === undefined) return undefined;
  const node = compileRef(root);
  compiled.set(key, node);
  return node;
}

const byName = new Map<string, FieldNode | null>();

function compileRef(name: string): FieldNode | null {
  const done = byName.get(name);
  if (done !== undefined) return done;
  const schema = fields.definitions[name];
  if (schema === undefined) throw new Error(`generated/fields.js has no definition ${name}`);
  const node = compile(schema);
  byName.set(name, node);
  return node;
}

function compile(schema: FieldSchema): FieldNode | null {
  if (schema === true) return null;
  if (schema.$ref !== undefined) return compileRef(schema.$ref.replace('#/definitions/', ''));
  let properties: Map<string, FieldNode | null> | null = null;
  if (schema.properties) {
    properties = new Map();
    for (const [k, v] of Object.entries(schema.properties)) properties.set(k, compile(v));
  }
  return {
    properties,
    open: properties === null || schema.additionalProperties !== undefined,
    additional: schema.additionalProperties === undefined ? null : compile(schema.additionalProperties),
    items: schema.items === undefined ? null : compile(schema.items),
    listType: schema['x-kubernetes-list-type'],
    listKeys: schema['x-kubernetes-list-map-keys'] ?? [],
    listKeyDefaults: schema['x-kubernetes-list-map-key-defaults'] ?? {},
    oneOf: schema['x-one-of'] ?? [],
    minimum: schema.minimum,
    maximum: schema.maximum,
  };
}

/** The index node at `path` below `root` (array indices step into items); null = anything. */
export function fieldNodeAt(root: FieldNode | null, path: readonly (string | number)[]): FieldNode | null {
  let node = root;
  for (const seg of path) {
    if (node === null) return null;
    node = typeof seg === 'number' ? node.items : (node.properties?.get(seg) ?? node.additional);
  }
  return node;
}
