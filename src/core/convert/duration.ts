/**
 * Durations. Istio uses protobuf durations (`1.5s`, `100ms`, `2m`… as written by users; protojson
 * emits seconds with a fraction). The Gateway API uses GEP-2257 (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`).
 */
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/** Milliseconds of a Go/protobuf-style duration, or undefined when unreadable. */
export function parseDuration(text: string): number | undefined {
  const re = /([0-9]+(?:\.[0-9]+)?)(h|ms|m|s|us|µs|ns)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    total += Number(m[1]) * (UNIT_MS[m[2] as string] ?? 0);
    matched = re.lastIndex;
  }
  return matched === text.length && text.length > 0 ? total : undefined;
}

/** A GEP-2257 duration for whole milliseconds: `1h30m`, `500ms`, `0s`; undefined when it does not fit. */
export function toGatewayDuration(ms: number): string | undefined {
  if (!Number.isInteger(ms) || ms < 0) return undefined;
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n}${unit}`);
      rest -= n * size;
    }
  }
  return parts.every((p) => /^[0-9]{1,5}/.test(p) && (p.match(/^[0-9]+/)?.[0].length ?? 0) <= 5) && parts.length <= 4 ? parts.join('') : undefined;
}

/** An Istio duration for whole milliseconds: `10s`, `1.5s`, `0.250s`. */
export function toIstioDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(3).replace(/0+$/, '')}s`;
}
