import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../resources/parse.js';
import { serializeObjects } from '../resources/serialize.js';
import type { Resource } from '../resources/types.js';
import { RELEASES } from '../target/availability.js';
import type { Channel } from '../target/availability-format.js';
import { DEFAULT_TARGET, type Target } from '../target/target.js';
import { serviceYaml } from '../test-kit.js';
import { validate } from '../validate/index.js';
import { checkEquivalence, convertedResources, type Difference } from './equivalence.js';
import { convert } from './index.js';
import { boundaryRequests } from './requests.js';
import type { ConvertOptions, ConvertResult } from './types.js';

/**
 * Test support for the conversion properties (properties*.test.ts): design text from plain
 * descriptions, and a compact account of a failing case. Plain data in, YAML text out — the
 * generators (fast-check) live in the test files, but for `rare`, which they all share.
 */
export const SERVICES = ['svc-a', 'svc-b', 'svc-c'];

/** A condition in about one match in four, so that most generated designs keep some lossless rules. */
export const rare = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

export function services(ns = 'shop'): string {
  return SERVICES.map((s) => serviceYaml(s, { namespace: ns })).join('');
}

/** The resources of a design the CLI would convert (no validation error under `channel`, default experimental), else undefined. */
export function parseValid(text: string, channel?: Channel): readonly Resource[] | undefined {
  const parsed = parse([{ name: 'in.yaml', text }]);
  return validate(parsed, channel ? { channel } : {}).some((d) => d.severity === 'error') ? undefined : parsed.resources;
}

/** How many requests a property check simulates per design: enough for every boundary of the generated designs. */
export const REQUEST_LIMIT = 4000;

/** The differences no loss entry explains (the proof check, equivalence.ts). */
export function unexplained(source: readonly Resource[], result: ConvertResult, requestsFrom: readonly Resource[] = source): Difference[] {
  return checkEquivalence(source, result, boundaryRequests(requestsFrom, REQUEST_LIMIT)).filter((d) => d.explainedBy.length === 0);
}

/** A failing case, compact: the request, what differs, who decided before and after, and the loss entries on record. */
export function explain(diffs: readonly Difference[], result: ConvertResult): string {
  const who = (d: Difference['before']): string =>
    `${d.status} ${d.route ? `${d.route.kind} ${d.route.namespace}/${d.route.name} rule ${d.rule ?? '-'} match ${d.match ?? '-'}` : 'no route'} → ${JSON.stringify(d.backends.map((b) => `${b.name}:${b.weight}`))}${d.redirect ? ` redirect ${d.redirect.status} ${d.redirect.location}` : ''}${d.request ? ` ${d.request.host}${d.request.path}` : ''}`;
  const loss = result.loss.map((l) => `${l.code} ${l.resource.kind} ${l.resource.namespace}/${l.resource.name} scope=${l.scope ?? 'null'}${l.widens ? ' widens' : ''}${l.requests ? ` requests=${JSON.stringify(l.requests)}` : ''}`).join('; ');
  const cases = diffs.slice(0, 3).map((d) => `${d.request.text}${d.request.sni === undefined ? '' : ` sni ${d.request.sni}`}${d.request.mesh ? ` from ${d.request.mesh.namespace}` : ''} [${d.request.headers.join('; ')}]: ${d.fields.join(',')}\n  before ${who(d.before)}\n  after  ${who(d.after)}`);
  return [`${diffs.length} unexplained difference(s)`, ...cases, `loss: ${loss || 'none'}`].join('\n');
}

/** The proof of one conversion: its unexplained differences, told (`explain`), or null when there are none. */
export function forwardProblem(source: readonly Resource[], to: ConvertOptions['to']): string | null {
  const result = convert(source, { to });
  const diffs = unexplained(source, result);
  return diffs.length === 0 ? null : explain(diffs, result);
}

/**
 * The proof of a round trip `source` → `to` → `back`: the second leg is proven on the source's
 * boundary requests; with `lossless`, a trip that lost nothing either way must also decide every
 * request as the source did. Null when all holds.
 */
export function roundTripProblem(source: readonly Resource[], to: ConvertOptions['to'], back: ConvertOptions['to'], lossless: boolean): string | null {
  const there = convert(source, { to });
  const middle = convertedResources(there);
  const result = convert(middle, { to: back });
  const second = unexplained(middle, result, source);
  if (second.length > 0) return explain(second, result);
  if (!lossless || there.loss.length > 0 || result.loss.length > 0) return null;
  const trip = unexplained(source, result);
  return trip.length === 0 ? null : explain(trip, result);
}

/** `FC_RUNS=5000 npx vitest run src/core/convert/properties` searches harder. */
export function runs(n: number, env: Readonly<Record<string, string | undefined>>): number {
  return Number(env.FC_RUNS ?? n);
}

/** fast-check parameters: `FC_RUNS`, and `FC_SEED` / `FC_PATH` to replay the case a failure printed. */
export function fcParams(n: number, env: Readonly<Record<string, string | undefined>>): { numRuns: number; seed?: number; path?: string } {
  return { numRuns: runs(n, env), ...(env.FC_SEED !== undefined ? { seed: Number(env.FC_SEED) } : {}), ...(env.FC_PATH !== undefined ? { path: env.FC_PATH } : {}) };
}

/** Runs and time per run (ms) of one property: the test's timeout grows with `FC_RUNS`. */
export interface PropertyRuns {
  readonly runs: number;
  readonly msPerRun: number;
}

/**
 * The two properties every conversion direction proves over its generated designs: converting
 * keeps every decision unless the loss report names it; a round trip (there and `back`) proves
 * each leg, and — when `lossless` is asked — a trip with no loss decides every request the same.
 */
export function conversionProperties<T>(
  title: string,
  designs: fc.Arbitrary<T>,
  text: (design: T) => string,
  to: ConvertOptions['to'],
  back: ConvertOptions['to'],
  options: { readonly forward: PropertyRuns; readonly roundTrip: PropertyRuns; readonly lossless: boolean; readonly env: Readonly<Record<string, string | undefined>> },
): void {
  const { env } = options;
  const timeout = (p: PropertyRuns): number => Math.max(20_000, runs(p.runs, env) * p.msPerRun);
  const property = (check: (source: readonly Resource[]) => string | null) =>
    fc.property(designs, (d) => {
      const source = parseValid(text(d));
      fc.pre(source !== undefined);
      expect(check(source)).toBeNull();
    });
  describe(title, () => {
    it('keeps every decision unless the loss report names it', () => {
      fc.assert(
        property((source) => forwardProblem(source, to)),
        fcParams(options.forward.runs, env),
      );
    }, timeout(options.forward));
    it(`round trip and back: each leg is proven${options.lossless ? ', and a lossless trip decides every request the same' : ''}`, () => {
      fc.assert(
        property((source) => roundTripProblem(source, to, back, options.lossless)),
        fcParams(options.roundTrip.runs, env),
      );
    }, timeout(options.roundTrip));
  });
}

/** The default target (no `target` given), and any release in either channel. */
const targetArb: fc.Arbitrary<Target | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({ release: fc.constantFrom(...RELEASES), channel: fc.constantFrom<Channel>('standard', 'experimental') }).map((t): Target => ({ ...t, implementation: null, istio: null })),
);

/**
 * What a conversion of `to`'s generated designs writes, told as the problems `validate` finds in
 * it under the target's channel (the YAML written, parsed again, as `route-designer validate`
 * reads it), then the objects left out for such a problem (written-valid.ts): none of either.
 */
export function writtenProblems(source: readonly Resource[], to: ConvertOptions['to'], target: Target | undefined): string[] {
  const result = convert(source, { to, ...(target ? { target } : {}) });
  const written = parse([{ name: 'out.yaml', text: serializeObjects(result.items) }]);
  const errors = validate(written, { channel: (target ?? DEFAULT_TARGET).channel }).filter((d) => d.severity === 'error');
  return [...errors.map((d) => `${d.code} ${d.resource?.kind ?? ''} ${d.resource?.namespace ?? ''}/${d.resource?.name ?? ''} ${d.path ?? ''}: ${d.message}`), ...result.loss.filter((l) => l.code === 'InvalidInTarget').map((l) => `left out: ${l.message}`)];
}

/**
 * Issue 16 scope 1: every object a conversion writes passes `validate` under the same target —
 * the default one, or any release in either channel, over designs valid under that channel —
 * and the converter writes it valid at the cause: nothing is left out by the safety net.
 */
export function validatesProperty<T>(title: string, designs: fc.Arbitrary<T>, text: (design: T) => string, to: ConvertOptions['to'], options: PropertyRuns & { readonly env: Readonly<Record<string, string | undefined>> }): void {
  describe(title, () => {
    it('everything written validates under the target, and nothing is left out as invalid', () => {
      fc.assert(
        fc.property(designs, targetArb, (d, target) => {
          const source = parseValid(text(d), (target ?? DEFAULT_TARGET).channel);
          fc.pre(source !== undefined);
          expect(writtenProblems(source, to, target)).toEqual([]);
        }),
        fcParams(options.runs, options.env),
      );
    }, Math.max(20_000, runs(options.runs, options.env) * options.msPerRun));
  });
}
