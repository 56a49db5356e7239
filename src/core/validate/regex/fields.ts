import type { FieldPath } from '../../resources/path.js';
import { isRecord, type KubeObject } from '../../resources/types.js';
import { list, record, records } from '../cel/helpers.js';

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
export function gatewayApiRegexes(obj: KubeObject, kind: string): RegexField[] {
  // Plain loops into one array; a path is built only for a regex found: this runs on every route of a design.
  const out: RegexField[] = [];
  const rules = list(record(obj.spec)?.rules);
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (!isRecord(rule)) continue;
    const matches = list(rule.matches);
    for (let j = 0; j < matches.length; j++) {
      const m = matches[j];
      if (!isRecord(m)) continue;
      if (kind === 'HTTPRoute') {
        const path = record(m.path);
        if (path?.type === 'RegularExpression') pushValue(path, ['spec', 'rules', r, 'matches', j, 'path'], 'value', out);
        regexItems(m.headers, ['spec', 'rules', r, 'matches', j, 'headers'], out);
        regexItems(m.queryParams, ['spec', 'rules', r, 'matches', j, 'queryParams'], out);
      } else {
        const method = record(m.method);
        if (method?.type === 'RegularExpression') {
          pushValue(method, ['spec', 'rules', r, 'matches', j, 'method'], 'service', out);
          pushValue(method, ['spec', 'rules', r, 'matches', j, 'method'], 'method', out);
        }
        regexItems(m.headers, ['spec', 'rules', r, 'matches', j, 'headers'], out);
      }
    }
  }
  return out;
}

/** The `value` of each RegularExpression item (header or query param match) of the list at `path`. */
function regexItems(items: unknown, path: FieldPath, out: RegexField[]): void {
  if (!Array.isArray(items)) return;
  for (let i = 0; i < items.length; i++) {
    const h: unknown = items[i];
    if (isRecord(h) && h.type === 'RegularExpression') pushValue(h, [...path, i], 'value', out);
  }
}

function pushValue(o: KubeObject, path: FieldPath, key: string, out: RegexField[]): void {
  const v = o[key];
  if (typeof v === 'string') out.push({ pattern: v, path: [...path, key], dialect: 'gateway-api' });
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
