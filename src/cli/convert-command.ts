import { compareDiagnostics, convert, parse, serializeObjects, SourceLocations, validate, type LossEntry } from '../core/index.js';
import { UsageError, type FlagSpec, type ParsedArgs } from './args.js';
import { escapeControls, jsonText } from './escape.js';
import { EXIT, type CliIO } from './io.js';
import { loadSources } from './load-files.js';
import { noObjects } from './no-objects.js';
import { COMMON_FLAGS, commonOptions } from './options.js';
import { targetLine, targetOption, withTarget } from './target-output.js';
import { formatDiagnostic } from './validate-command.js';

export const CONVERT_FLAGS: readonly FlagSpec[] = [...COMMON_FLAGS, { name: 'to', takesValue: true }, { name: 'subsets-as-services', takesValue: false }];

/**
 * `route-designer convert FILE... --to gateway-api|istio [--subsets-as-services]` (DESIGN.md):
 * YAML on stdout, the loss report on stderr (`file:line:col: loss CODE message`); `--format json`
 * prints `{"items", "loss"}` on stdout. Exit 0 lossless, 3 something lost, 1 the input has errors
 * (nothing is converted), 2 unusable input/usage.
 */
export async function runConvert(args: ParsedArgs, io: CliIO): Promise<number> {
  const { format, namespace, assumeExternal, target } = commonOptions(args);
  const to = args.flags.get('to')?.[0];
  if (to !== 'gateway-api' && to !== 'istio') throw new UsageError(`--to must be gateway-api or istio${to === undefined ? '' : `, not ${to}`}`);
  const input = await loadSources(args.files, io);
  const parsed = parse(input.sources, { defaultNamespace: namespace });
  // The input is read by the target channel's own rules, as validate --target reads it (issue 16).
  const errors = [...input.diagnostics, ...validate(parsed, target ? { channel: target.channel } : {})].filter((d) => d.severity === 'error').sort(compareDiagnostics);
  if (errors.length > 0) {
    for (const d of errors) io.stderr(`${formatDiagnostic(d)}\n`);
    io.stderr(`${errors.length} error(s): fix them before converting\n`);
  }
  if (parsed.resources.length === 0) {
    io.stderr(noObjects('convert', args.files));
    return EXIT.usage;
  }
  if (errors.length > 0) return EXIT.errors;
  const result = convert(parsed.resources, {
    to,
    subsetsAsServices: args.flags.has('subsets-as-services'),
    assumeExternal,
    locations: new SourceLocations(parsed.files),
    ...targetOption(target),
  });
  if (format === 'json') {
    io.stdout(jsonText(withTarget({ items: result.items, loss: result.loss.map(lossJson) }, target)));
  } else {
    // stdout stays the YAML to apply: the target heads the report on stderr.
    if (target) io.stderr(`${targetLine(target)}\n`);
    io.stdout(serializeObjects(result.items));
    // The core's message names no front end's switch: the command line names its own flag.
    const hint = (code: string): string => (code === 'Subset' && !args.flags.has('subsets-as-services') ? ' (use --subsets-as-services)' : '');
    for (const l of result.loss) io.stderr(`${escapeControls(`${l.file}:${l.line}:${l.column}: loss ${l.code} ${l.message}${hint(l.code)}`)}\n`);
    for (const n of result.notes) io.stderr(`${escapeControls(`${n.file}:${n.line}:${n.column}: note ${n.code} ${n.message}`)}\n`);
    io.stderr(`${result.items.length} object(s), ${result.loss.length} loss entr${result.loss.length === 1 ? 'y' : 'ies'}\n`);
  }
  return result.loss.length > 0 ? EXIT.lossy : EXIT.ok;
}

/** DESIGN.md's fields, then which requests the entry affects (`scope`, and `widens` / `requests` when given). */
function lossJson(l: LossEntry): Record<string, unknown> {
  return {
    code: l.code,
    message: l.message,
    file: l.file,
    line: l.line,
    column: l.column,
    resource: l.resource,
    path: l.path,
    scope: l.scope,
    ...(l.widens ? { widens: true } : {}),
    ...(l.requests ? { requests: l.requests } : {}),
  };
}
