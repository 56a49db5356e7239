import { formatPath, type PathSegment } from '../../resources/path.js';
import { closest, showValue } from './describe.js';
import type { FieldNode } from './fields.js';
import type { SchemaIssue } from './index.js';

/**
 * One pass over an object along its field index, reporting what the ajv validators let pass:
 * unknown fields (a warning, as kubectl's "unknown field" — the API server drops them),
 * duplicate entries of `x-kubernetes-list-type` map/set lists, and the few bounds the API server
 * checks in Go (Service ports). Type mismatches are left to ajv: the walk only steps into
 * values of the shape it expects. `path` is a stack, copied only when reporting.
 */
export function walkFields(value: unknown, node: FieldNode, path: PathSegment[], out: SchemaIssue[]): void {
  if (typeof value === 'number') {
    checkRange(value, node, path, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (node.listType !== undefined) checkUnique(value, node, path, out);
    const items = node.items;
    if (items === null) return;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v === null || (typeof v !== 'object' && typeof v !== 'number')) continue;
      path.push(i);
      walkFields(v, items, path, out);
      path.pop();
    }
    return;
  }
  const record = value as { readonly [key: string]: unknown };
  const props = node.properties;
  for (const key in record) {
    let child: FieldNode | null | undefined = props === null ? undefined : props.get(key);
    if (child === undefined) {
      if (!node.open) {
        reportUnknown(key, props, path, out);
        continue;
      }
      child = node.additional;
    }
    if (child === null) continue;
    const v = record[key];
    if (v === null || (typeof v !== 'object' && typeof v !== 'number')) continue;
    path.push(key);
    walkFields(v, child, path, out);
    path.pop();
  }
}

function reportUnknown(key: string, known: ReadonlyMap<string, unknown> | null, path: readonly PathSegment[], out: SchemaIssue[]): void {
  const at = [...path, key];
  const guess = known === null ? undefined : closest(key, known.keys());
  out.push({
    code: 'UnknownField',
    severity: 'warning',
    message: `unknown field "${formatPath(at)}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; the API server drops it`,
    path: at,
    prefer: 'key',
  });
}

function checkRange(value: number, node: FieldNode, path: readonly PathSegment[], out: SchemaIssue[]): void {
  const { minimum, maximum } = node;
  if (minimum !== undefined && value < minimum) {
    out.push({ code: 'SchemaRange', severity: 'error', message: `${formatPath(path)} must be at least ${minimum} (got ${value})`, path: [...path] });
  } else if (maximum !== undefined && value > maximum) {
    out.push({ code: 'SchemaRange', severity: 'error', message: `${formatPath(path)} must be at most ${maximum} (got ${value})`, path: [...path] });
  }
}

/** `+listType=map`: entries unique by their key fields; `+listType=set`: values unique. */
function checkUnique(list: readonly unknown[], node: FieldNode, path: readonly PathSegment[], out: SchemaIssue[]): void {
  if (list.length < 2) return;
  const seen = new Map<string, number>();
  const keys = node.listKeys;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    let id: string;
    if (node.listType === 'set') {
      if (entry !== null && typeof entry === 'object') continue;
      id = JSON.stringify(entry);
    } else {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
      const record = entry as { readonly [key: string]: unknown };
      id = JSON.stringify(keys.map((k) => record[k] ?? node.listKeyDefaults[k] ?? null));
    }
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, i);
      continue;
    }
    const firstPath = formatPath([...path, first]);
    if (node.listType === 'set') {
      out.push({ code: 'SchemaUnique', severity: 'error', message: `${formatPath([...path, i])} repeats ${showValue(entry)} (already at ${firstPath}); the values must be unique`, path: [...path, i] });
    } else {
      const record = entry as { readonly [key: string]: unknown };
      const what = keys.map((k) => `${k} ${showValue(record[k] ?? node.listKeyDefaults[k])}`).join(' and ');
      const at = keys.length === 1 && keys[0] !== undefined && keys[0] in record ? [...path, i, keys[0]] : [...path, i];
      out.push({ code: 'SchemaUnique', severity: 'error', message: `${formatPath([...path, i])} has the same ${what} as ${firstPath}; entries must be unique by ${keys.join(' + ')}`, path: at });
    }
  }
}
