import { execFile } from 'node:child_process';
import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIO, FileKind, GitResult } from './io.js';

/**
 * The real file system, standard streams and git; `write` is the guarded output of main.ts.
 * `cwd` (default: the process's) is where relative paths are read and git runs.
 */
export function nodeIO(write: { stdout: (t: string) => void; stderr: (t: string) => void }, cwd?: string): CliIO {
  const at = (path: string): string => (cwd === undefined ? path : resolve(cwd, path));
  return {
    ...write,
    readStdin,
    stat: async (path) => {
      const s = await stat(at(path));
      return { kind: kindOf(s), size: s.size };
    },
    list: async (dir) => (await readdir(at(dir), { withFileTypes: true })).map((e) => ({ name: e.name, kind: kindOf(e) })),
    readFile: (path) => readFile(at(path)),
    git: (args, input) => runGit(args, input, cwd),
  };
}

/** git's output is held in memory: at most this much (the blobs of one diff side, read in one batch). */
const GIT_MAX_OUTPUT = 1024 * 1024 * 1024;

/** execFile, never a shell: arguments reach git as they are. A non-zero exit resolves; only a git that cannot run rejects. */
function runGit(args: readonly string[], input: Uint8Array | undefined, cwd: string | undefined): Promise<GitResult> {
  return new Promise((done, fail) => {
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
    const child = execFile('git', [...args], { cwd, env, encoding: 'buffer', maxBuffer: GIT_MAX_OUTPUT }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') fail(error);
      else done({ code: error ? Number(error.code) : 0, stdout, stderr: stderr.toString('utf8') });
    });
    child.stdin?.on('error', () => {}); // git may exit before reading its input (an unknown revision): its exit code says why
    child.stdin?.end(input);
  });
}

function kindOf(s: Stats | Dirent): FileKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  if (s.isSymbolicLink()) return 'symlink';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'device';
  return 'other';
}

/**
 * Opened without blocking (a FIFO swapped in after the stat cannot hang the open), then read only
 * if what was opened is a regular file.
 */
async function readFile(path: string): Promise<Uint8Array> {
  const file = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await file.stat()).isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' });
    return await file.readFile();
  } finally {
    await file.close();
  }
}

async function readStdin(maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw Object.assign(new Error('standard input is too large'), { code: 'EFBIG' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
