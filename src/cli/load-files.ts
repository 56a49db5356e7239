import type { SourceFile } from '../core/index.js';
import type { CliIO } from './io.js';
import { UsageError } from './args.js';

/** FILE arguments → source files: files, directories (their *.yaml, *.yml, *.json, recursively) or `-` (stdin). */
export async function loadSources(paths: readonly string[], io: CliIO): Promise<SourceFile[]> {
  if (paths.length === 0) throw new UsageError('no FILE given (a file, a directory, or - for stdin)');
  const out: SourceFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ name: '<stdin>', text: await io.readStdin() });
      continue;
    }
    let names: string[];
    try {
      names = await io.expand(p);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or directory`);
    }
    for (const name of names) {
      try {
        out.push({ name, text: await io.readFile(name) });
      } catch (e) {
        throw new UsageError(`cannot read ${name}: ${(e as Error).message}`);
      }
    }
  }
  return out;
}
