import { getAt } from '../resources/path.js';
import { isRecord, type KubeObject } from '../resources/types.js';
import { appendItem } from './fields.js';

/**
 * Rule, match and filter edits of an HTTPRoute (and the rule list of every Gateway API route).
 * New entries are valid as they are, so a click never produces an invalid document.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#httprouterule
 */
export const HTTP_FILTER_TYPES = ['RequestHeaderModifier', 'ResponseHeaderModifier', 'URLRewrite', 'RequestRedirect', 'RequestMirror'] as const;
export type HttpFilterType = (typeof HTTP_FILTER_TYPES)[number];

export const PATH_MATCH_TYPES = ['PathPrefix', 'Exact', 'RegularExpression'] as const;
export const HEADER_MATCH_TYPES = ['Exact', 'RegularExpression'] as const;
export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const rulePath = (rule: number) => ['spec', 'rules', rule] as const;

/** A new rule: HTTPRoute matches every path; an L4 route copies the first rule's backends (they are required). */
export function addRule(object: KubeObject): KubeObject {
  const kind = object.kind;
  const first = list(getAt(object, ['spec', 'rules']))[0];
  let rule: KubeObject = {};
  if (kind === 'HTTPRoute') rule = { matches: [{ path: { type: 'PathPrefix', value: '/' } }] };
  else if (kind !== 'GRPCRoute' && isRecord(first) && Array.isArray(first.backendRefs)) rule = { backendRefs: first.backendRefs };
  return appendItem(object, ['spec', 'rules'], rule);
}

export function addMatch(object: KubeObject, rule: number): KubeObject {
  return appendItem(object, [...rulePath(rule), 'matches'], { path: { type: 'PathPrefix', value: '/' } });
}

/** A header match with a name the match does not test yet (`x-canary`, `x-canary-2`…). */
export function addHeaderMatch(object: KubeObject, rule: number, match: number): KubeObject {
  const at = [...rulePath(rule), 'matches', match, 'headers'] as const;
  const taken = new Set(list(getAt(object, at)).map((h) => (isRecord(h) && typeof h.name === 'string' ? h.name.toLowerCase() : '')));
  let name = 'x-canary';
  for (let n = 2; taken.has(name); n++) name = `x-canary-${n}`;
  return appendItem(object, at, { name, value: 'true' });
}

export function addQueryMatch(object: KubeObject, rule: number, match: number): KubeObject {
  return appendItem(object, [...rulePath(rule), 'matches', match, 'queryParams'], { name: 'version', value: 'v2' });
}

/** A filter of `type` with a valid default; a mirror copies the rule's first backend. */
export function addFilter(object: KubeObject, rule: number, type: HttpFilterType): KubeObject {
  const r = getAt(object, rulePath(rule));
  const routeName = String(isRecord(object.metadata) ? object.metadata.name : 'route');
  const firstBackend = isRecord(r) ? list(r.backendRefs).find(isRecord) : undefined;
  return appendItem(object, [...rulePath(rule), 'filters'], defaultFilter(type, routeName, isRecord(r) ? r : {}, firstBackend));
}

function defaultFilter(type: HttpFilterType, routeName: string, rule: KubeObject, backend: KubeObject | undefined): KubeObject {
  switch (type) {
    case 'RequestHeaderModifier':
      return { type, requestHeaderModifier: { set: [{ name: 'x-route', value: routeName }] } };
    case 'ResponseHeaderModifier':
      return { type, responseHeaderModifier: { add: [{ name: 'x-served-by', value: routeName }] } };
    case 'URLRewrite': {
      // ReplacePrefixMatch needs exactly one PathPrefix match (CEL); otherwise rewrite the host.
      const matches = list(rule.matches);
      const onePrefix = matches.length === 1 && isRecord(matches[0]) && isRecord(matches[0].path) && matches[0].path.type === 'PathPrefix';
      return onePrefix ? { type, urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } } : { type, urlRewrite: { hostname: 'backend.internal' } };
    }
    case 'RequestRedirect':
      return { type, requestRedirect: { scheme: 'https', statusCode: 301 } };
    case 'RequestMirror': {
      // A Service reference needs its port (CEL: RouteBackendRefPortRequired).
      const ref: KubeObject = { name: typeof backend?.name === 'string' ? backend.name : 'backend', port: typeof backend?.port === 'number' ? backend.port : 8080 };
      return { type, requestMirror: { backendRef: ref } };
    }
  }
}
