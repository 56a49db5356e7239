import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import shop from '../../public/examples/shop.yaml?raw';
import next from '../../examples/shop-next.yaml?raw';
import canary from '../../public/examples/canary.yaml?raw';
import type { GitResult } from './io.js';
import { nodeIO } from './node-io.js';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

// README "Behaviour diff": --git REV [PATH...] — the working tree against the same paths at REV, with a real git.
// The canary example in a namespace of its own (both examples name a Namespace shop).
const store = canary.replace(/\bshop\b/g, 'store');
const root = mkdtempSync(join(tmpdir(), 'rd-diff-git-'));
const repo = join(root, 'repo');
const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' });
const write = (path: string, text: string): void => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};

async function diffIn(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = nodeIO({ stdout: (t) => (out += t), stderr: (t) => (err += t) }, cwd);
  const code = await run(['diff', ...argv], io);
  return { code, out, err };
}

beforeAll(() => {
  mkdirSync(repo);
  git('init', '-q');
  write('deploy/shop.yaml', shop);
  write('deploy/canary.yaml', store);
  write('README.md', '# not a manifest\n');
  write('.gitignore', 'ignored/\n');
  git('add', '.');
  git('commit', '-q', '-m', 'v1');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')('route-designer diff --git, in a real repository', { timeout: 30_000 }, () => {
  it('no edit since the revision: no request changes (exit 0)', async () => {
    const r = await diffIn(repo, '--git', 'HEAD');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^No request behaves differently\nCompared HEAD \(before\) with the working tree \(after\)/);
  });

  it('an edited file, from the root and from a subdirectory, with and without PATH (exit 4)', async () => {
    write('deploy/shop.yaml', next);
    try {
      for (const [cwd, args] of [[repo, ['.']], [repo, []], [repo, ['deploy']], [repo, ['./deploy/']], [join(repo, 'deploy'), ['.']], [join(repo, 'deploy'), ['../deploy/shop.yaml']]] as const) {
        const r = await diffIn(cwd, '--git', 'HEAD', ...args, '--format', 'json');
        expect(r.code, `${cwd} ${args.join(' ')}`).toBe(4);
        const classes = (JSON.parse(r.out) as { changes: { class: string }[] }).changes.map((c) => c.class).sort();
        expect(classes).toEqual([
          '200 → shop/cart-v1 90%, shop/cart-v2 10% ⇒ 200 → shop/cart-v1 50%, shop/cart-v2 50%',
          '200 → shop/storefront ⇒ 200 → shop/catalog',
          '301 → https://(same host):443 (same path) ⇒ 308 → https://(same host):443 (same path)',
        ]);
      }
      const text = await diffIn(join(repo, 'deploy'), '--git', 'HEAD');
      expect(text.out).toContain("   route-designer simulate . --request 'GET https://www.shop.example.com/cart' --gateway infra/edge\n");
    } finally {
      git('checkout', '-q', '--', 'deploy/shop.yaml');
    }
  });

  it('a file added (untracked) and a file deleted are part of the change; ignored files are not read', async () => {
    write('deploy/more/api.yaml', 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: api, namespace: shop}\nspec:\n  parentRefs: [{name: edge, namespace: infra, sectionName: https}]\n  hostnames: [api.shop.example.com]\n  rules: [{backendRefs: [{name: catalog, port: 8080}]}]\n');
    write('ignored/broken.yaml', 'kind: [');
    unlinkSync(join(repo, 'deploy/canary.yaml'));
    try {
      const r = await diffIn(repo, '--git', 'HEAD', '--format', 'json');
      expect(r.code).toBe(4);
      const d = JSON.parse(r.out) as { changes: { class: string }[]; compared: boolean };
      expect(d.compared).toBe(true);
      expect(d.changes.map((c) => c.class).sort()).toEqual(['200 → store/checkout-v1 90%, store/checkout-v2 10% ⇒ 404', '404 ⇒ 200 → shop/catalog']);
    } finally {
      git('checkout', '-q', '--', 'deploy/canary.yaml');
      rmSync(join(repo, 'deploy/more'), { recursive: true });
      rmSync(join(repo, 'ignored'), { recursive: true });
    }
  });

  it('a directory that exists only at the revision: its whole design is gone', async () => {
    git('mv', 'deploy', 'old-deploy');
    try {
      const r = await diffIn(repo, '--git', 'HEAD', 'deploy');
      expect(r.code).toBe(4);
      expect(r.err).toBe('route-designer diff: note: no Kubernetes objects in the working tree: every request is compared with a design that has none\n');
    } finally {
      git('mv', 'old-deploy', 'deploy');
    }
  });

  it('files are read in the order FILE arguments read a directory: of two definitions of one object, the same is kept', async () => {
    const base = 'apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: gc}\nspec: {controllerName: example.com/gc}\n---\napiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: dup}\nspec: {gatewayClassName: gc, listeners: [{name: http, protocol: HTTP, port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: dup}\nspec: {ports: [{port: 80}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: b, namespace: dup}\nspec: {ports: [{port: 80}]}\n';
    const to = (s: string): string => `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: dup}\nspec: {parentRefs: [{name: gw}], rules: [{backendRefs: [{name: ${s}, port: 80}]}]}\n`;
    // git lists dup/b.yaml before dup/b/x.yaml ('.' < '/'); a directory is read b/ first ('b' < 'b.yaml').
    write('dup/b.yaml', base + to('a'));
    write('dup/b/x.yaml', to('b'));
    git('add', 'dup');
    git('commit', '-q', '-m', 'dup');
    execFileSync('bash', ['-c', `git archive HEAD dup | tar -x -C ${JSON.stringify(root)}`], { cwd: repo });
    unlinkSync(join(repo, 'dup/b/x.yaml'));
    try {
      const viaGit = await diffIn(repo, '--git', 'HEAD', 'dup', '--format', 'json');
      const viaDirs = await diffIn(repo, join(root, 'dup'), 'dup', '--format', 'json');
      const classes = (out: string): string[] => (JSON.parse(out) as { changes: { class: string }[] }).changes.map((c) => c.class);
      expect(classes(viaDirs.out)).toEqual(['200 → dup/b ⇒ 200 → dup/a']);
      expect(classes(viaGit.out)).toEqual(classes(viaDirs.out));
    } finally {
      git('rm', '-q', '-r', '--cached', 'dup');
      rmSync(join(repo, 'dup'), { recursive: true });
      git('commit', '-q', '-m', 'no dup');
    }
  });

  it('an unknown revision in a shallow clone says how to fetch it', async () => {
    git('commit', '-q', '--allow-empty', '-m', 'one more, so that a clone of depth 1 is shallow');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, join(root, 'shallow')]);
    const r = await diffIn(join(root, 'shallow'), '--git', 'HEAD~1');
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe('route-designer diff: --git: unknown revision HEAD~1 (no such commit in this repository; this clone is shallow: fetch it first (git fetch --depth=1 origin BRANCH, or fetch-depth: 0 in actions/checkout))\n');
  });

  it.each<[string, string[], string | null, RegExp]>([
    ['an unknown revision', ['--git', 'no-such-rev'], null, /^route-designer diff: --git: unknown revision no-such-rev \(no such commit in this repository\)\n$/],
    ['a path in neither version', ['--git', 'HEAD', 'nowhere'], null, /^route-designer diff: cannot read nowhere: no such file or directory, in the working tree or at HEAD\n$/],
    ['an option where the revision goes', ['--git', '--output=x'], null, /^route-designer diff: --git: --output=x is not a revision\n$/],
    ['stdin as PATH', ['--git', 'HEAD', '-'], null, /not stdin/],
    ['outside a git repository', ['--git', 'HEAD'], root, /^route-designer diff: --git: not a git repository/],
  ])('%s → one line, exit 2', async (_name, argv, cwd, err) => {
    const r = await diffIn(cwd ?? repo, ...argv);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toMatch(err);
  });
});

describe('route-designer diff --git through CliIO (git faked)', () => {
  it('runs git with its arguments as they are (literal pathspecs, no shell), the blobs in one batch', async () => {
    const calls: string[][] = [];
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const answers: Record<string, string> = {
      'rev-parse --show-prefix': '\n',
      'rev-parse --verify': 'abc\n',
      'ls-tree': `100644 blob 1111 ${shop.length}\t$(touch x); *.yaml\0`,
      'cat-file --batch': `1111 blob ${enc(shop).length}\n${shop}\n`,
      'ls-files': '',
    };
    const fake = async (args: readonly string[]): Promise<GitResult> => {
      calls.push([...args]);
      const key = Object.keys(answers).find((k) => args.slice(1).join(' ').startsWith(k));
      return { code: 0, stdout: enc(key === undefined ? '' : (answers[key] ?? '')), stderr: '' };
    };
    const mem = memoryIO({ '$(touch x); *.yaml': next });
    const io = { ...mem, git: fake };
    const code = await run(['diff', '--git', 'main', '$(touch x); *.yaml'], io);
    expect(mem.err).toBe('');
    expect(code).toBe(4);
    expect(calls.every((c) => c[0] === '--literal-pathspecs')).toBe(true);
    expect(calls.find((c) => c[1] === 'ls-tree')).toEqual(['--literal-pathspecs', 'ls-tree', '-r', '-z', '-l', '--end-of-options', 'main', '--', '$(touch x); *.yaml']);
    expect(calls.filter((c) => c[1] === 'cat-file')).toHaveLength(1);
    expect(mem.out).toContain('Compared main (before) with the working tree (after)');
  });
});
