import type { CliIO } from './io.js';

/** An in-memory CliIO for tests: files by path, a directory is any path prefix ending in `/`. */
export function memoryIO(files: Record<string, string>, stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    readStdin: async () => stdin,
    expand: async (path: string) => {
      if (path in files) return [path];
      const dir = path.endsWith('/') ? path : `${path}/`;
      const inside = Object.keys(files).filter((f) => f.startsWith(dir) && /\.(ya?ml|json)$/.test(f)).sort();
      if (inside.length === 0) throw new Error('ENOENT');
      return inside;
    },
    readFile: async (path: string) => {
      const t = files[path];
      if (t === undefined) throw new Error('ENOENT');
      return t;
    },
  };
  return io;
}
