import { formatPath, type FieldPath } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import data from '../target/data/crd-availability.js';
import { hasField } from '../target/availability.js';
import type { Target } from '../target/target.js';
import { chooseApiVersion, GATEWAY_API_GROUPS, groupOf, targetName, whereFieldIs, whereKindIs } from './target-versions.js';

/** Something the target cannot express, at a path of the output object. */
export interface Refusal {
  readonly what: 'kind' | 'field';
  readonly path: FieldPath;
  readonly message: string;
}

export interface Fitted {
  /** The object as the target serves it (a copy when anything changed); null: the kind is not served. */
  readonly object: KubeObject | null;
  readonly refusals: readonly Refusal[];
}

/** The schema of one kind at one apiVersion, over every release and channel: its field paths and enum values. */
class Schema {
  private readonly entries: ReadonlySet<string>;
  private readonly parents = new Set<string>();
  private readonly enums = new Set<string>();

  constructor(kind: string, apiVersion: string) {
    this.entries = new Set(Object.keys(data.kinds[kind]?.[apiVersion] ?? {}));
    for (const e of this.entries) {
      const eq = e.indexOf('=');
      if (eq >= 0) this.enums.add(e.slice(0, eq));
      const path = eq >= 0 ? e.slice(0, eq) : e;
      for (let i = path.indexOf('.'); i >= 0; i = path.indexOf('.', i + 1)) this.parents.add(path.slice(0, i).replace(/\[\]$/, ''));
    }
  }

  /** Does the schema describe the fields under `path` (else it is a leaf or a free-form map)? */
  structured(path: string): boolean {
    return this.parents.has(path.replace(/\[\]$/, ''));
  }

  /** Is `value` one of the path's enum values in some release (an unknown value is the validator's to report)? */
  knownEnumValue(path: string, value: string): boolean {
    return this.enums.has(path) && this.entries.has(`${path}=${value}`);
  }
}

const schemas = new Map<string, Schema>();

function schemaOf(kind: string, apiVersion: string): Schema {
  const key = `${kind}\u0000${apiVersion}`;
  let schema = schemas.get(key);
  if (!schema) {
    schema = new Schema(kind, apiVersion);
    schemas.set(key, schema);
  }
  return schema;
}

/**
 * Fits one object to the target (issue 14 scope 5): a Gateway API object is written at an apiVersion
 * the target's release and channel serve (target-versions.ts), and every field or enum value its
 * CRD there lacks is left out, with the reason. A filter (or other list element) whose `type` the
 * target lacks goes as a whole: its other fields mean nothing without it. Other objects are
 * returned as they are (Istio's networking.istio.io/v1 is served by every Istio release the target
 * knows, 1.22–1.29: the v1 APIs came with Istio 1.22, https://istio.io/latest/blog/2024/v1-apis/).
 */
export function fitObject(obj: KubeObject, target: Target, keepApiVersion: boolean): Fitted {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const group = groupOf(apiVersion);
  if (!GATEWAY_API_GROUPS.includes(group)) return { object: obj, refusals: [] };
  const chosen = chooseApiVersion(kind, apiVersion, target, keepApiVersion);
  if (chosen === undefined) {
    return { object: null, refusals: [{ what: 'kind', path: [], message: `${targetName(target)} does not serve ${kind} (${group}); ${whereKindIs(kind, group)}. The object is left out` }] };
  }
  const refusals: Refusal[] = [];
  const schema = schemaOf(kind, chosen);
  const present = (entry: string): boolean => hasField(kind, chosen, entry, target.release, target.channel);
  const refuse = (path: FieldPath, entry: string, shown: string): void => {
    refusals.push({ what: 'field', path, message: `${shown} is not in ${targetName(target)}'s ${kind} (${chosen}); ${whereFieldIs(kind, chosen, entry)}. It is left out` });
  };

  /** Fits a value in place; true when the list element holding it must go (its `type` is refused). */
  const walk = (value: unknown, path: FieldPath, at: string, inElement: boolean): boolean => {
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        const scalar = typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean';
        if (scalar && schema.knownEnumValue(`${at}[]`, String(item)) && !present(`${at}[]=${String(item)}`)) {
          refuse([...path, i], `${at}[]=${String(item)}`, `${formatPath(path)}: ${String(item)}`);
          value.splice(i, 1);
        } else if (walk(item, [...path, i], `${at}[]`, true)) value.splice(i, 1);
      }
      return false;
    }
    if (!isRecord(value) || !schema.structured(at)) return false;
    const discriminator = value.type;
    if (inElement && (typeof discriminator === 'string') && schema.knownEnumValue(`${at}.type`, discriminator) && !present(`${at}.type=${discriminator}`)) {
      refuse([...path, 'type'], `${at}.type=${discriminator}`, `${formatPath([...path, 'type'])}: ${discriminator}`);
      return true;
    }
    for (const key of Object.keys(value)) {
      const sub = `${at}.${key}`;
      const v = value[key];
      if (!present(sub)) {
        refuse([...path, key], sub, formatPath([...path, key]));
        delete value[key];
      } else if ((typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && schema.knownEnumValue(sub, String(v)) && !present(`${sub}=${String(v)}`)) {
        refuse([...path, key], `${sub}=${String(v)}`, `${formatPath([...path, key])}: ${String(v)}`);
        delete value[key];
      } else {
        const before = Array.isArray(v) ? v.length : 0;
        walk(v, [...path, key], sub, false);
        if (Array.isArray(v) && before > 0 && v.length === 0) delete value[key];
      }
    }
    return false;
  };

  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  copy.apiVersion = chosen;
  if (isRecord(copy.spec)) walk(copy.spec, ['spec'], 'spec', false);
  if (refusals.length === 0 && chosen === apiVersion) return { object: obj, refusals };
  return { object: copy, refusals };
}
