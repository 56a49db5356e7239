import { compile, parse, type CompileResult, type Diagnostic } from '../core/index.js';
import type { ParsedArgs } from './args.js';
import { EXIT, type CliIO } from './io.js';
import { loadSources } from './load-files.js';
import type { CommonOptions } from './options.js';
import { formatDiagnostic } from './validate-command.js';

/**
 * FILE arguments → compiled design, shared by `status` and `simulate`. Parse errors are reported on
 * stderr and the rest of the design is still used; input with no usable object is refused (exit 2).
 */
export async function loadDesign(args: ParsedArgs, common: CommonOptions, io: CliIO): Promise<CompileResult | number> {
  const sources = await loadSources(args.files, io);
  const parsed = parse(sources, { defaultNamespace: common.namespace });
  const errors = parsed.diagnostics.filter((d: Diagnostic) => d.severity === 'error');
  for (const d of errors) io.stderr(`${formatDiagnostic(d)}\n`);
  if (parsed.resources.length === 0) {
    io.stderr(`route-designer: no Kubernetes object could be read from ${args.files.join(', ')}\n`);
    return EXIT.usage;
  }
  return compile(parsed.resources, { assumeExternal: common.assumeExternal });
}
