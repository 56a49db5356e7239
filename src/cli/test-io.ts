import type { CliIO, DirEntry, FileKind, FileStat } from './io.js';

/**
 * One path of the in-memory file system: a file's text (UTF-8) or bytes; a special file (reading
 * a FIFO never returns, as a FIFO with no writer); an empty directory; a symbolic link; or a file
 * or directory that exists but cannot be read (`error` is the errno code, e.g. EACCES).
 */
export type FakeEntry =
  | string
  | Uint8Array
  | { readonly kind: 'fifo' | 'socket' | 'device' | 'directory' }
  | { readonly symlink: string }
  | { readonly kind: 'file' | 'directory'; readonly error: string };

export type MemoryIO = CliIO & { out: string; err: string; readonly opened: string[] };

const sysError = (code: string, path: string): Error => Object.assign(new Error(`${code}: fake error, ${path}`), { code });

/**
 * An in-memory CliIO for tests. Keys are paths; a directory is any prefix before a `/` (or a key
 * ending in `/`, or `{ kind: 'directory' }` for an empty one). `opened` lists every file read.
 */
export function memoryIO(files: Record<string, FakeEntry>, stdin: string | Uint8Array = ''): MemoryIO {
  const entries = new Map(Object.entries(files).map(([k, v]) => [k.replace(/\/+$/, ''), v]));
  const isDir = (p: string): boolean => {
    const e = entries.get(p);
    if (e !== undefined && typeof e === 'object' && 'kind' in e) return e.kind === 'directory';
    return e === undefined && [...entries.keys()].some((k) => k.startsWith(`${p}/`));
  };
  const resolve = (path: string, depth = 0): string => {
    const e = entries.get(path);
    if (e !== undefined && typeof e === 'object' && 'symlink' in e) {
      if (depth > 8) throw sysError('ELOOP', path);
      return resolve(e.symlink, depth + 1);
    }
    return path;
  };
  const kindOf = (e: FakeEntry): FileKind => (typeof e === 'string' || e instanceof Uint8Array ? 'file' : 'symlink' in e ? 'symlink' : e.kind);
  const bytesOf = (e: string | Uint8Array): Uint8Array => (typeof e === 'string' ? new TextEncoder().encode(e) : e);
  const trim = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);

  const io: MemoryIO = {
    out: '',
    err: '',
    opened: [],
    stdout: (t) => {
      io.out += t;
    },
    stderr: (t) => {
      io.err += t;
    },
    readStdin: async (maxBytes) => {
      const b = bytesOf(stdin);
      if (b.length > maxBytes) throw sysError('EFBIG', '<stdin>');
      return b;
    },
    stat: async (path): Promise<FileStat> => {
      const p = resolve(trim(path));
      const e = entries.get(p);
      if (e !== undefined) return { kind: kindOf(e), size: typeof e === 'string' || e instanceof Uint8Array ? bytesOf(e).length : 0 };
      if (isDir(p)) return { kind: 'directory', size: 0 };
      throw sysError('ENOENT', path);
    },
    list: async (dir): Promise<DirEntry[]> => {
      const d = resolve(trim(dir));
      const e = entries.get(d);
      if (e !== undefined && typeof e === 'object' && 'error' in e) throw sysError(e.error, dir);
      if (!isDir(d)) throw sysError(entries.has(d) ? 'ENOTDIR' : 'ENOENT', dir);
      const children = new Map<string, FileKind>();
      for (const [k, v] of entries) {
        if (!k.startsWith(`${d}/`)) continue;
        const rest = k.slice(d.length + 1);
        const slash = rest.indexOf('/');
        children.set(slash === -1 ? rest : rest.slice(0, slash), slash === -1 ? kindOf(v) : 'directory');
      }
      return [...children].map(([name, kind]) => ({ name, kind }));
    },
    readFile: (path) => {
      const p = resolve(trim(path));
      const e = entries.get(p);
      io.opened.push(path);
      if (e === undefined) return Promise.reject(sysError(isDir(p) ? 'EISDIR' : 'ENOENT', path));
      if (typeof e === 'string' || e instanceof Uint8Array) return Promise.resolve(bytesOf(e));
      if ('error' in e) return Promise.reject(sysError(e.error, path));
      if ('kind' in e && e.kind !== 'directory') return new Promise<Uint8Array>(() => {}); // blocks for ever, like a FIFO with no writer
      return Promise.reject(sysError('EISDIR', path));
    },
  };
  return io;
}
