import { decodeSource, MAX_TEXT_LENGTH, type Diagnostic, type SourceFile } from '../core/index.js';
import { UsageError } from './args.js';
import { escapeControls } from './escape.js';
import type { CliIO, FileKind } from './io.js';

const YAML_FILE = /\.(ya?ml|json)$/i;

/** No encoding holds MAX_TEXT_LENGTH characters in more bytes than this (UTF-32); larger input is refused unread. */
export const MAX_BYTES = 4 * MAX_TEXT_LENGTH;

export interface LoadedInput {
  readonly sources: readonly SourceFile[];
  /** Bytes that are not characters (InvalidEncoding), located in their files. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * FILE arguments → decoded source files: files, directories (their *.yaml, *.yml, *.json,
 * recursively) or `-` (stdin). Anything that cannot be read is a UsageError naming the path and
 * the system's reason (exit 2). Only regular files are read: a FIFO, socket or device named on the
 * command line is refused (reading one can block for ever); one met inside a directory is skipped
 * with a note on stderr. Directories reached through a symbolic link are not entered (no loops).
 */
export async function loadSources(paths: readonly string[], io: CliIO): Promise<LoadedInput> {
  if (paths.length === 0) throw new UsageError('no FILE given (a file, a directory, or - for stdin)');
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError('- (stdin) is given more than once');
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const add = (name: string, bytes: Uint8Array): void => {
    const decoded = decodeSource(name, bytes);
    sources.push(decoded.file);
    diagnostics.push(...decoded.diagnostics);
  };
  for (const p of paths) {
    if (p === '-') add('<stdin>', await attempt('<stdin>', () => io.readStdin(MAX_BYTES)));
    else for (const name of await filesOf(p, io)) add(name, await readRegular(name, io));
  }
  return { sources, diagnostics };
}

async function filesOf(path: string, io: CliIO): Promise<string[]> {
  const s = await attempt(path, () => io.stat(path));
  if (s.kind === 'directory') return walk(path, io);
  if (s.kind !== 'file') throw new UsageError(`cannot read ${escapeControls(path)}: ${describe(s.kind)}, not a regular file (pipe it in with - instead)`);
  return [path];
}

async function walk(dir: string, io: CliIO): Promise<string[]> {
  const entries = [...(await attempt(dir, () => io.list(dir)))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = `${dir.replace(/\/+$/, '')}/${e.name}`;
    if (e.kind === 'directory') out.push(...(await walk(p, io)));
    else if (YAML_FILE.test(e.name)) {
      const kind = e.kind === 'symlink' ? (await attempt(p, () => io.stat(p))).kind : e.kind;
      if (kind === 'file') out.push(p);
      else io.stderr(`route-designer: skipped ${escapeControls(p)}: ${describe(kind)}, not a regular file\n`);
    }
  }
  return out;
}

async function readRegular(path: string, io: CliIO): Promise<Uint8Array> {
  const s = await attempt(path, () => io.stat(path));
  if (s.kind !== 'file') throw new UsageError(`cannot read ${escapeControls(path)}: ${describe(s.kind)}, not a regular file`);
  if (s.size > MAX_BYTES) throw new UsageError(`cannot read ${escapeControls(path)}: ${tooLarge(s.size)}`);
  return attempt(path, () => io.readFile(path));
}

async function attempt<T>(path: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw new UsageError(`cannot read ${escapeControls(path)}: ${reasonOf(e)}`);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a path component is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  ENXIO: 'no such device or address',
  EFBIG: tooLarge(),
  ENOTREG: 'not a regular file', // node-io.ts: what was opened is not what was checked
};

/** The system's reason for a failed call: the errno's meaning, never a stack. */
export function reasonOf(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && REASONS[code]) return REASONS[code];
  const message = e instanceof Error ? e.message : String(e);
  // Node's system errors read "EXDEV: cross-device link not permitted, open 'x'".
  return escapeControls(/^[A-Z0-9]+: ([^,]+)/.exec(message)?.[1] ?? message);
}

function tooLarge(size?: number): string {
  const mb = (n: number): string => `${Math.round(n / 1048576)} MB`;
  const limit = `at most ${mb(MAX_BYTES)} can be read`;
  return size === undefined ? `too large (${limit})` : `too large (${mb(size)}; ${limit})`;
}

function describe(kind: FileKind): string {
  const names: Record<FileKind, string> = {
    fifo: 'a FIFO (named pipe)',
    socket: 'a socket',
    device: 'a device',
    directory: 'a directory reached through a symbolic link',
    symlink: 'a symbolic link',
    other: 'a special file',
    file: 'a file',
  };
  return `it is ${names[kind]}`;
}
