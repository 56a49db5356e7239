/**
 * Everything the command line touches outside itself, passed in so tests run without spawning.
 * File system calls reject with an Error carrying the system's `code` (`ENOENT`, `EACCES`…).
 */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads stdin fully (only called for the `-` file); rejects with code `EFBIG` beyond `maxBytes`. */
  readonly readStdin: (maxBytes: number) => Promise<Uint8Array>;
  /** What a path is, following symbolic links. */
  readonly stat: (path: string) => Promise<FileStat>;
  /** A directory's entries, each as it is itself (a symbolic link is `symlink`, not what it points at). */
  readonly list: (dir: string) => Promise<readonly DirEntry[]>;
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /**
   * Runs git (never through a shell) in the working directory with `input` on its stdin; resolves
   * with its exit code, stdout and stderr whatever the code; rejects with the system's `code` when
   * git cannot be run (`ENOENT`: not installed). Absent where there is no git (`diff --git`).
   */
  readonly git?: (args: readonly string[], input?: Uint8Array) => Promise<GitResult>;
}

export interface GitResult {
  readonly code: number;
  readonly stdout: Uint8Array;
  readonly stderr: string;
}

export type FileKind = 'file' | 'directory' | 'fifo' | 'socket' | 'device' | 'symlink' | 'other';

export interface FileStat {
  readonly kind: FileKind;
  readonly size: number;
}

export interface DirEntry {
  readonly name: string;
  readonly kind: FileKind;
}

export const EXIT = { ok: 0, errors: 1, usage: 2, lossy: 3, changed: 4 } as const;
