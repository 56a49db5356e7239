import type { ActualOutcome, Decision } from '../core/index';
import type { SimulationAnswer, SimulatorInput } from './simulation';
import type { CaseFields } from './route-tests-yaml';

type DecisionAnswer = Extract<SimulationAnswer, { kind: 'decision' }>;

/** A share as a tests file writes it: a whole percentage as "90%", else the probability (0.333333). */
export function shareText(p: number): string | number {
  const percent = Math.round(p * 1e6) / 1e4;
  return Number.isInteger(percent) ? `${percent}%` : Math.round(p * 1e6) / 1e6;
}

/** The backends that receive a share, one per NS/NAME (shares summed: an expectation by name claims every port). */
function sharesOf(d: Decision): { name: string; share: number }[] {
  const byName = new Map<string, number>();
  for (const b of d.backends) if (b.probability > 0) byName.set(`${b.namespace}/${b.name}`, (byName.get(`${b.namespace}/${b.name}`) ?? 0) + b.probability);
  return [...byName].map(([name, share]) => ({ name, share }));
}

const HTTP_OR_NAMED = (s: number | string): boolean => (typeof s === 'number' ? Number.isInteger(s) && s >= 100 && s <= 599 : /^[A-Z_]+$/.test(s));

/** What the answer shows, as a case's `expect`: status, the backends and their shares, the redirect, a rewritten path or host. */
export function expectationOf(answer: DecisionAnswer): Record<string, unknown> {
  const d = answer.decision;
  const out: Record<string, unknown> = {};
  if (HTTP_OR_NAMED(d.status)) out.status = d.status;
  const shares = sharesOf(d);
  const only = shares[0];
  if (shares.length === 1 && only && only.share === 1) out.backend = only.name;
  else if (shares.length > 0) out.backends = shares.map((s) => ({ name: s.name, share: shareText(s.share) }));
  if (d.redirect) out.redirect = d.redirect.location;
  if (d.request && d.request.path !== answer.request.path) out.path = d.request.path;
  if (d.request && d.request.host !== answer.request.host) out.host = d.request.host;
  return out;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

/** "GET /cart → ": how a name made from the request starts (`request` as a case writes it: `GET https://h/cart`). */
export function namePrefix(request: string): string {
  const space = request.indexOf(' ');
  const method = space < 0 ? 'GET' : request.slice(0, space);
  return `${method} ${pathOf(request.slice(space + 1).trim())} → `;
}

/** "GET /cart → 200 shop/cart-v1": the request and what it gets, in one line. */
export function answerName(request: string, status: number | string, shares: readonly { name: string; share: number }[], redirect: string | null): string {
  const got = redirect ?? (shares.length === 1 ? (shares[0]?.name ?? '') : shares.map((s) => `${s.name} ${Math.round(s.share * 1000) / 10}%`).join(', '));
  return `${namePrefix(request)}${String(status)}${got ? ` ${got}` : ''}`;
}

export function caseName(input: SimulatorInput, answer: DecisionAnswer): string {
  const d = answer.decision;
  return answerName(`${input.method.trim() || 'GET'} ${input.url.trim()}`, d.status, sharesOf(d), d.redirect?.location ?? null);
}

/** The name of a case whose name was made from its request, after it accepted `actual` (null for a name the user wrote). */
export function acceptedName(name: string, request: string, actual: ActualOutcome): string | null {
  if (!name.startsWith(namePrefix(request))) return null;
  const byName = new Map<string, number>();
  for (const b of actual.backends) if (b.share > 0) byName.set(`${b.namespace}/${b.name}`, (byName.get(`${b.namespace}/${b.name}`) ?? 0) + b.share);
  return answerName(request, actual.status, [...byName].map(([n, share]) => ({ name: n, share })), actual.redirect);
}

/** A name not yet taken: "NAME", else "NAME (2)", "NAME (3)"… */
export function freeName(name: string, taken: readonly string[]): string {
  const names = new Set(taken);
  if (!names.has(name)) return name;
  let n = 2;
  while (names.has(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

const mapOf = (rows: SimulatorInput['headers']): Record<string, string> => Object.fromEntries(rows.filter((r) => r.name.trim() !== '').map((r) => [r.name.trim(), r.value.trim()]));

/** The simulator's "Backend answers" as the case's backendStatus/backendDelay, only when written (blank: 200 at once). */
function backendFields(input: SimulatorInput): { backendStatus?: string; backendDelay?: string } {
  const status = input.backendStatus?.trim() ?? '';
  const delay = input.backendDelay?.trim() ?? '';
  return { ...(status === '' ? {} : { backendStatus: status }), ...(delay === '' ? {} : { backendDelay: delay }) };
}

/** The simulator's request and answer as a test case (see README.md "Route tests" for the fields). */
export function caseFromSimulation(input: SimulatorInput, answer: DecisionAnswer, taken: readonly string[]): CaseFields {
  const headers = mapOf(input.headers);
  const labels = mapOf(input.labels);
  const sni = input.sni.trim();
  const gateway = input.gateway.trim();
  return {
    name: freeName(caseName(input, answer), taken),
    request: `${input.method.trim() || 'GET'} ${input.url.trim()}`,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(sni !== '' ? { sni } : {}),
    ...(input.mode === 'mesh' ? { mesh: { from: input.from.trim(), ...(Object.keys(labels).length > 0 ? { labels } : {}) } } : gateway !== '' ? { gateway } : {}),
    ...backendFields(input),
    expect: expectationOf(answer),
  };
}
