import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

const service = (name: string, port: number | string = 80) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
    - port: ${port}
`;

// DESIGN.md "The command line": validate exits 0 no errors (warnings allowed), 1 errors, 2 unusable input/usage.
describe('route-designer validate', () => {
  it.each([
    ['a clean file', { 'a.yaml': service('a') }, ['a.yaml'], 0],
    ['a file with a YAML error', { 'a.yaml': `${service('a')}---\nfoo: [1\n` }, ['a.yaml'], 1],
    ['only an unusable document', { 'a.yaml': 'foo: [1\n' }, ['a.yaml'], 2],
    ['a missing file', {}, ['nope.yaml'], 2],
    ['no file at all', {}, [], 2],
    ['a directory, recursively', { 'dir/a.yaml': service('a'), 'dir/sub/b.yml': service('b'), 'dir/notes.txt': 'x' }, ['dir'], 0],
  ])('%s → exit %i', async (_what, files, paths, code) => {
    const io = memoryIO(files);
    expect(await run(['validate', ...paths], io)).toBe(code);
  });

  it('prints file:line:col: severity CODE message', async () => {
    const io = memoryIO({ 'a.yaml': `${service('a')}---\napiVersion: v1\nkind: Service\n` });
    expect(await run(['validate', 'a.yaml'], io)).toBe(1);
    expect(io.out).toMatch(/^a\.yaml:9:1: error MissingName the Service has no metadata\.name$/m);
  });

  it('reads stdin as <stdin>', async () => {
    const io = memoryIO({}, 'apiVersion: v1\nkind: Service\nkind: Service\n');
    expect(await run(['validate', '-'], io)).toBe(2);
    expect(io.out).toMatch(/^<stdin>:3:1: error YAMLDuplicateKey/m);
  });

  it('gives the JSON contract with --format json', async () => {
    const io = memoryIO({ 'a.yaml': 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\nfoo: [1\n' });
    expect(await run(['validate', 'a.yaml', '--format', 'json'], io)).toBe(1);
    const json = JSON.parse(io.out) as { diagnostics: Record<string, unknown>[] };
    expect(json.diagnostics[0]).toEqual({
      code: 'YAMLSyntax',
      severity: 'error',
      message: expect.any(String),
      file: 'a.yaml',
      line: expect.any(Number),
      column: expect.any(Number),
      endLine: expect.any(Number),
      endColumn: expect.any(Number),
      resource: null,
      path: null,
    });
  });

  it.each([
    [['validate', 'a.yaml', '--format', 'xml']],
    [['validate', 'a.yaml', '--bogus']],
    [['validate', 'a.yaml', '-n', 'Not_A_Namespace']],
    [['frobnicate']],
  ])('usage error %j → exit 2', async (argv) => {
    const io = memoryIO({ 'a.yaml': service('a') });
    expect(await run(argv, io)).toBe(2);
    expect(io.err).not.toBe('');
  });

  it('applies -n to objects without a namespace', async () => {
    const io = memoryIO({ 'a.yaml': `${service('a')}---\n${service('a')}` });
    await run(['validate', 'a.yaml', '-n', 'team', '--format', 'json'], io);
    const json = JSON.parse(io.out) as { diagnostics: { code: string; resource: { namespace: string } }[] };
    expect(json.diagnostics.find((d) => d.code === 'DuplicateResource')?.resource.namespace).toBe('team');
  });

  it('prints help with exit 0', async () => {
    const io = memoryIO({});
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toContain('route-designer validate FILE...');
  });
});
