/** Minimal timing harness: warm up, then the median of several runs (the machine is noisy). */
export function measure(label: string, fn: () => unknown, runs = 5): number {
  return measureTimes(label, fn, runs).wall;
}

/**
 * `measure`, also giving the median CPU time of the process over each run. On a machine shared
 * with other work, wall time counts the time the process waited for a core; CPU time does not,
 * so ratios of CPU times stay comparable between runs (they include V8's GC helper threads).
 */
export function measureTimes(label: string, fn: () => unknown, runs = 5): { wall: number; cpu: number } {
  fn(); // warm-up: JIT, caches
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  times.sort((a, b) => a - b);
  const wall = median(times);
  console.log(`  ${label.padEnd(52)} ${wall.toFixed(1).padStart(9)} ms  (min ${times[0]?.toFixed(1)}, max ${times[times.length - 1]?.toFixed(1)}; CPU ${median(cpus).toFixed(1)} ms)`);
  return { wall, cpu: median(cpus) };
}

export function report(label: string, value: string): void {
  console.log(`  ${label.padEnd(52)} ${value}`);
}
