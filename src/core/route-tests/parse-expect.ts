/**
 * A case's `expect` → Expectation. Each field is optional; a case that expects nothing is refused
 * (it would always pass). Backends are `NS/NAME` or `{name: NS/NAME, kind, port, subset, share}`;
 * a share is a probability written as 0.9, "90%" or "9/10".
 */
import { isScalar, type Node as YamlNode } from 'yaml';
import { round } from '../simulate/outcomes.js';
import { NS_NAME, stringMap } from './parse-witness.js';
import type { BackendExpectation, Expectation } from './types.js';
import type { Field, TestsReader, Value } from './yaml-reader.js';

const EXPECT_FIELDS = ['status', 'route', 'backend', 'backends', 'redirect', 'path', 'host', 'headers', 'absentHeaders'] as const;
const BACKEND_FIELDS = ['name', 'kind', 'port', 'subset', 'share'] as const;

/**
 * Status names the simulator answers besides HTTP codes: gRPC's codes (grpc/grpc doc/statuscodes.md)
 * and the L4 outcomes (simulate/types.ts Outcome.status).
 */
export const STATUS_NAMES: readonly string[] = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED', 'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
  'CONNECTED', 'REJECTED', 'DELIVERED', 'DROPPED',
];

export function parseExpectation(reader: TestsReader, field: Field): Expectation | null {
  const before = reader.diagnostics.length;
  const f = reader.fields(field.value, 'expect', EXPECT_FIELDS, field.key);
  if (!f) return null;
  const out: { -readonly [K in keyof Expectation]: Expectation[K] } = {};
  const str = (name: 'redirect' | 'path' | 'host'): void => {
    const g = f.get(name);
    const v = g ? reader.string(g.value, `expect.${name}`, g.key) : null;
    if (v !== null) out[name] = v;
  };
  const status = f.get('status');
  if (status) {
    const v = reader.scalar(status.value, 'expect.status', status.key);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599) out.status = v;
    else if (typeof v === 'string' && STATUS_NAMES.includes(v)) out.status = v;
    else if (v !== null) reader.report('TestInvalidValue', `expect.status is an HTTP status (100-599) or one of ${STATUS_NAMES.join(', ')}, not ${JSON.stringify(v)}`, reader.range(status.value, status.key));
  }
  const route = f.get('route');
  if (route) {
    const v = reader.string(route.value, 'expect.route', route.key);
    if (v !== null && !NS_NAME.test(v)) reader.report('TestInvalidValue', `expect.route: expected NS/NAME, not ${JSON.stringify(v)}`, reader.range(route.value, route.key));
    else if (v !== null) out.route = v;
  }
  const one = f.get('backend');
  const many = f.get('backends');
  if (one && many) reader.report('TestInvalidValue', 'write backend (the only one) or backends (all of them), not both', reader.range(one.key));
  else if (one) {
    const b = parseBackend(reader, one.value, 'expect.backend', one.key);
    if (b) out.backends = [b];
  } else if (many) {
    const items = reader.items(many.value, 'expect.backends', many.key);
    const list = (items ?? []).map((item, i) => parseBackend(reader, item, `expect.backends[${i}]`, many.key));
    if (items) out.backends = list.filter((b): b is BackendExpectation => b !== null);
  }
  str('redirect');
  str('path');
  str('host');
  const headers = stringMap(reader, f.get('headers'), 'expect.headers');
  if (headers) out.headers = headers;
  const absent = f.get('absentHeaders');
  if (absent) {
    const items = reader.items(absent.value, 'expect.absentHeaders', absent.key) ?? [];
    const names = items.map((item) => reader.string(item, 'a name in expect.absentHeaders', absent.key));
    out.absentHeaders = names.filter((n): n is string => n !== null);
  }
  if (reader.diagnostics.length > before) return null;
  if (f.size === 0) {
    reader.report('TestInvalidValue', `expect checks nothing: write at least one of ${EXPECT_FIELDS.join(', ')}`, reader.range(field.value, field.key));
    return null;
  }
  return out;
}

function parseBackend(reader: TestsReader, node: Value, what: string, at: YamlNode): BackendExpectation | null {
  const n = reader.deref(node);
  const isText = isScalar(n) && typeof n.value === 'string';
  const f = isText ? null : reader.fields(n, what, BACKEND_FIELDS, at);
  if (!isText && !f) return null;
  const nameField = f?.get('name');
  if (f && !nameField) {
    reader.report('TestMissingField', `${what} needs name: NS/NAME`, reader.range(n, at));
    return null;
  }
  const text = isText ? reader.string(n, what, at) : nameField ? reader.string(nameField.value, `${what}.name`, nameField.key) : null;
  if (text === null) return null;
  const m = NS_NAME.exec(text);
  if (!m) {
    reader.report('TestInvalidValue', `${what}: expected NS/NAME (e.g. shop/cart-v1), not ${JSON.stringify(text)}`, reader.range(nameField?.value ?? n, nameField?.key ?? at));
    return null;
  }
  const out: { -readonly [K in keyof BackendExpectation]: BackendExpectation[K] } = { namespace: m[1] ?? '', name: m[3] ?? '' };
  const kind = f?.get('kind');
  const kindText = kind ? reader.string(kind.value, `${what}.kind`, kind.key) : null;
  if (kindText !== null) out.kind = kindText;
  const subset = f?.get('subset');
  const subsetText = subset ? reader.string(subset.value, `${what}.subset`, subset.key) : null;
  if (subsetText !== null) out.subset = subsetText;
  const port = f?.get('port');
  if (port) {
    const v = reader.scalar(port.value, `${what}.port`, port.key);
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535) out.port = v;
    else if (v !== null) reader.report('TestInvalidValue', `${what}.port is a port number (1-65535), not ${JSON.stringify(v)}`, reader.range(port.value, port.key));
  }
  const share = f?.get('share');
  if (share) {
    const v = readShare(reader.scalar(share.value, `${what}.share`, share.key));
    if (typeof v === 'number') out.share = v;
    else if (v !== null) reader.report('TestInvalidValue', `${what}.share is a probability from 0 to 1, written 0.9, "90%" or "9/10", not ${JSON.stringify(v.text)}`, reader.range(share.value, share.key));
  }
  return out;
}

/** 0.9, "90%", "9/10" → 0.9 (rounded as the simulator rounds shares); out of range or unreadable → { text }. */
export function readShare(v: number | string | null): number | { text: string | number } | null {
  if (v === null) return null;
  let p = Number.NaN;
  if (typeof v === 'number') p = v;
  else {
    const percent = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(v);
    const ratio = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
    if (percent) p = Number(percent[1]) / 100;
    else if (ratio && Number(ratio[2]) > 0) p = Number(ratio[1]) / Number(ratio[2]);
  }
  return Number.isFinite(p) && p >= 0 && p <= 1 ? round(p) : { text: v };
}
