import { describe, expect, it } from 'vitest';
import { finish, runSliced, slice, type Job } from './slices';

function* count(n: number, seen: number[]): Job<number> {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    seen.push(i);
    sum += i;
    yield;
  }
  return sum;
}

describe('slices', () => {
  it('finish runs a job to its end', () => {
    const seen: number[] = [];
    expect(finish(count(5, seen))).toBe(10);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it.each([
    [40, 1, 8, [8, 8, 8, 8, 8, 0]], // the last slice only hears that it is done
    [10, 3, 8, [9, 9, 9, 3]],
    [3, 1, 100, [3]],
  ])('%i steps of %i ms in slices of %i ms: slices of %j ms', (steps, ms, budget, expected) => {
    // A clock that moves only as the job works: each step takes `ms`.
    let clock = 0;
    function* work(): Job<number> {
      for (let i = 0; i < steps; i++) {
        clock += ms;
        yield;
      }
      return steps;
    }
    const job = work();
    const slices: number[] = [];
    for (;;) {
      const start = clock;
      const r = slice(job, budget, () => clock);
      slices.push(clock - start);
      if (r.done) {
        expect(r.value).toBe(steps);
        break;
      }
    }
    expect(slices).toEqual(expected);
  });

  it('runSliced hands the result over', async () => {
    const seen: number[] = [];
    expect(await new Promise<number>((resolve) => runSliced(count(2000, seen), resolve, 1))).toBe(1999000);
    expect(seen.length).toBe(2000);
  });

  it('a cancelled job does not finish', async () => {
    const seen: number[] = [];
    let done = false;
    const cancel = runSliced(count(1_000_000, seen), () => (done = true), 1);
    cancel();
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    expect(seen.length).toBe(0);
  });
});
