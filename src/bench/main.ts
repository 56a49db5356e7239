import { benchConvert } from './convert.bench.js';
import { benchDiff } from './diff.bench.js';
import { benchFuzz } from './fuzz.bench.js';
import { benchParseValidate } from './parse-validate.bench.js';
import { benchReach } from './reach.bench.js';
import { benchRegex } from './regex.bench.js';
import { benchSimulate } from './simulate.bench.js';

/**
 * `npm run bench`: every Node benchmark; each prints its figures and ratios. `--routes=N` sizes the
 * designs, `--fuzz=N` the fuzz run (100,000 cases); `--fuzz-only` runs only the fuzz run.
 */
const sizeArg = process.argv.find((a) => a.startsWith('--routes='));
const routes = sizeArg ? Number(sizeArg.slice('--routes='.length)) : 10_000;
const fuzzArg = process.argv.find((a) => a.startsWith('--fuzz='));
const fuzzCases = fuzzArg ? Number(fuzzArg.slice('--fuzz='.length)) : 100_000;

console.log(`Route Designer benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
if (!process.argv.includes('--fuzz-only')) {
  benchParseValidate(routes);
  benchSimulate([100, 1_000, routes]);
  benchConvert(routes);
  benchRegex(Math.min(routes, 1_000));
  benchReach(routes);
  benchDiff(routes);
}
// Any exception or broken invariant fails the run (and `npm run bench`).
if ((await benchFuzz(fuzzCases)) > 0) process.exitCode = 1;
