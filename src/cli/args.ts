/**
 * A small, strict argument parser: unknown flags are usage errors (exit 2), never ignored.
 */
export interface ParsedArgs {
  readonly command: string | undefined;
  readonly files: string[];
  readonly flags: Map<string, string[]>;
}

export interface FlagSpec {
  readonly name: string;
  readonly alias?: string;
  readonly takesValue: boolean;
  readonly repeatable?: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map<string, FlagSpec>();
  for (const s of specs) {
    byName.set(`--${s.name}`, s);
    if (s.alias) byName.set(`-${s.alias}`, s);
  }
  const flags = new Map<string, string[]>();
  const files: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-' || !arg.startsWith('-')) {
      if (command === undefined) command = arg;
      else files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const spec = byName.get(key);
    if (!spec) throw new UsageError(`unknown option ${key}`);
    let value = 'true';
    if (spec.takesValue) {
      if (eq > 0 && arg.startsWith('--')) value = arg.slice(eq + 1);
      else {
        const next = argv[++i];
        if (next === undefined) throw new UsageError(`${key} needs a value`);
        value = next;
      }
    }
    const list = flags.get(spec.name) ?? [];
    if (list.length > 0 && !spec.repeatable) throw new UsageError(`${key} given more than once`);
    list.push(value);
    flags.set(spec.name, list);
  }
  return { command, files, flags };
}
