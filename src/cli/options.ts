import { parseTarget, type Target } from '../core/index.js';
import { UsageError, type FlagSpec, type ParsedArgs } from './args.js';

export const COMMON_FLAGS: readonly FlagSpec[] = [
  { name: 'format', takesValue: true },
  { name: 'namespace', alias: 'n', takesValue: true },
  { name: 'assume-external', takesValue: false },
  { name: 'target', takesValue: true },
  { name: 'help', alias: 'h', takesValue: false },
];

export interface CommonOptions {
  readonly format: 'text' | 'json';
  readonly namespace: string;
  readonly assumeExternal: boolean;
  /** `--target` (issue 14): the cluster the design is meant for; null when the flag is not given. */
  readonly target: Target | null;
}

export function commonOptions(args: ParsedArgs): CommonOptions {
  const format = args.flags.get('format')?.[0] ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not ${format}`);
  const namespace = args.flags.get('namespace')?.[0] ?? 'default';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) throw new UsageError(`-n/--namespace: ${namespace} is not a valid namespace name`);
  return { format, namespace, assumeExternal: args.flags.has('assume-external'), target: targetOf(args) };
}

/** `--target TEXT` read by the core's parseTarget; a value it cannot read is a usage error with its reason. */
function targetOf(args: ParsedArgs): Target | null {
  const text = args.flags.get('target')?.[0];
  if (text === undefined) return null;
  const read = parseTarget(text);
  if (!read.ok) throw new UsageError(`--target: ${read.error}`);
  return read.target;
}
