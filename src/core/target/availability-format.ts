/**
 * The interval encoding of src/core/target/data/crd-availability.js, shared by its generator
 * (src/tools/gen-crd-availability.ts) and its reader (availability.ts).
 *
 * Releases are indices into the data's ordered `releases` list. A value tells in which releases
 * of each channel an entry is present, as runs `start-end` (end = index of the first release
 * where it is gone; omitted when it is still present in the newest release), comma-separated:
 * - `0-`            present in both channels from releases[0] on;
 * - `e2-`           experimental channel only, from releases[2] on;
 * - `s4- e0-`       standard from releases[4], experimental from releases[0];
 * - `e0-3`          experimental releases[0] to releases[2], gone from releases[3].
 */
export type Channel = 'standard' | 'experimental';

export const CHANNELS: readonly Channel[] = ['standard', 'experimental'];

const PREFIX: Readonly<Record<Channel, string>> = { standard: 's', experimental: 'e' };

/** Release indices (ascending, distinct) → runs text, e.g. [0, 1, 2, 5] of 7 → `0-3,5-`. */
function encodeRuns(indices: readonly number[], releaseCount: number): string {
  const runs: string[] = [];
  let i = 0;
  while (i < indices.length) {
    const start = indices[i] as number;
    let end = start + 1;
    while (indices[i + 1] === end) {
      end += 1;
      i += 1;
    }
    runs.push(end >= releaseCount ? `${start}-` : `${start}-${end}`);
    i += 1;
  }
  return runs.join(',');
}

export function encodePresence(present: Readonly<Record<Channel, readonly number[]>>, releaseCount: number): string {
  const standard = encodeRuns(present.standard, releaseCount);
  const experimental = encodeRuns(present.experimental, releaseCount);
  if (standard === experimental) return standard;
  return CHANNELS.map((c) => (c === 'standard' ? standard : experimental))
    .map((runs, i) => (runs === '' ? '' : `${PREFIX[CHANNELS[i] as Channel]}${runs}`))
    .filter((part) => part !== '')
    .join(' ');
}

function runsOf(value: string, channel: Channel): string {
  if (!/^[se]/.test(value)) return value;
  const part = value.split(' ').find((p) => p.startsWith(PREFIX[channel]));
  return part === undefined ? '' : part.slice(1);
}

/** Whether an encoded value says present at `release` (an index) in `channel`. */
export function presentAt(value: string, channel: Channel, release: number): boolean {
  return runsOf(value, channel)
    .split(',')
    .filter((run) => run !== '')
    .some((run) => {
      const [start, end] = run.split('-');
      return release >= Number(start) && (end === '' || end === undefined || release < Number(end));
    });
}

/** The first release index at which the value is present in `channel`, if any. */
export function firstPresent(value: string, channel: Channel): number | undefined {
  const first = runsOf(value, channel).split(',')[0];
  return first === undefined || first === '' ? undefined : Number(first.split('-')[0]);
}
