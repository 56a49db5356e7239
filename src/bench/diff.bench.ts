import { diffDesigns, diffTables, review } from '../core/index.js';
import { generateDesign } from './generate.js';
import { measure, report } from './harness.js';

/**
 * Issue 12's figure: diff of two generated designs of N routes that differ in 10 routes (a weight,
 * a path, a header value, a method, a backend; two of each), at 1,000 routes (target < 1 s) and
 * N (target < 10 s at 10,000). Timed whole (both versions parsed, checked, compiled and analysed,
 * as `route-designer diff` will) and for the comparison alone (diffTables on the two tables).
 */
export function benchDiff(routes: number): void {
  console.log('\nBehaviour diff (diffDesigns: review both versions, then compare)');
  for (const n of [...new Set([Math.min(1_000, routes), routes])]) {
    const before = generateDesign(n).text;
    const after = editTen(before, n);
    const files = (text: string, name: string): { name: string; text: string }[] => [{ name, text }];
    let changes = 0;
    const target = n <= 1_000 ? 1_000 : 10_000;
    const whole = measure(`diffDesigns ${n.toLocaleString('en-US')} routes, 10 edited`, () => {
      changes = diffDesigns(files(before, 'before.yaml'), files(after, 'after.yaml')).changes.length;
    }, n >= 10_000 ? 3 : 5);
    const [a, b] = [review(files(before, 'before.yaml')).compiled, review(files(after, 'after.yaml')).compiled];
    if (!a || !b) throw new Error('generated design does not compile');
    measure(`diffTables ${n.toLocaleString('en-US')} routes (comparison alone)`, () => diffTables(a.table, b.table), n >= 10_000 ? 3 : 5);
    report(`  classes of changed requests at ${n.toLocaleString('en-US')}`, `${changes}`);
    report(`  diffDesigns at ${n.toLocaleString('en-US')} (target < ${target.toLocaleString('en-US')} ms)`, whole < target ? 'OK' : 'OVER TARGET');
  }
}

const EDITS: readonly [RegExp, string][] = [
  [/weight: \d+/, 'weight: 7'],
  [/value: \/healthz/, 'value: /health'],
  [/value: "true"/, 'value: "yes"'],
  [/method: GET/, 'method: POST'],
  [/name: (svc-\d+)-canary\n/, 'name: $1\n'],
];

/** The design with routes 0, n/10, 2n/10, … edited, each by one of EDITS in turn. */
export function editTen(text: string, n: number): string {
  const step = Math.max(1, Math.floor(n / 10));
  let edited = 0;
  return text.split('---\n').map((doc) => {
    const m = /kind: HTTPRoute\nmetadata:\n {2}name: route-(\d+)\n/.exec(doc);
    if (!m || Number(m[1]) % step !== 0 || edited >= 10) return doc;
    const [pattern, replacement] = EDITS[edited++ % EDITS.length] as [RegExp, string];
    return doc.replace(pattern, replacement);
  }).join('---\n');
}
