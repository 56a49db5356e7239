/**
 * `diff --git REV [PATH...]`: the new version is the working tree's files under PATH (what git
 * would commit: tracked and untracked files, not those .gitignore leaves out — no node_modules),
 * the old one the same paths at REV. Paths are relative to the current directory, as git's own
 * pathspecs are (`ls-tree` and `ls-files` print them so too), literal (no pathspec magic).
 */
import { decodeSource, type Diagnostic, type SourceFile } from '../core/index.js';
import { UsageError } from './args.js';
import { escapeControls } from './escape.js';
import type { CliIO, GitResult } from './io.js';
import { loadSources, MAX_BYTES, type LoadedInput } from './load-files.js';

const YAML_FILE = /\.(ya?ml|json)$/i;

export interface GitVersions {
  readonly before: LoadedInput;
  readonly after: LoadedInput;
}

export async function loadGitVersions(rev: string, paths: readonly string[], io: CliIO): Promise<GitVersions> {
  const git = io.git;
  if (git === undefined) throw new UsageError('--git: git cannot be run here');
  if (rev === '' || rev.startsWith('-')) throw new UsageError(`--git: ${escapeControls(rev)} is not a revision`);
  const call = async (args: readonly string[], input?: Uint8Array): Promise<GitResult> => {
    try {
      return await git(['--literal-pathspecs', ...args], input);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      throw new UsageError(code === 'ENOENT' ? '--git: git is not installed (not found on PATH)' : `--git: git failed: ${escapeControls(e instanceof Error ? e.message : String(e))}`);
    }
  };
  const inRepo = await call(['rev-parse', '--show-prefix']);
  if (inRepo.code !== 0) throw new UsageError(`--git: ${gitSays(inRepo) || 'not inside a git repository'}`);
  const known = await call(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (known.code !== 0) {
    // CI checkouts are often shallow (GitHub's actions/checkout fetches one commit): say so.
    const shallow = (await call(['rev-parse', '--is-shallow-repository'])).stdout;
    const hint = new TextDecoder().decode(shallow).trim() === 'true' ? '; this clone is shallow: fetch it first (git fetch --depth=1 origin BRANCH, or fetch-depth: 0 in actions/checkout)' : '';
    throw new UsageError(`--git: unknown revision ${escapeControls(rev)} (no such commit in this repository${hint})`);
  }
  if (paths.includes('-')) throw new UsageError('--git reads the working tree and the revision, not stdin (-)');
  const specs = paths.length === 0 ? ['.'] : paths.map(normal);
  const tree = await call(['ls-tree', '-r', '-z', '-l', '--end-of-options', rev, '--', ...specs]);
  if (tree.code !== 0) throw new UsageError(`--git: ${gitSays(tree)}`);
  const old = treeFiles(tree.stdout, specs, rev);
  const working = await workingFiles(specs, io, call);
  for (const p of specs) {
    const under = (f: string): boolean => p === '.' || f === p || f.startsWith(`${p}/`);
    if (!old.some((f) => under(f.path)) && !working.exists.has(p)) throw new UsageError(`cannot read ${escapeControls(p)}: no such file or directory, in the working tree or at ${escapeControls(rev)}`);
  }
  const before = await readBlobs(old.sort((a, b) => byWalk(a.path, b.path)), call);
  const after = working.files.length === 0 ? { sources: [], diagnostics: [] } : await loadSources(working.files, io);
  return { before, after };
}

/**
 * The order a directory is read in as a FILE argument (load-files.ts: each directory's entries by
 * name), so that where two files define one object, the same one is kept as `diff OLD/ NEW/` keeps.
 */
function byWalk(a: string, b: string): number {
  const [x, y] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i] ?? '', y[i] ?? ''];
    if (p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** `a/./b/` → `a/b`, `./` → `.`: the form git prints paths in. */
function normal(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

function gitSays(r: GitResult): string {
  const line = r.stderr.split('\n').find((l) => l.trim() !== '') ?? '';
  return escapeControls(line.replace(/^(fatal|error): /, ''));
}

interface Blob {
  readonly path: string;
  readonly oid: string;
}

/** `ls-tree -r -z -l` lines (`mode type oid size\tpath`): regular files only, YAML or JSON unless named. */
function treeFiles(out: Uint8Array, specs: readonly string[], rev: string): Blob[] {
  const blobs: Blob[] = [];
  for (const line of new TextDecoder().decode(out).split('\0')) {
    const m = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(line);
    if (!m) continue;
    const [, mode = '', type = '', oid = '', size = '', path = ''] = m;
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue;
    if (!YAML_FILE.test(path) && !specs.includes(path)) continue;
    if (Number(size) > MAX_BYTES) throw new UsageError(`cannot read ${escapeControls(`${rev}:${path}`)}: too large (${Math.round(Number(size) / 1048576)} MB)`);
    blobs.push({ path, oid });
  }
  return blobs;
}

/** Every blob in one `git cat-file --batch` (one process, not one per file): `oid type size\n<bytes>\n` each. */
async function readBlobs(blobs: readonly Blob[], call: (args: readonly string[], input?: Uint8Array) => Promise<GitResult>): Promise<LoadedInput> {
  if (blobs.length === 0) return { sources: [], diagnostics: [] };
  const r = await call(['cat-file', '--batch'], new TextEncoder().encode(blobs.map((b) => `${b.oid}\n`).join('')));
  if (r.code !== 0) throw new UsageError(`--git: ${gitSays(r)}`);
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  let at = 0;
  for (const b of blobs) {
    const eol = r.stdout.indexOf(0x0a, at);
    const header = new TextDecoder().decode(r.stdout.subarray(at, eol)).split(' ');
    const size = Number(header[2]);
    if (eol < 0 || header[1] !== 'blob' || !Number.isInteger(size)) throw new UsageError(`--git: cannot read ${escapeControls(b.path)} (git cat-file answered ${escapeControls(header.join(' '))})`);
    const decoded = decodeSource(b.path, r.stdout.subarray(eol + 1, eol + 1 + size));
    sources.push(decoded.file);
    diagnostics.push(...decoded.diagnostics);
    at = eol + 1 + size + 1;
  }
  return { sources, diagnostics };
}

/**
 * The working tree's files under the paths: a regular file named is read as it is (even if
 * ignored); in a directory, what `git ls-files` lists (tracked, or untracked and not ignored) and
 * is still there. `exists`: the paths found in the working tree.
 */
async function workingFiles(specs: readonly string[], io: CliIO, call: (args: readonly string[]) => Promise<GitResult>): Promise<{ files: string[]; exists: Set<string> }> {
  const exists = new Set<string>();
  const files: string[] = [];
  const dirs: string[] = [];
  for (const p of specs) {
    const kind = (await io.stat(p).catch(() => null))?.kind;
    if (kind === undefined) continue;
    exists.add(p);
    if (kind === 'directory') dirs.push(p);
    else files.push(p);
  }
  if (dirs.length > 0) {
    const listed = await call(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...dirs]);
    if (listed.code !== 0) throw new UsageError(`--git: ${gitSays(listed)}`);
    const names = [...new Set(new TextDecoder().decode(listed.stdout).split('\0'))].filter((n) => n !== '' && YAML_FILE.test(n)).sort(byWalk);
    const named = new Set(files);
    for (const n of names) if (!named.has(n) && (await io.stat(n).catch(() => null)) !== null) files.push(n);
  }
  return { files, exists };
}
