/**
 * One side of a change (before or after) as `diff` prints it, shared by its text, markdown and
 * JSON: the fields `simulate --format json` names `status`, `route`, `rule` and `backends`
 * always, and every other compared field (outcomes, redirect, forwarded request, response
 * headers, mirrors, timeouts, retries) only when it differs between the two sides.
 */
import type { DiffOutcome } from '../core/index.js';

const EXTRA_FIELDS = ['outcomes', 'redirect', 'request', 'responseHeaders', 'mirrors', 'timeouts', 'retries'] as const;
type ExtraField = (typeof EXTRA_FIELDS)[number];

/** Canonical JSON (sorted keys): headers listed in another order are the same headers. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v === null || typeof v !== 'object' || Array.isArray(v) ? v : Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))));
}

/** The other fields that differ; outcomes only when a side has several (one outcome is its status). */
function differing(o: DiffOutcome, other: DiffOutcome): ExtraField[] {
  const several = o.outcomes.length > 1 || other.outcomes.length > 1;
  return EXTRA_FIELDS.filter((f) => (f !== 'outcomes' || several) && canonical(o[f]) !== canonical(other[f]));
}

/** `--format json`'s OUTCOME: simulate's status, route, rule (0-based) and backends, then what differs. */
export function outcomeJson(o: DiffOutcome, other: DiffOutcome): Record<string, unknown> {
  const out: Record<string, unknown> = { status: o.status, route: o.route, rule: o.rule, backends: o.backends };
  for (const f of differing(o, other)) out[f] = o[f];
  return out;
}

export const share = (p: number): string => `${+(p * 100).toFixed(2)}%`;

/** Words for one side, unescaped (the caller escapes for its medium). Rules numbered from 1, as `simulate` prints them. */
export interface OutcomeWords {
  readonly status: string;
  readonly route: string;
  readonly backends: readonly string[];
  /** [field, words] for every other field that differs from the other side; words null where this side has none (no redirect, nothing forwarded…). */
  readonly extra: readonly (readonly [string, string | null])[];
}

export function outcomeWords(o: DiffOutcome, other: DiffOutcome): OutcomeWords {
  const route = o.route === null ? 'no route' : `${o.route.kind} ${o.route.namespace}/${o.route.name}${o.rule === null ? '' : ` rule ${o.rule + 1}`}`;
  const backends = o.backends.map((b) => `${b.kind} ${b.namespace}/${b.name}${b.port === null ? '' : `:${b.port}`}${b.subset === null ? '' : ` subset ${b.subset}`} ${share(b.probability)}${b.problem === undefined ? '' : ` ✗ ${b.problem}`}`);
  const extra = differing(o, other).map((f): [string, string | null] => [LABELS[f], isEmpty(f, o) ? null : extraWords(f, o, other)]);
  return { status: String(o.status), route, backends, extra };
}

const LABELS: Record<ExtraField, string> = { outcomes: 'outcomes', redirect: 'redirect', request: 'backend receives', responseHeaders: 'response headers', mirrors: 'mirrors', timeouts: 'timeouts', retries: 'retries' };

function isEmpty(f: ExtraField, o: DiffOutcome): boolean {
  const h = o.responseHeaders;
  if (f === 'outcomes') return o.outcomes.length <= 1;
  if (f === 'mirrors') return o.mirrors.length === 0;
  if (f === 'responseHeaders') return Object.keys(h.set).length + Object.keys(h.add).length + h.remove.length === 0;
  return o[f] === null;
}

function extraWords(f: ExtraField, o: DiffOutcome, other: DiffOutcome): string {
  switch (f) {
    case 'outcomes':
      return o.outcomes.map((x) => `${x.status} ${share(x.probability)}`).join(', ');
    case 'redirect':
      return o.redirect === null ? 'none' : `${o.redirect.status} → ${o.redirect.location}`;
    case 'request': {
      const r = o.request;
      if (r === null) return 'nothing (no backend is reached)';
      const them = other.request?.headers ?? {};
      const names = [...new Set([...Object.keys(r.headers), ...Object.keys(them)])].filter((k) => r.headers[k] !== them[k]).sort();
      const headers = names.map((k) => (r.headers[k] === undefined ? `no ${k}` : `${k}: ${r.headers[k]}`));
      return [`${r.method} ${r.scheme}://${r.host}${r.path}`, ...headers].join('; ');
    }
    case 'responseHeaders': {
      const h = o.responseHeaders;
      const parts = [...Object.entries(h.set).map(([k, v]) => `set ${k}: ${v}`), ...Object.entries(h.add).map(([k, v]) => `add ${k}: ${v}`), ...h.remove.map((k) => `remove ${k}`)];
      return parts.length === 0 ? 'unchanged' : parts.join('; ');
    }
    case 'mirrors':
      return o.mirrors.length === 0 ? 'none' : o.mirrors.map((m) => `${m.kind} ${m.namespace}/${m.name}${m.port === null ? '' : `:${m.port}`} ${m.percent}%${m.problem === undefined ? '' : ` ✗ ${m.problem}`}`).join(', ');
    case 'timeouts':
      return o.timeouts === null ? 'none' : Object.entries(o.timeouts).map(([k, v]) => `${k} ${v}`).join(', ');
    case 'retries': {
      const r = o.retries;
      if (r === null) return 'none';
      const on = [...(r.codes ?? []).map(String), ...(r.retryOn ?? [])];
      return `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}${on.length > 0 ? ` on ${on.join(', ')}` : ''}${r.perTryTimeout === undefined ? '' : `, ${r.perTryTimeout} per try`}${r.backoff === undefined ? '' : `, backoff ${r.backoff}`}`;
    }
  }
}
