/** Minimal timing harness: warm up, then the median of several runs (the machine is noisy). */
export function measure(label: string, fn: () => unknown, runs = 5): number {
  fn(); // warm-up: JIT, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  console.log(`  ${label.padEnd(52)} ${median.toFixed(1).padStart(9)} ms  (min ${times[0]?.toFixed(1)}, max ${times[times.length - 1]?.toFixed(1)})`);
  return median;
}

export function report(label: string, value: string): void {
  console.log(`  ${label.padEnd(52)} ${value}`);
}
