/**
 * How long a Worker may take on user input before the watchdog stops it (watched-worker.ts):
 * a base plus so much per megabyte of input, so that a big paste gets the time it needs while a
 * stuck evaluation of a small text is stopped soon.
 */
export interface Limit {
  readonly baseMs: number;
  readonly perMbMs: number;
}

export interface WatchdogLimits {
  /** Parse, validate, compile and graph a design (the analysis worker). */
  readonly analysis: Limit;
  /** Simulate one request against a compiled design. */
  readonly simulate: Limit;
  /**
   * The compare view: review the before version (when not already held) and diff it with the
   * design; per MB of both versions' text.
   */
  readonly compare: Limit;
  /** Convert a design for export (the export worker). */
  readonly convert: Limit;
}

/**
 * Measured on a 2-core machine: 100,000 small objects (11.7 MB) analyse in ~6 s when it is idle
 * and in 22 s when it is busy with other work; a 20 MB line of 19,100 objects in 8–25 s. Each bound leaves about twice the busy figure.
 */
export const DEFAULT_LIMITS: WatchdogLimits = {
  analysis: { baseMs: 10_000, perMbMs: 3_000 },
  simulate: { baseMs: 3_000, perMbMs: 0 },
  // Measured idle (2 cores): 1,000 generated routes differing in 10 (2.8 MB both texts) compare in
  // 0.5 s the first time (the before reviewed), 0.13 s after; 10,000 routes (28 MB) in 5.9 s, then
  // 1.4 s. Busy, figures grow ~4× (as the analysis's): the bound leaves about twice that.
  compare: { baseMs: 10_000, perMbMs: 1_500 },
  convert: { baseMs: 10_000, perMbMs: 3_000 },
};

/** The bound for an input of `chars` characters. */
export function limitMs(limit: Limit, chars: number): number {
  return Math.round(limit.baseMs + (limit.perMbMs * chars) / 1_000_000);
}

/** localStorage key of an override, for tests: `{"analysis": {"baseMs": 500, "perMbMs": 0}}`. */
export const LIMITS_KEY = 'route-designer:watchdog-limits';

const isLimit = (v: unknown): v is Limit =>
  typeof v === 'object' && v !== null && typeof (v as Limit).baseMs === 'number' && typeof (v as Limit).perMbMs === 'number' && (v as Limit).baseMs >= 0 && (v as Limit).perMbMs >= 0;

/** The limits, with any override stored under LIMITS_KEY (read once, at start; it only sets bounds). */
export function readLimits(storage: Pick<Storage, 'getItem'> | null): WatchdogLimits {
  let raw: unknown = null;
  try {
    raw = JSON.parse(storage?.getItem(LIMITS_KEY) ?? 'null');
  } catch {
    return DEFAULT_LIMITS;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_LIMITS;
  const o = raw as Record<string, unknown>;
  const pick = (k: keyof WatchdogLimits): Limit => {
    const v = o[k];
    return isLimit(v) ? { baseMs: v.baseMs, perMbMs: v.perMbMs } : DEFAULT_LIMITS[k];
  };
  return { analysis: pick('analysis'), simulate: pick('simulate'), compare: pick('compare'), convert: pick('convert') };
}
