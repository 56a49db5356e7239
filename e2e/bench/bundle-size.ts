import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** The JavaScript the page loads before anything lazy: the entry and its static imports. */
  readonly files: readonly { readonly file: string; readonly bytes: number; readonly gzip: number }[];
  readonly gzip: number;
  readonly bytes: number;
}

/** Static imports of a built ES module (`import … from "./x.js"`, `import "./x.js"`, `export … from`), not `import()`. */
function staticImports(code: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+\.js)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) if (m[1]) found.push(m[1]);
  return found;
}

/**
 * The initial JavaScript of a built app: index.html's module scripts and modulepreloads, then
 * every module they import statically — what loads before Monaco and the layout engine, which
 * are imported lazily. Sizes are gzip (zlib, level 9) of each file.
 */
export function initialJavaScript(dist: string): BundleSize {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  const queue = entries.map((e) => resolve(dist, e));
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
  }
  const files = [...seen].map((file) => {
    const data = readFileSync(file);
    return { file: file.slice(resolve(dist).length + 1), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
  return { files, gzip: files.reduce((s, f) => s + f.gzip, 0), bytes: files.reduce((s, f) => s + f.bytes, 0) };
}
