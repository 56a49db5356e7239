import type { FieldPath } from '../../resources/path.js';
import { isRecord, type KubeObject } from '../../resources/types.js';
import { record, records } from '../cel/helpers.js';

/** One user regular expression in a resource: where it is written and which dialect's rules apply. */
export interface RegexField {
  readonly pattern: string;
  /** The path of the string itself (the diagnostic lands on the value). */
  readonly path: FieldPath;
  readonly dialect: 'gateway-api' | 'istio';
}

/**
 * The RegularExpression matches of an HTTPRoute or GRPCRoute (gateway-api.md §4.2–§4.4, §7):
 * HTTPRoute `matches[].path`, `headers[]`, `queryParams[]` of type RegularExpression; GRPCRoute
 * `matches[].method.service`/`.method` (type RegularExpression) and `headers[]`.
 */
export function* gatewayApiRegexes(obj: KubeObject, kind: string): Generator<RegexField> {
  for (const rule of records(record(obj.spec), ['spec'], 'rules')) {
    for (const m of records(rule.item, rule.path, 'matches')) {
      if (kind === 'HTTPRoute') {
        const path = record(m.item.path);
        if (path?.type === 'RegularExpression') yield* valueOf(path, [...m.path, 'path'], 'value');
        for (const key of ['headers', 'queryParams']) {
          for (const h of records(m.item, m.path, key)) if (h.item.type === 'RegularExpression') yield* valueOf(h.item, h.path, 'value');
        }
      } else {
        const method = record(m.item.method);
        if (method?.type === 'RegularExpression') for (const part of ['service', 'method']) yield* valueOf(method, [...m.path, 'method'], part);
        for (const h of records(m.item, m.path, 'headers')) if (h.item.type === 'RegularExpression') yield* valueOf(h.item, h.path, 'value');
      }
    }
  }
}

function* valueOf(o: KubeObject, path: FieldPath, key: string): Generator<RegexField> {
  const v = o[key];
  if (typeof v === 'string') yield { pattern: v, path: [...path, key], dialect: 'gateway-api' };
}

/**
 * The `regex` StringMatches of a VirtualService's `http[]` that istiod validates
 * (istio/istio pkg/config/validation/virtualservice.go validateHTTPRouteMatchRequest,
 * validateHTTPRewrite, validateCORSPolicy): `match[].uri`, `scheme`, `method`, `authority`,
 * `headers.*`, `withoutHeaders.*` (where `regex: "*"` is the presence check, not a regex),
 * `queryParams.*`; `rewrite.uriRegexRewrite.match`; `corsPolicy.allowOrigins[]`.
 */
export function* istioRegexes(obj: KubeObject): Generator<RegexField> {
  for (const rule of records(record(obj.spec), ['spec'], 'http')) {
    for (const m of records(rule.item, rule.path, 'match')) {
      for (const key of ['uri', 'scheme', 'method', 'authority']) yield* regexOf(m.item[key], [...m.path, key]);
      for (const key of ['headers', 'withoutHeaders', 'queryParams']) {
        const map = record(m.item[key]);
        for (const [name, sm] of Object.entries(map ?? {})) {
          if (key === 'withoutHeaders' && isRecord(sm) && sm.regex === '*') continue;
          yield* regexOf(sm, [...m.path, key, name]);
        }
      }
    }
    const rewrite = record(record(rule.item.rewrite)?.uriRegexRewrite);
    if (typeof rewrite?.match === 'string') yield { pattern: rewrite.match, path: [...rule.path, 'rewrite', 'uriRegexRewrite', 'match'], dialect: 'istio' };
    for (const o of records(rule.item, rule.path, 'corsPolicy', 'allowOrigins')) yield* regexOf(o.item, o.path);
  }
}

function* regexOf(sm: unknown, path: FieldPath): Generator<RegexField> {
  if (isRecord(sm) && typeof sm.regex === 'string') yield { pattern: sm.regex, path: [...path, 'regex'], dialect: 'istio' };
}
