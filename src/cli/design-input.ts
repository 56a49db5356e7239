import { compile, parse, type CompileResult, type Diagnostic } from '../core/index.js';
import type { ParsedArgs } from './args.js';
import { escapeControls } from './escape.js';
import { EXIT, type CliIO } from './io.js';
import { loadSources } from './load-files.js';
import { noObjects } from './no-objects.js';
import type { CommonOptions } from './options.js';
import { formatDiagnostic } from './validate-command.js';

/**
 * FILE arguments → compiled design, shared by `status` and `simulate`. Errors are reported on
 * stderr and the rest of the design is still used — except a file holding bytes that are not
 * characters, which is left out whole (a name read as U+FFFD is never simulated). Input with no
 * usable object is refused (exit 2).
 */
export async function loadDesign(command: string, args: ParsedArgs, common: CommonOptions, io: CliIO): Promise<CompileResult | number> {
  const input = await loadSources(args.files, io);
  const undecodable = new Set(input.diagnostics.map((d) => d.file));
  const parsed = parse(
    input.sources.filter((s) => !undecodable.has(s.name)),
    { defaultNamespace: common.namespace },
  );
  const errors = [...input.diagnostics, ...parsed.diagnostics.filter((d: Diagnostic) => d.severity === 'error')];
  for (const d of errors) io.stderr(`${formatDiagnostic(d)}\n`);
  for (const file of undecodable) io.stderr(`route-designer ${command}: left out ${escapeControls(file)}: it holds bytes that are not characters\n`);
  if (parsed.resources.length === 0) {
    io.stderr(noObjects(command, args.files));
    return EXIT.usage;
  }
  return compile(parsed.resources, { assumeExternal: common.assumeExternal });
}
