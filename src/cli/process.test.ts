import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeIO } from './node-io.js';

// The real process (main.ts): what only a real pipe, a full disk or a FIFO can show. It runs the
// source through tsx (no build needed); each run is killed after 50 s, so a hang fails, not stalls
// (a run takes ~2 s on an idle machine; the margin is for a loaded one).
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = 'node --import tsx src/cli/main.ts';
const dir = mkdtempSync(join(tmpdir(), 'rd-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bash(script: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { cwd: ROOT, timeout: 50_000 }, (error, out, err) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, out, err });
    });
  });
}

const service = (i: number): string => `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, namespace: shop}\nspec: {ports: [{port: 80}]}\n`;

describe.runIf(process.platform === 'linux').concurrent('route-designer as a process', { timeout: 60_000 }, () => {
  it('a reader that stops early (| head -1) ends the output quietly, exit 0', async () => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, Array.from({ length: 1500 }, (_, i) => service(i)).join('---\n'));
    const r = await bash(`set -o pipefail; ${CLI} convert ${big} --to istio 2>${dir}/err | head -1; echo "exit \${PIPESTATUS[0]}"; cat ${dir}/err`);
    expect(r.out).toBe('apiVersion: v1\nexit 0\n1500 object(s), 0 loss entries\n');
  });

  it('a full disk (>/dev/full) is one line on stderr and exit 2', async () => {
    const r = await bash(`${CLI} status public/examples/shop.yaml >/dev/full`);
    expect([r.code, r.err]).toEqual([2, 'route-designer: cannot write to standard output: no space left on device\n']);
  });

  it('a FIFO in a directory is skipped with a note; named as FILE it is refused — neither hangs', async () => {
    const fifos = join(dir, 'fifos');
    await bash(`mkdir -p ${fifos} && mkfifo ${fifos}/p.yaml`);
    writeFileSync(join(fifos, 'a.yaml'), service(1));
    const inDir = await bash(`${CLI} validate ${fifos}`);
    expect([inDir.code, inDir.err]).toEqual([0, `route-designer: skipped ${fifos}/p.yaml: it is a FIFO (named pipe), not a regular file\n0 error(s), 0 warning(s), 0 info\n`]);
    const named = await bash(`${CLI} validate ${fifos}/p.yaml`);
    expect([named.code, named.err]).toEqual([2, `route-designer validate: cannot read ${fifos}/p.yaml: it is a FIFO (named pipe), not a regular file (pipe it in with - instead)\n`]);
  });

  it('an empty stdin is no Kubernetes object: exit 2, one line', async () => {
    const r = await bash(`${CLI} status - </dev/null`);
    expect([r.code, r.out, r.err]).toEqual([2, '', 'route-designer status: no Kubernetes objects in <stdin>\n']);
  });

  it('reading a FIFO that replaced a checked file is refused at once, not waited on', async () => {
    const path = join(dir, 'swapped.yaml');
    await bash(`mkfifo ${path}`);
    const io = nodeIO({ stdout: () => {}, stderr: () => {} });
    await expect(io.readFile(path)).rejects.toMatchObject({ code: 'ENOTREG' });
  });
});
