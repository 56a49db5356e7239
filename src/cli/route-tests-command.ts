import { parseRouteTests, runRouteTests } from '../core/index.js';
import { UsageError, type ParsedArgs } from './args.js';
import { loadDesign } from './design-input.js';
import { escapeControls, jsonText } from './escape.js';
import { EXIT, type CliIO } from './io.js';
import { loadSources } from './load-files.js';
import { commonOptions } from './options.js';
import { formatResults, resultsJson } from './route-tests-text.js';
import { targetOption, withTarget } from './target-output.js';
import { formatDiagnostic } from './validate-command.js';

/**
 * `route-designer test TESTS.yaml FILE...` — every case of the tests file simulated against the
 * design in FILE...: exit 0 when all hold, 1 when any fails, 2 when the tests file has a problem
 * (each printed file:line:col) or the input is unusable. Manifest errors are printed and the rest
 * of the design is still used, as `simulate` does.
 */
export async function runRouteTestsCommand(args: ParsedArgs, io: CliIO): Promise<number> {
  const common = commonOptions(args);
  const [testsPath, ...manifests] = args.files;
  if (testsPath === undefined) throw new UsageError('no TESTS file given: route-designer test TESTS.yaml FILE...');
  if (manifests.length === 0) throw new UsageError('no FILE given after the tests file (a file, a directory, or - for stdin)');
  if (testsPath === '-' && manifests.includes('-')) throw new UsageError('- (stdin) is given more than once');
  if (testsPath !== '-' && (await io.stat(testsPath).catch(() => null))?.kind === 'directory') throw new UsageError(`${escapeControls(testsPath)} is a directory: the tests are one file`);
  const loaded = await loadSources([testsPath], io);
  const source = loaded.sources[0];
  const parsed = loaded.diagnostics.length > 0 || !source ? null : parseRouteTests(source);
  const problems = [...loaded.diagnostics, ...(parsed?.diagnostics ?? [])];
  if (problems.length > 0 || !parsed) {
    for (const d of problems) io.stderr(`${formatDiagnostic(d)}\n`);
    io.stderr(`route-designer test: ${escapeControls(testsPath === '-' ? '<stdin>' : testsPath)} cannot be used (${problems.length} problem(s))\n`);
    return EXIT.usage;
  }
  const design = await loadDesign('test', { ...args, files: manifests }, common, io);
  if (typeof design === 'number') return design;
  // Every case is simulated for the --target, as `simulate --target` would.
  const cases = parsed.cases.map((c) => (common.target ? { ...c, options: { ...c.options, ...targetOption(common.target) } } : c));
  const run = runRouteTests(design.table, cases);
  io.stdout(common.format === 'json' ? jsonText(withTarget(resultsJson(run), common.target)) : formatResults(run, common.target));
  return run.failed === 0 ? EXIT.ok : EXIT.errors;
}
