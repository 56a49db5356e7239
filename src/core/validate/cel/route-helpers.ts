import type { FieldPath } from '../../resources/path.js';
import { isRecord, type KubeObject } from '../../resources/types.js';
import { defineRule, has, list, num, optionalName, record, records, text, textOr, type SectionRef } from './helpers.js';
import type { CelRule } from './rule.js';

/** Readers and rule factories shared by the route kinds' CEL rules (gateway-api.md §11.4, §11.5). */

/**
 * The readers below are asked the same question by dozens of rules per object: each walks the
 * object once and keeps the answer for the others (objects are never mutated while validated).
 * Validation runs every rule of one object before the next, so the last object's answer is all
 * there is to keep — a WeakMap per reader held 10,000 objects' answers for the GC to trace.
 */
function perObject<T>(walk: (obj: KubeObject) => Iterable<T>): (obj: KubeObject) => readonly T[] {
  let last: KubeObject | undefined;
  let found: readonly T[] = [];
  return (obj) => {
    if (obj !== last) {
      found = [...walk(obj)];
      last = obj;
    }
    return found;
  };
}

/** `spec.rules[]` of a route. */
export const routeRules = perObject((obj) => records(record(obj.spec), ['spec'], 'rules'));

/** Every filter list of an HTTPRoute or GRPCRoute: `rules[].filters` and `rules[].backendRefs[].filters`. */
export const filterLists = perObject(function* (obj): Generator<{ filters: readonly unknown[]; path: FieldPath }> {
  for (const rule of routeRules(obj)) {
    if (Array.isArray(rule.item.filters)) yield { filters: rule.item.filters, path: [...rule.path, 'filters'] };
    for (const ref of records(rule.item, rule.path, 'backendRefs')) {
      if (Array.isArray(ref.item.filters)) yield { filters: ref.item.filters, path: [...ref.path, 'filters'] };
    }
  }
});

/** Every filter object of an HTTPRoute or GRPCRoute, rule-level and backendRef-level. */
export const routeFilters = perObject(function* (obj): Generator<{ item: KubeObject; path: FieldPath }> {
  for (const { filters, path } of filterLists(obj)) {
    for (let i = 0; i < filters.length; i++) {
      const item = filters[i];
      if (isRecord(item)) yield { item, path: [...path, i] };
    }
  }
});

/** The string items of `spec.hostnames` with their paths. */
export function* hostnames(obj: KubeObject): Generator<{ hostname: string; path: FieldPath }> {
  const items = list(record(obj.spec)?.hostnames);
  for (let i = 0; i < items.length; i++) {
    const hostname = items[i];
    if (typeof hostname === 'string') yield { hostname, path: ['spec', 'hostnames', i] };
  }
}

/** RFC 1123 DNS subdomain, lower case, as TLSRoute's hostname rules spell it. */
export const RFC1123_RE = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)$/;

export const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

/**
 * `spec.parentRefs[]` with the parent each names after defaulting (group
 * `gateway.networking.k8s.io`, kind `Gateway`). The namespace is not defaulted: an unset (or empty)
 * namespace equals only another unset one, never the route's own namespace spelled out. A port of
 * 0 counts as unset, as the experimental rules say; a ref whose port is not a number is skipped.
 */
export const parentRefs = perObject(function* (obj): Generator<SectionRef> {
  for (const { item, path } of records(record(obj.spec), ['spec'], 'parentRefs')) {
    const group = textOr(item, 'group', 'gateway.networking.k8s.io');
    const kind = textOr(item, 'kind', 'Gateway');
    const name = text(item.name);
    const namespace = optionalName(item, 'namespace');
    const sectionName = optionalName(item, 'sectionName');
    const port = has(item, 'port') ? num(item.port) : 0;
    if (group === undefined || kind === undefined || name === undefined || namespace === undefined || sectionName === undefined || port === undefined) continue;
    yield { path, target: JSON.stringify([group, kind, namespace, name]), sectionName, port: port === 0 ? '' : String(port) };
  }
});

/**
 * Whether an HTTPRoute rule has exactly one match and it is a PathPrefix match, after defaulting
 * (absent `matches`, absent `path` and absent `path.type` all default to PathPrefix). An explicit
 * `matches: []` is not defaulted. `undefined` when the shape is wrong.
 */
export function hasSinglePathPrefixMatch(rule: KubeObject): boolean | undefined {
  if (!has(rule, 'matches')) return true;
  if (!Array.isArray(rule.matches)) return undefined;
  if (rule.matches.length !== 1) return false;
  const match = record(rule.matches[0]);
  if (!match) return undefined;
  if (!has(match, 'path')) return true;
  const path = record(match.path);
  return path ? textOr(path, 'type', 'PathPrefix') === 'PathPrefix' : undefined;
}

/** Rule factory: at most one filter of `type` in each filter list (rule-level and backendRef-level). */
export function filterNotRepeated<const C extends string>(code: C, kinds: readonly string[], type: string, message: string): CelRule & { readonly code: C } {
  return defineRule({
    code,
    kinds,
    message,
    field: 'spec.rules[].filters, spec.rules[].backendRefs[].filters',
    check(obj, report) {
      for (const { filters, path } of filterLists(obj)) {
        let seen = 0;
        filters.forEach((f, i) => {
          if (text(record(f)?.type) === type && ++seen > 1) report([...path, i, 'type']);
        });
      }
    },
  });
}

/** The `path` object of every RequestRedirect and URLRewrite filter (HTTPPathModifier). */
export const pathModifiers = perObject(function* (obj): Generator<{ item: KubeObject; path: FieldPath; type: string | undefined }> {
  for (const filter of routeFilters(obj)) {
    for (const field of ['requestRedirect', 'urlRewrite']) {
      const modifier = record(record(filter.item[field])?.path);
      if (modifier) yield { item: modifier, path: [...filter.path, field, 'path'], type: text(modifier.type) };
    }
  }
});

/**
 * The filters of `filters` that replace a prefix through `field` (CEL: `has(f.<field>.path) &&
 * path.type == 'ReplacePrefixMatch' && has(path.replacePrefixMatch)`), with their paths.
 */
export function prefixReplacingFilters(filters: unknown, path: FieldPath, field: 'requestRedirect' | 'urlRewrite'): FieldPath[] {
  const out: FieldPath[] = [];
  list(filters).forEach((f, i) => {
    const modifier = record(record(record(f)?.[field])?.path);
    if (modifier && modifier.type === 'ReplacePrefixMatch' && has(modifier, 'replacePrefixMatch')) out.push([...path, i, field, 'path']);
  });
  return out;
}

/**
 * Rule factory for the four "exactly one PathPrefix match" rules of an HTTPRoute rule (§11.4).
 * Faithful to the CRD's `exists_one`: the rule applies when exactly one filter (rule level) or
 * exactly one backendRef holding exactly one such filter (backend level) replaces a prefix; two or
 * more are left to the "cannot be repeated" rules, as the API server does.
 */
export function prefixMatchRule<const C extends string>(
  code: C,
  message: string,
  field: 'requestRedirect' | 'urlRewrite',
  level: 'rule' | 'backendRefs',
): CelRule & { readonly code: C } {
  return defineRule({
    code,
    kinds: ['HTTPRoute'],
    message,
    field: 'spec.rules[]',
    check(obj, report) {
      for (const rule of routeRules(obj)) {
        const hits =
          level === 'rule'
            ? prefixReplacingFilters(rule.item.filters, [...rule.path, 'filters'], field)
            : [...records(rule.item, rule.path, 'backendRefs')]
                .map((ref) => prefixReplacingFilters(ref.item.filters, [...ref.path, 'filters'], field))
                .filter((found) => found.length === 1)
                .flat();
        const [hit] = hits;
        if (hits.length === 1 && hit && hasSinglePathPrefixMatch(rule.item) === false) report(hit);
      }
    },
  });
}

/**
 * Rule factory for the HTTPRoute path-match rules that apply to Exact and PathPrefix values
 * (`spec.rules[].matches[].path`), after defaulting type PathPrefix and value `/`.
 */
export function pathMatchRule<const C extends string>(code: C, message: string, violates: (value: string) => boolean): CelRule & { readonly code: C } {
  return defineRule({
    code,
    kinds: ['HTTPRoute'],
    message,
    field: 'spec.rules[].matches[].path',
    check(obj, report) {
      for (const { item, path } of httpPathMatches(obj)) {
        const type = textOr(item, 'type', 'PathPrefix');
        const value = textOr(item, 'value', '/');
        if ((type === 'Exact' || type === 'PathPrefix') && value !== undefined && violates(value)) report([...path, 'value']);
      }
    },
  });
}

/** Every explicit `spec.rules[].matches[].path` object of an HTTPRoute (a defaulted one is valid). */
export const httpPathMatches = perObject(function* (obj): Generator<{ item: KubeObject; path: FieldPath }> {
  for (const rule of routeRules(obj)) {
    for (const match of records(rule.item, rule.path, 'matches')) {
      const path = record(match.item.path);
      if (path) yield { item: path, path: [...match.path, 'path'] };
    }
  }
});

/** Rule factory: a CORS list (`allowOrigins`, `allowMethods`, `allowHeaders`) holds `*` only alone. */
export function corsWildcardAloneRule<const C extends string>(code: C, field: string, message: string): CelRule & { readonly code: C } {
  return defineRule({
    code,
    kinds: ['HTTPRoute'],
    message,
    field: `spec.rules[].filters[].cors.${field}`,
    check(obj, report) {
      for (const filter of routeFilters(obj)) {
        const values = record(filter.item.cors)?.[field];
        if (Array.isArray(values) && values.includes('*') && values.length > 1) report([...filter.path, 'cors', field]);
      }
    },
  });
}

/** Every `spec.rules[].matches[].method` object of a GRPCRoute, with its type (default Exact). */
export const grpcMethodMatches = perObject(function* (obj): Generator<{ item: KubeObject; path: FieldPath; type: string | undefined }> {
  for (const rule of routeRules(obj)) {
    for (const match of records(rule.item, rule.path, 'matches')) {
      const method = record(match.item.method);
      if (method) yield { item: method, path: [...match.path, 'method'], type: textOr(method, 'type', 'Exact') };
    }
  }
});
