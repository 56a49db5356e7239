import type { SchemaCode } from '../../diagnostics/types.js';
import { formatPath, getAt, pathFromPointer, type PathSegment } from '../../resources/path.js';
import { closest, describePattern, describeValue, quote, showValue, typeNames } from './describe.js';
import type { SchemaIssue } from './index.js';
import type { AjvError } from './validators.js';

/**
 * Turns ajv's errors into one clear issue per real problem:
 * - duplicates (a nested validator's errors are re-reported by each enclosing one) are merged;
 * - `anyOf` (int-or-string) becomes one type issue listing the accepted types;
 * - Istio's oneof (`oneOf` + `not`) becomes "set only one of …", naming the keys found
 *   (`oneOfGroups` gives the alternatives at a path, from the generated field index);
 * - issues inside a value of the wrong type are dropped: the type is the problem.
 */
export function issuesFromAjv(errors: readonly AjvError[], object: unknown, oneOfGroups: (path: readonly PathSegment[]) => readonly (readonly string[])[]): SchemaIssue[] {
  const byPath = new Map<string, AjvError[]>();
  const seen = new Set<string>();
  for (const e of errors) {
    const id = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const list = byPath.get(e.instancePath);
    if (list) list.push(e);
    else byPath.set(e.instancePath, [e]);
  }

  const out: SchemaIssue[] = [];
  const wrongType: string[] = [];
  for (const [pointer, list] of byPath) {
    const path = pathFromPointer(pointer);
    const value = getAt(object, path);
    const keywords = new Set(list.map((e) => e.keyword));
    const types = list.filter((e) => e.keyword === 'type').flatMap((e) => typesOf(e.params.type));
    // Under anyOf (int-or-string), a branch of the right type that failed on something else
    // (a pattern) names the real problem; type errors only say which branches did not apply.
    const branchDetail = keywords.has('anyOf') && list.some((e) => e.keyword !== 'type' && e.keyword !== 'anyOf');
    if (types.length > 0 && !branchDetail && !acceptsType(value, types)) {
      wrongType.push(pointer);
      out.push(issue('SchemaType', `${name(path)} must be ${typeNames(types)} (got ${describeValue(value)})`, path));
      continue;
    }
    // A failed oneOf also reports its alternatives' `required` (the ones not set): noise.
    const alternatives = keywords.has('oneOf') ? new Set(oneOfGroups(path).flat()) : undefined;
    for (const e of list) {
      if (e.keyword === 'type' || e.keyword === 'anyOf' || (e.keyword === 'not' && keywords.has('oneOf'))) continue;
      if (e.keyword === 'required' && alternatives?.has(String(e.params.missingProperty))) continue;
      out.push(fromError(e, path, value, oneOfGroups));
    }
  }
  // Drop what is said about the inside of a value whose type is already wrong.
  return wrongType.length === 0 ? out : out.filter((i) => i.code === 'SchemaType' || !wrongType.some((p) => isInside(i.path, p)));
}

function fromError(e: AjvError, path: PathSegment[], value: unknown, oneOfGroups: (path: readonly PathSegment[]) => readonly (readonly string[])[]): SchemaIssue {
  const p = e.params;
  const at = name(path);
  switch (e.keyword) {
    case 'required': {
      const missing = String(p.missingProperty);
      return { ...issue('SchemaRequired', `${name([...path, missing])} is required`, path), prefer: 'key' };
    }
    case 'enum':
    case 'const': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [JSON.stringify(p.allowedValue)];
      const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
      const list = allowed.length === 1 ? `must be ${allowed[0] ?? ''}` : `must be one of ${allowed.join(', ')}`;
      return issue('SchemaEnum', `${at} ${list} (got ${showValue(value)})${guess === undefined ? '' : `; did you mean ${guess}?`}`, path);
    }
    case 'pattern':
      return issue('SchemaPattern', `${at} must be ${describePattern(String(p.pattern))} (got ${showValue(value)})`, path);
    case 'maximum':
      return issue('SchemaRange', `${at} must be at most ${String(p.limit)} (got ${showValue(value)})`, path);
    case 'minimum':
      return issue('SchemaRange', `${at} must be at least ${String(p.limit)} (got ${showValue(value)})`, path);
    case 'exclusiveMaximum':
      return issue('SchemaRange', `${at} must be less than ${String(p.limit)} (got ${showValue(value)})`, path);
    case 'exclusiveMinimum':
      return issue('SchemaRange', `${at} must be greater than ${String(p.limit)} (got ${showValue(value)})`, path);
    case 'maxLength':
      return issue('SchemaLength', `${at} must be at most ${plural(Number(p.limit), 'character')} long (got ${typeof value === 'string' ? value.length : '?'})`, path);
    case 'minLength':
      return issue('SchemaLength', Number(p.limit) === 1 ? `${at} must not be empty` : `${at} must be at least ${plural(Number(p.limit), 'character')} long (got ${typeof value === 'string' ? value.length : '?'})`, path);
    case 'maxItems':
      return issue('SchemaMaxItems', `${at} must have at most ${plural(Number(p.limit), 'entry', 'entries')} (got ${Array.isArray(value) ? value.length : '?'})`, path);
    case 'minItems':
      return issue('SchemaMinItems', `${at} must have at least ${plural(Number(p.limit), 'entry', 'entries')} (got ${Array.isArray(value) ? value.length : '?'})`, path);
    case 'maxProperties':
      return issue('SchemaMaxItems', `${at} must have at most ${plural(Number(p.limit), 'entry', 'entries')} (got ${countKeys(value)})`, path);
    case 'minProperties':
      return issue('SchemaMinItems', `${at} must have at least ${plural(Number(p.limit), 'entry', 'entries')} (got ${countKeys(value)})`, path);
    case 'uniqueItems':
      return issue('SchemaUnique', `${at} has the same value at [${String(p.j)}] and [${String(p.i)}]; the values must be unique`, path);
    case 'format':
      return issue('SchemaFormat', `${at} must be ${FORMATS[String(p.format)] ?? `in the ${String(p.format)} format`} (got ${showValue(value)})`, path);
    case 'oneOf':
      return { ...issue('SchemaInvalid', oneOfMessage(at, path, value, oneOfGroups), path), prefer: 'key' };
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      return { code: 'UnknownField', severity: 'warning', message: `unknown field "${name([...path, key])}"`, path: [...path, key], prefer: 'key' };
    }
    default:
      return issue('SchemaInvalid', `${at} is not valid (${e.keyword})`, path);
  }
}

function oneOfMessage(at: string, path: readonly PathSegment[], value: unknown, oneOfGroups: (path: readonly PathSegment[]) => readonly (readonly string[])[]): string {
  const present = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  for (const group of oneOfGroups(path)) {
    const found = group.filter((k) => present.includes(k));
    if (found.length > 1) return `${at} sets ${found.map((k) => quote(k)).join(' and ')}: set only one of ${group.join(', ')}`;
  }
  return `${at} must match exactly one of its allowed forms`;
}

const FORMATS: { readonly [format: string]: string } = {
  int32: 'a 32-bit integer',
  int64: 'a 64-bit integer',
  double: 'a number',
  byte: 'base64-encoded data',
  'date-time': 'an RFC 3339 date-time such as 2024-01-31T12:00:00Z',
};

function issue(code: SchemaCode, message: string, path: PathSegment[]): SchemaIssue {
  return { code, severity: 'error', message, path };
}

/** The field's path as a person reads it; the document itself is "the object". */
function name(path: readonly PathSegment[]): string {
  return path.length === 0 ? 'the object' : formatPath(path);
}

function typesOf(t: unknown): string[] {
  if (Array.isArray(t)) return t.map(String);
  return typeof t === 'string' ? t.split(',') : [];
}

function acceptsType(v: unknown, types: readonly string[]): boolean {
  return types.some((t) => {
    switch (t) {
      case 'integer':
        return Number.isInteger(v);
      case 'number':
        return typeof v === 'number';
      case 'array':
        return Array.isArray(v);
      case 'object':
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      case 'null':
        return v === null;
      default:
        return typeof v === t;
    }
  });
}

function isInside(path: readonly PathSegment[], pointer: string): boolean {
  const outer = pathFromPointer(pointer);
  return path.length > outer.length && outer.every((seg, i) => path[i] === seg);
}

function countKeys(v: unknown): string {
  return v !== null && typeof v === 'object' ? String(Object.keys(v).length) : '?';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
