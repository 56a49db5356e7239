import { formatPath, type PathSegment } from '../../resources/path.js';
import { isRecord, type Resource } from '../../resources/types.js';
import type { ApiServerIssue } from './codes.js';
import { showText } from './dns.js';

/**
 * Header values that cannot be sent. A header value is printable characters separated by
 * spaces or tabs (RFC 7230 §3.2 field-value); a CR or LF would end the header and forge another.
 *
 * - Gateway API (HTTPHeader `value` in Request/ResponseHeaderModifier `add`/`set`, and HTTPRoute
 *   header match values): the v1.6.1 experimental-channel CRDs give the field the pattern
 *   `^[!-~]+([\t ]?[!-~]+)*$` (apis/v1/httproute_types.go HTTPHeader.Value); the standard
 *   channel has no pattern, but a proxy refuses a value holding control characters. So a control
 *   character is an error; anything else the pattern refuses (leading, trailing or doubled
 *   whitespace, non-ASCII) is a warning. The repository's own
 *   `hack/invalid-examples/experimental/httproute/invalid-header-value.yaml` is of the first kind.
 * - Istio VirtualService `headers.request|response.add|set` (rule and destination): istiod's
 *   webhook refuses control characters but tab (istio `pkg/config/validation/validation.go`
 *   ValidateHTTPHeaderValue, `^[^\u0000-\u0008\u000A-\u001F\u007F]*$`).
 */
export function headerValueIssues(resource: Resource, out: ApiServerIssue[]): void {
  const spec = resource.object.spec;
  if (!isRecord(spec)) return;
  if (resource.family === 'gateway-api' && (resource.kind === 'HTTPRoute' || resource.kind === 'GRPCRoute')) {
    // Plain loops; a value's path is built only for a report: this runs on every route of a design.
    const rules = list(spec.rules);
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i];
      filterValues(get(rule, 'filters'), ['spec', 'rules', i, 'filters'], out);
      const refs = list(get(rule, 'backendRefs'));
      for (let b = 0; b < refs.length; b++) filterValues(get(refs[b], 'filters'), ['spec', 'rules', i, 'backendRefs', b, 'filters'], out);
      if (resource.kind !== 'HTTPRoute') continue;
      const matches = list(get(rule, 'matches'));
      for (let m = 0; m < matches.length; m++) {
        const headers = list(get(matches[m], 'headers'));
        for (let h = 0; h < headers.length; h++) {
          const value = get(headers[h], 'value');
          if (isBad(value)) reportGatewayValue(value, ['spec', 'rules', i, 'matches', m, 'headers', h, 'value'], out);
        }
      }
    }
  } else if (resource.family === 'istio' && resource.kind === 'VirtualService') {
    const https = list(spec.http);
    for (let i = 0; i < https.length; i++) {
      istioHeaders(get(https[i], 'headers'), ['spec', 'http', i, 'headers'], out);
      const routes = list(get(https[i], 'route'));
      for (let r = 0; r < routes.length; r++) istioHeaders(get(routes[r], 'headers'), ['spec', 'http', i, 'route', r, 'headers'], out);
    }
  }
}

const MODIFIERS = ['requestHeaderModifier', 'responseHeaderModifier'] as const;
const OPS = ['add', 'set'] as const;

/** `at`: the path of `filters` (read only when reporting). */
function filterValues(filters: unknown, at: readonly PathSegment[], out: ApiServerIssue[]): void {
  const items = list(filters);
  for (let f = 0; f < items.length; f++) {
    for (const modifier of MODIFIERS) {
      const m = get(items[f], modifier);
      if (m === undefined) continue;
      for (const op of OPS) {
        const headers = list(get(m, op));
        for (let k = 0; k < headers.length; k++) {
          const value = get(headers[k], 'value');
          if (isBad(value)) reportGatewayValue(value, [...at, f, modifier, op, k, 'value'], out);
        }
      }
    }
  }
}

function istioHeaders(headers: unknown, at: readonly PathSegment[], out: ApiServerIssue[]): void {
  if (!isRecord(headers)) return;
  for (const direction of ['request', 'response']) {
    const ops = headers[direction];
    if (!isRecord(ops)) continue;
    for (const op of ['add', 'set']) {
      const map = ops[op];
      if (!isRecord(map)) continue;
      for (const name in map) {
        const value = map[name];
        if (typeof value !== 'string') continue;
        const control = firstControl(value);
        if (control === undefined) continue;
        const path = [...at, direction, op, name];
        out.push({ code: 'HeaderValueInvalid', severity: 'error', message: `${formatPath(path)} ${showText(value)} holds ${control}: istiod refuses a header value with control characters other than tab${fixed(value)}`, path });
      }
    }
  }
}

/**
 * The experimental CRD's HTTPHeader.Value pattern `^[!-~]+([\t ]?[!-~]+)*$` — printable ASCII
 * words separated by single spaces or tabs — decided in one pass (as a JavaScript regex that
 * pattern backtracks exponentially on a long value that fails).
 */
function matchesValuePattern(value: string): boolean {
  let blank = true; // at the start, or after a space or tab
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x21 && c <= 0x7e) blank = false;
    else if ((c === 0x20 || c === 0x09) && !blank) blank = true;
    else return false;
  }
  return !blank;
}

/** A non-empty string value the pattern refuses (an empty one is SchemaLength's). */
function isBad(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && !matchesValuePattern(value);
}

function reportGatewayValue(value: string, path: PathSegment[], out: ApiServerIssue[]): void {
  const control = firstControl(value);
  const field = formatPath(path);
  if (control !== undefined) {
    out.push({ code: 'HeaderValueInvalid', severity: 'error', message: `${field} ${showText(value)} holds ${control}: a header value cannot hold control characters (RFC 7230 §3.2; the experimental-channel CRD refuses it and a proxy cannot send it)${fixed(value)}`, path });
    return;
  }
  const why = /^[\t ]|[\t ]$/.test(value) ? 'starts or ends with whitespace' : /[\t ]{2}/.test(value) ? 'has whitespace runs longer than one character' : 'holds characters outside printable ASCII';
  out.push({ code: 'HeaderValueInvalid', severity: 'warning', message: `${field} ${showText(value)} ${why}: the experimental-channel CRD takes only printable ASCII separated by single spaces or tabs${fixed(value)}`, path });
}

const NAMES: { readonly [c: string]: string } = { '\n': 'a line feed (LF)', '\r': 'a carriage return (CR)', '\u0000': 'a NUL character' };

const isControl = (c: number): boolean => (c < 0x20 && c !== 0x09) || c === 0x7f;

/** The first control character but tab (C0 and DEL), named, with its 1-based position. */
function firstControl(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (!isControl(code)) continue;
    const c = value.charAt(i);
    return `${NAMES[c] ?? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`} at character ${i + 1}`;
  }
  return undefined;
}

/** "— e.g. `…`": the value with each run of control characters and whitespace as one space, trimmed. */
function fixed(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const blank = isControl(code) || code === 0x09 || code === 0x20;
    if (!blank) out += value.charAt(i);
    else if (out !== '' && !out.endsWith(' ')) out += ' ';
  }
  out = out.trimEnd();
  return out === '' || out === value || !matchesValuePattern(out) ? '' : ` — e.g. ${showText(out)}`;
}

const NONE: readonly unknown[] = [];

/** The array `v`, or none. */
function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : NONE;
}

/** `o[key]` when `o` is an object. */
function get(o: unknown, key: string): unknown {
  return isRecord(o) ? o[key] : undefined;
}
