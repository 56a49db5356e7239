import { benchConvert } from './convert.bench.js';
import { benchParseValidate } from './parse-validate.bench.js';
import { benchRegex } from './regex.bench.js';
import { benchSimulate } from './simulate.bench.js';

/** `npm run bench`: every Node benchmark; each prints its figures and ratios. */
const sizeArg = process.argv.find((a) => a.startsWith('--routes='));
const routes = sizeArg ? Number(sizeArg.slice('--routes='.length)) : 10_000;

console.log(`Route Designer benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
benchParseValidate(routes);
benchSimulate([100, 1_000, routes]);
benchConvert(routes);
benchRegex(Math.min(routes, 1_000));
