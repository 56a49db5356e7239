import { compareDiagnostics, review, type Diagnostic } from '../core/index.js';
import type { ParsedArgs } from './args.js';
import { escapeControls, jsonText } from './escape.js';
import { EXIT, type CliIO } from './io.js';
import { loadSources } from './load-files.js';
import { noObjects } from './no-objects.js';
import { commonOptions } from './options.js';
import { targetLine, targetOption, withTarget } from './target-output.js';

/**
 * `route-designer validate FILE...` — the whole verdict (core `review`: parse, API server, CEL,
 * controller status, istioctl analyzers, unreachable rules). Exit 0 no errors (warnings allowed),
 * 1 errors, 2 unusable input/usage; `--target` judges the design for that cluster (DESIGN.md: input with no Kubernetes object is unusable, so a
 * mistyped path never passes).
 */
export async function runValidate(args: ParsedArgs, io: CliIO): Promise<number> {
  const { format, namespace, assumeExternal, target } = commonOptions(args);
  const input = await loadSources(args.files, io);
  const verdict = review(input.sources, { defaultNamespace: namespace, assumeExternal, ...targetOption(target) });
  const parsed = verdict.parsed;
  const diagnostics = [...input.diagnostics, ...verdict.diagnostics].sort(compareDiagnostics);
  if (format === 'json') io.stdout(jsonText(withTarget({ diagnostics: diagnostics.map(toJson) }, target)));
  else {
    // stdout stays file:line:col lines (editors and CI read them): the target heads stderr.
    if (target) io.stderr(`${targetLine(target)}\n`);
    for (const d of diagnostics) io.stdout(`${formatDiagnostic(d)}\n`);
    io.stderr(`${summary(diagnostics)}\n`);
  }
  if (parsed.resources.length === 0) {
    io.stderr(noObjects('validate', args.files));
    return EXIT.usage;
  }
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.errors : EXIT.ok;
}

/**
 * `file:line:col: severity CODE message`, ending with ` [IST0101]` when istioctl has a code for the
 * same problem; one line whatever the file name and message hold.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const istio = d.istioCode === undefined ? '' : ` [${d.istioCode}]`;
  return escapeControls(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}${istio}`);
}

function summary(ds: readonly Diagnostic[]): string {
  const n = (s: string): number => ds.filter((d) => d.severity === s).length;
  return `${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`;
}

/** A diagnostic as `validate --format json` prints it (also `diff`'s problems added and fixed). */
export function toJson(d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    resource: d.resource ?? null,
    path: d.path ?? null,
    ...(d.istioCode === undefined ? {} : { istioCode: d.istioCode }),
    ...(d.related === undefined ? {} : { related: d.related }),
    ...(d.witness === undefined ? {} : { witness: d.witness }),
  };
}
