import type { ObjectNode, Prop, TypeNode } from './model.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A property with its own description around a type that may be shared: `{description, $node}`. */
export const NODE_KEY = '$node';

/**
 * Turns the model into JSON Schema, memoised per model node (so a type shared by several kinds
 * becomes one JSON object, which `hoist` then turns into one definition). Objects get a name
 * hint: the model's type name, or for inline (Istio) types the path where they first appear.
 */
abstract class Emitter {
  private readonly memo = new Map<TypeNode, Json>();
  readonly hints = new Map<object, string>();

  emit(node: TypeNode, path: string): Json {
    const known = this.memo.get(node);
    if (known !== undefined) return known;
    const out = this.convert(node, path);
    this.memo.set(node, out);
    if (node.t === 'object' && out !== null && typeof out === 'object' && !this.hints.has(out)) this.hints.set(out, node.name ?? path);
    return out;
  }

  protected abstract convert(node: TypeNode, path: string): Json;
}

/** The editor's view: types, enums, required, descriptions (completion and hover). */
export class EditorEmitter extends Emitter {
  protected convert(node: TypeNode, path: string): Json {
    switch (node.t) {
      case 'leaf': {
        const out: JsonObject = {};
        const types = node.types.filter((t) => t !== 'null');
        if (types.length === 1 && types[0]) out.type = types[0];
        else if (types.length > 1) out.type = types;
        if (node.enum) out.enum = [...node.enum];
        if (node.minimum !== undefined) out.minimum = node.minimum;
        if (node.maximum !== undefined) out.maximum = node.maximum;
        return out;
      }
      case 'array': {
        const out: JsonObject = { type: 'array', items: this.emit(node.items, `${path}[]`) };
        if (node.listType) out['x-kubernetes-list-type'] = node.listType;
        if (node.listKeys) out['x-kubernetes-list-map-keys'] = [...node.listKeys];
        return out;
      }
      case 'object':
        return this.object(node, path);
    }
  }

  private object(node: ObjectNode, path: string): JsonObject {
    const out: JsonObject = { type: 'object' };
    // The type's name heads hover texts ("Listener", "HTTPRouteMatch").
    const title = node.name?.split('.').pop();
    if (title) out.title = title;
    if (node.doc) out.description = node.doc;
    if (node.props.size > 0) {
      const props: JsonObject = {};
      for (const [key, p] of [...node.props].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) props[key] = this.prop(p, `${path}.${key}`);
      out.properties = props;
      const required = [...node.props].filter(([, p]) => p.required).map(([k]) => k);
      if (required.length > 0) out.required = required.sort();
    }
    if (node.additional) out.additionalProperties = this.emit(node.additional, `${path}.*`);
    return out;
  }

  private prop(p: Prop, path: string): Json {
    const inner = this.emit(p.node, path);
    return p.doc === undefined ? inner : { description: p.doc, [NODE_KEY]: inner };
  }
}

/**
 * The validator's view: only what the unknown-field walk needs — known keys, map values, list
 * items, list keys, oneOf groups and the few bounds the models lack. `true` is "anything".
 */
export class FieldsEmitter extends Emitter {
  protected convert(node: TypeNode, path: string): Json {
    switch (node.t) {
      case 'leaf':
      {
        if (node.minimum === undefined && node.maximum === undefined) return true;
        const out: JsonObject = {};
        if (node.minimum !== undefined) out.minimum = node.minimum;
        if (node.maximum !== undefined) out.maximum = node.maximum;
        return out;
      }
      case 'array': {
        const items = this.emit(node.items, `${path}[]`);
        if (items === true && !node.listType) return true;
        const out: JsonObject = { items };
        if (node.listType) out['x-kubernetes-list-type'] = node.listType;
        if (node.listKeys) out['x-kubernetes-list-map-keys'] = [...node.listKeys];
        if (node.listDefaults) out['x-kubernetes-list-map-key-defaults'] = { ...node.listDefaults };
        return out;
      }
      case 'object': {
        const additional = node.additional ? this.emit(node.additional, `${path}.*`) : undefined;
        // No declared fields (FieldsV1, RawExtension): free-form JSON.
        if (node.props.size === 0 && (additional === true || additional === undefined)) return true;
        const out: JsonObject = {};
        if (node.props.size > 0) {
          const props: JsonObject = {};
          for (const [key, p] of [...node.props].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) props[key] = this.emit(p.node, `${path}.${key}`);
          out.properties = props;
        }
        if (additional !== undefined) out.additionalProperties = additional;
        if (node.oneOf.length > 0) out['x-one-of'] = node.oneOf.map((g) => [...g]);
        return out;
      }
    }
  }
}
