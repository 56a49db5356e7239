import { compareDiagnostics, parse, validate, type Diagnostic } from '../core/index.js';
import type { ParsedArgs } from './args.js';
import { EXIT, type CliIO } from './io.js';
import { loadSources } from './load-files.js';
import { commonOptions } from './options.js';

/** `route-designer validate FILE...` — exit 0 no errors (warnings allowed), 1 errors, 2 unusable input/usage. */
export async function runValidate(args: ParsedArgs, io: CliIO): Promise<number> {
  const { format, namespace } = commonOptions(args);
  const sources = await loadSources(args.files, io);
  const parsed = parse(sources, { defaultNamespace: namespace });
  const diagnostics = validate(parsed).sort(compareDiagnostics);
  if (format === 'json') io.stdout(`${JSON.stringify({ diagnostics: diagnostics.map(toJson) }, null, 2)}\n`);
  else {
    for (const d of diagnostics) io.stdout(`${formatDiagnostic(d)}\n`);
    io.stderr(`${summary(diagnostics)}\n`);
  }
  if (parsed.resources.length === 0 && diagnostics.some((d) => d.severity === 'error')) return EXIT.usage;
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.errors : EXIT.ok;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`;
}

function summary(ds: readonly Diagnostic[]): string {
  const n = (s: string): number => ds.filter((d) => d.severity === s).length;
  return `${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`;
}

function toJson(d: Diagnostic): Record<string, unknown> {
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
  };
}
