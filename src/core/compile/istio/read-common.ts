/**
 * Readers for the small Istio messages shared by several fields: StringMatch, Destination,
 * Headers, Percent. Lenient like ../read.ts: a wrong type reads as absent (the validator reports it).
 */
import { arr, num, rec, str } from '../read.js';
import type { DestinationModel, HeaderOps, HeadersModel, IstioStringMatch } from './model.js';
import { resolveShortHost } from './names.js';

/** `StringMatch`; `{}` and `regex: "*"` are presence checks (route.go canBeConvertedToPresentMatch). */
export function readStringMatch(v: unknown): IstioStringMatch | null {
  if (v === undefined || v === null) return null;
  const m = rec(v);
  const exact = str(m.exact);
  if (exact !== null) return { kind: 'exact', value: exact };
  const prefix = str(m.prefix);
  if (prefix !== null) return { kind: 'prefix', value: prefix };
  const regex = str(m.regex);
  if (regex !== null) return regex === '*' ? { kind: 'any' } : { kind: 'regex', value: regex };
  return { kind: 'any' };
}

export function readStringMatchMap(v: unknown, lowerCaseKeys: boolean): Map<string, IstioStringMatch> {
  const out = new Map<string, IstioStringMatch>();
  for (const [k, raw] of Object.entries(rec(v))) {
    out.set(lowerCaseKeys ? k.toLowerCase() : k, readStringMatch(raw ?? {}) ?? { kind: 'any' });
  }
  return out;
}

export function readStringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, raw] of Object.entries(rec(v))) if (typeof raw === 'string') out[k] = raw;
  return out;
}

export function readStrings(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string');
}

export function readDestination(v: unknown, namespace: string): DestinationModel {
  const d = rec(v);
  const written = str(d.host) ?? '';
  const port = num(rec(d.port).number);
  const subset = str(d.subset);
  return { host: resolveShortHost(written, namespace), written, subset: subset === '' ? null : subset, port: port === null || port === 0 ? null : port };
}

function readOps(v: unknown): HeaderOps {
  const o = rec(v);
  const pairs = (m: unknown): [string, string][] =>
    Object.entries(rec(m)).flatMap(([k, val]) => (typeof val === 'string' ? [[k.toLowerCase(), val] as [string, string]] : []));
  return { set: pairs(o.set), add: pairs(o.add), remove: readStrings(o.remove).map((h) => h.toLowerCase()) };
}

export function readHeaders(v: unknown): HeadersModel | null {
  if (v === undefined || v === null) return null;
  const h = rec(v);
  return { request: readOps(h.request), response: readOps(h.response) };
}

/** `Percent {value}` → number, or null when absent. */
export function readPercent(v: unknown): number | null {
  if (v === undefined || v === null) return null;
  return num(rec(v).value) ?? 0;
}

/** A protobuf Duration as written (`10s`, `0.5s`, `250ms`), or null. */
export function readDuration(v: unknown): string | null {
  return str(v);
}
