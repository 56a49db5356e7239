import { formatPath, type PathSegment } from '../../resources/path.js';
import { isRecord, type KubeObject, type Resource } from '../../resources/types.js';
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
    for (const [i, rule] of items(spec.rules)) {
      const at: PathSegment[] = ['spec', 'rules', i];
      filterValues(rule.filters, [...at, 'filters'], out);
      for (const [b, ref] of items(rule.backendRefs)) filterValues(ref.filters, [...at, 'backendRefs', b, 'filters'], out);
      if (resource.kind !== 'HTTPRoute') continue;
      for (const [m, match] of items(rule.matches)) {
        for (const [h, header] of items(match.headers)) gatewayValue(header.value, [...at, 'matches', m, 'headers', h, 'value'], out);
      }
    }
  } else if (resource.family === 'istio' && resource.kind === 'VirtualService') {
    for (const [i, http] of items(spec.http)) {
      istioHeaders(http.headers, ['spec', 'http', i, 'headers'], out);
      for (const [r, route] of items(http.route)) istioHeaders(route.headers, ['spec', 'http', i, 'route', r, 'headers'], out);
    }
  }
}

function filterValues(filters: unknown, at: PathSegment[], out: ApiServerIssue[]): void {
  for (const [f, filter] of items(filters)) {
    for (const modifier of ['requestHeaderModifier', 'responseHeaderModifier']) {
      const m = filter[modifier];
      if (!isRecord(m)) continue;
      for (const op of ['add', 'set']) {
        for (const [k, header] of items(m[op])) gatewayValue(header.value, [...at, f, modifier, op, k, 'value'], out);
      }
    }
  }
}

function istioHeaders(headers: unknown, at: PathSegment[], out: ApiServerIssue[]): void {
  if (!isRecord(headers)) return;
  for (const direction of ['request', 'response']) {
    const ops = headers[direction];
    if (!isRecord(ops)) continue;
    for (const op of ['add', 'set']) {
      const map = ops[op];
      if (!isRecord(map)) continue;
      for (const [name, value] of Object.entries(map)) {
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
 * The experimental CRD's HTTPHeader.Value pattern `^[!-~]+([\t ]?[!-~]+)*$`, tested in linear
 * time (as a JavaScript regex that pattern backtracks exponentially on a long value that fails).
 */
function matchesValuePattern(value: string): boolean {
  return value !== '' && /^[\t !-~]*$/.test(value) && !/^[\t ]|[\t ]$|[\t ]{2}/.test(value);
}

function gatewayValue(value: unknown, path: PathSegment[], out: ApiServerIssue[]): void {
  if (typeof value !== 'string' || value === '' || matchesValuePattern(value)) return;
  const control = firstControl(value);
  const at = formatPath(path);
  if (control !== undefined) {
    out.push({ code: 'HeaderValueInvalid', severity: 'error', message: `${at} ${showText(value)} holds ${control}: a header value cannot hold control characters (RFC 7230 §3.2; the experimental-channel CRD refuses it and a proxy cannot send it)${fixed(value)}`, path });
    return;
  }
  const why = /^[\t ]|[\t ]$/.test(value) ? 'starts or ends with whitespace' : /[\t ]{2}/.test(value) ? 'has whitespace runs longer than one character' : 'holds characters outside printable ASCII';
  out.push({ code: 'HeaderValueInvalid', severity: 'warning', message: `${at} ${showText(value)} ${why}: the experimental-channel CRD takes only printable ASCII separated by single spaces or tabs${fixed(value)}`, path });
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

function* items(list: unknown): Generator<[number, KubeObject]> {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (isRecord(item)) yield [i, item];
  }
}
