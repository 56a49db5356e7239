import { constants, type Dirent, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import type { CliIO, FileKind } from './io.js';

/** The real file system and standard streams; `write` is the guarded output of main.ts. */
export function nodeIO(write: { stdout: (t: string) => void; stderr: (t: string) => void }): CliIO {
  return {
    ...write,
    readStdin,
    stat: async (path) => {
      const s = await stat(path);
      return { kind: kindOf(s), size: s.size };
    },
    list: async (dir) => (await readdir(dir, { withFileTypes: true })).map((e) => ({ name: e.name, kind: kindOf(e) })),
    readFile,
  };
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
