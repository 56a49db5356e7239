import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { memoryIO, type FakeEntry } from './test-io.js';

const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: shop}\nspec: {ports: [{port: 80}]}\n';
const ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
spec: {controllerName: istio.io/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: infra}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{name: edge, namespace: infra}]
  rules:
    - matches: [{path: {type: PathPrefix, value: "/a\\nforged \\u202e"}}]
      backendRefs: [{name: "x\\n  forged: yes\\e[31m", port: 80}]
    - filters: [{type: RequestHeaderModifier, requestHeaderModifier: {set: [{name: x-a, value: "1\\n    x-forged: 2\\u009b"}]}}]
      backendRefs: [{name: a, port: 80}]
---
${SERVICE}`;

const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];
const utf16le = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).flatMap((u) => [u & 0xff, u >> 8]);
const utf16be = (s: string): number[] => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)).flatMap((u) => [u >> 8, u & 0xff]);

const ARGS: Record<string, string[]> = {
  validate: ['validate'],
  status: ['status'],
  simulate: ['simulate', '--request', 'GET http://h/'],
  convert: ['convert', '--to', 'istio'],
};

async function cli(argv: string[], files: Record<string, FakeEntry>, stdin: string | Uint8Array = '') {
  const io = memoryIO(files, stdin);
  const code = await run(argv, io);
  return { code, out: io.out, err: io.err, opened: io.opened };
}

// DESIGN.md "The command line": "No Kubernetes object in the input: exit 2 with one line saying so
// (a mistyped path never passes)."
describe('input with no Kubernetes object is unusable, for every command', () => {
  const inputs: [string, string[], Record<string, FakeEntry>, string][] = [
    ['empty stdin', ['-'], {}, 'in <stdin>'],
    ['an empty file', ['a.yaml'], { 'a.yaml': '' }, 'in a.yaml'],
    ['a file of comments and markers', ['a.yaml'], { 'a.yaml': '# nothing\n---\n# here\n...\n' }, 'in a.yaml'],
    ['an empty directory', ['d'], { 'd/': { kind: 'directory' } }, 'in d'],
    ['a directory without YAML', ['d'], { 'd/notes.txt': SERVICE }, 'in d'],
    ['an empty List', ['a.yaml'], { 'a.yaml': 'apiVersion: v1\nkind: List\nitems: []\n' }, 'in a.yaml'],
  ];
  it.each(Object.keys(ARGS).flatMap((cmd) => inputs.map((i) => [cmd, ...i] as const)))('%s, %s → exit 2', async (cmd, _what, paths, files, where) => {
    const r = await cli([...(ARGS[cmd] as string[]), ...paths], files);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`route-designer ${cmd}: no Kubernetes objects ${where}\n`);
  });

  it('one empty file beside a usable one is fine', async () => {
    expect((await cli(['validate', 'a.yaml', 'b.yaml'], { 'a.yaml': '', 'b.yaml': SERVICE })).code).toBe(0);
  });
});

describe('files that are not regular files', () => {
  it.each(['fifo', 'socket', 'device'] as const)('a %s inside a directory is skipped with a note, never opened', async (kind) => {
    const r = await cli(['validate', 'd'], { 'd/a.yaml': SERVICE, 'd/p.yaml': { kind } });
    expect(r.code).toBe(0);
    expect(r.err).toMatch(new RegExp(`^route-designer: skipped d/p\\.yaml: it is a ${kind === 'fifo' ? 'FIFO' : kind}`, 'm'));
    expect(r.opened).toEqual(['d/a.yaml']);
  });

  it('a FIFO named as FILE is refused (exit 2), never opened', async () => {
    const r = await cli(['validate', 'p.yaml'], { 'p.yaml': { kind: 'fifo' } });
    expect([r.code, r.err, r.opened]).toEqual([2, 'route-designer validate: cannot read p.yaml: it is a FIFO (named pipe), not a regular file (pipe it in with - instead)\n', []]);
  });

  it('a symbolic link to a file is read; one to a directory is not entered', async () => {
    const r = await cli(['validate', 'd'], { 'd/a.yaml': { symlink: 'x/s.yaml' }, 'd/loop.yaml': { symlink: 'd' }, 'x/s.yaml': SERVICE });
    expect(r.code).toBe(0);
    expect(r.opened).toEqual(['d/a.yaml']);
    expect(r.err).toContain('skipped d/loop.yaml: it is a directory reached through a symbolic link');
  });

  it('a broken symbolic link is an unreadable file', async () => {
    const r = await cli(['validate', 'd'], { 'd/a.yaml': { symlink: 'gone.yaml' } });
    expect([r.code, r.err]).toEqual([2, 'route-designer validate: cannot read d/a.yaml: no such file or directory\n']);
  });
});

describe('a path that cannot be read gives the system reason, one line, exit 2', () => {
  it.each<[string, string[], Record<string, FakeEntry>, string]>([
    ['a missing file', ['nope.yaml'], {}, 'cannot read nope.yaml: no such file or directory'],
    ['an unreadable file', ['a.yaml'], { 'a.yaml': { kind: 'file', error: 'EACCES' } }, 'cannot read a.yaml: permission denied'],
    ['an unreadable subdirectory', ['d'], { 'd/a.yaml': SERVICE, 'd/sub': { kind: 'directory', error: 'EACCES' } }, 'cannot read d/sub: permission denied'],
    ['an unreadable file in a directory', ['d'], { 'd/a.yaml': { kind: 'file', error: 'EACCES' } }, 'cannot read d/a.yaml: permission denied'],
    ['an I/O error', ['a.yaml'], { 'a.yaml': { kind: 'file', error: 'EIO' } }, 'cannot read a.yaml: input/output error'],
    ['an error of another kind', ['a.yaml'], { 'a.yaml': { kind: 'file', error: 'EXDEV' } }, 'cannot read a.yaml: fake error'],
    ['stdin given twice', ['-', '-'], {}, '- (stdin) is given more than once'],
  ])('%s', async (_what, paths, files, message) => {
    const r = await cli(['validate', ...paths], files);
    expect([r.code, r.err]).toEqual([2, `route-designer validate: ${message}\n`]);
  });

  it('stdin larger than any readable text is refused', async () => {
    const r = await cli(['validate', '-'], {}, new Uint8Array(256 * 1048576 + 1));
    expect([r.code, r.err]).toEqual([2, 'route-designer validate: cannot read <stdin>: too large (at most 256 MB can be read)\n']);
  });
});

// YAML 1.2.2 §5.2: the encoding from the byte order mark or the null bytes; what is not a character is an error.
describe('encodings', () => {
  it.each([
    ['UTF-8 with a byte order mark', [0xef, 0xbb, 0xbf, ...utf8(SERVICE)]],
    ['UTF-16LE with a byte order mark', [0xff, 0xfe, ...utf16le(SERVICE)]],
    ['UTF-16BE with a byte order mark', [0xfe, 0xff, ...utf16be(SERVICE)]],
  ])('%s reads as UTF-8 does', async (_what, bytes) => {
    const r = await cli(['validate', 'a.yaml', '--format', 'json'], { 'a.yaml': new Uint8Array(bytes) });
    expect([r.code, JSON.parse(r.out)]).toEqual([0, { diagnostics: [] }]);
  });

  const LATIN1 = new Uint8Array([...utf8('apiVersion: v1\nkind: Service\nmetadata: {name: caf'), 0xe9, ...utf8(', namespace: shop}\nspec: {ports: [{port: 80}]}\n')]);

  it('validate: bytes that are not UTF-8 are a located error (exit 1)', async () => {
    const r = await cli(['validate', 'a.yaml'], { 'a.yaml': LATIN1 });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^a\.yaml:3:21: error InvalidEncoding invalid UTF-8: the byte\(s\) 0xE9 /m);
  });

  it('convert: the same error stops the conversion (exit 1)', async () => {
    const r = await cli(['convert', 'a.yaml', '--to', 'istio'], { 'a.yaml': LATIN1 });
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toContain('a.yaml:3:21: error InvalidEncoding');
  });

  it.each(['status', 'simulate'])('%s: the file is left out, its name never used', async (cmd) => {
    const r = await cli([...(ARGS[cmd] as string[]), 'a.yaml', 'b.yaml', '--format', 'json'], { 'a.yaml': LATIN1, 'b.yaml': SERVICE.replace('name: a', 'name: b') });
    expect(r.err).toContain('a.yaml:3:21: error InvalidEncoding');
    expect(r.err).toContain(`route-designer ${cmd}: left out a.yaml: it holds bytes that are not characters`);
    expect(r.out).not.toContain('\uFFFD');
  });

  it.each(['status', 'simulate'])('%s: nothing left is unusable (exit 2)', async (cmd) => {
    const r = await cli([...(ARGS[cmd] as string[]), 'a.yaml'], { 'a.yaml': LATIN1 });
    expect(r.code).toBe(2);
    expect(r.err).toContain('no Kubernetes objects in a.yaml');
  });
});

// Input values never reach the terminal raw (escape.ts): a newline would forge a line, ESC drives the terminal.
describe('control characters from the input are escaped in every output', () => {
  // Independent of escape.ts: any C0 control but newline, DEL, C1, or a bidi override/isolate.
  const hasUnsafe = (text: string): boolean =>
    [...text].some((ch) => {
      const c = ch.codePointAt(0) as number;
      return (c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    });

  it('validate: file names and messages', async () => {
    const r = await cli(['validate', 'd'], { 'd/evil\n\u001b[2J.yaml': ROUTE });
    expect(r.code).toBe(1);
    expect(r.out).toContain('d/evil\\n\\x1b[2J.yaml:19:');
    expect(hasUnsafe(r.out)).toBe(false);
  });

  it('status: names in conditions', async () => {
    const r = await cli(['status', 'a.yaml'], { 'a.yaml': ROUTE });
    expect(r.out).toContain('Service shop/x\\n  forged: yes\\x1b[31m is not in this design');
    expect(hasUnsafe(r.out)).toBe(false);
    expect(r.out.split('\n').filter((l) => l.includes('forged'))).toHaveLength(1);
  });

  it('simulate: the trace and the headers the backend receives', async () => {
    const r = await cli(['simulate', 'a.yaml', '--request', 'GET http://h/b'], { 'a.yaml': ROUTE });
    expect(r.code).toBe(0);
    expect(r.out).toContain('path /b does not match path prefix /a\\nforged \\u202e');
    expect(r.out).toContain('    x-a: 1\\n    x-forged: 2\\x9b\n');
    expect(hasUnsafe(r.out)).toBe(false);
  });

  it('JSON output escapes DEL, C1 and bidi controls too', async () => {
    const r = await cli(['simulate', 'a.yaml', '--request', 'GET http://h/b', '--format', 'json'], { 'a.yaml': ROUTE });
    expect(hasUnsafe(r.out)).toBe(false);
    expect(r.out).toContain('2\\u009b');
    expect(JSON.stringify(JSON.parse(r.out))).toContain('x-forged: 2\\u009b'.replace('\\u009b', '\u009b'));
  });

  it('convert: the loss report', async () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: "c", namespace: shop}
spec:
  hosts: [a]
  http:
    - fault: {abort: {httpStatus: 500, percentage: {value: 1}}}
      route: [{destination: {host: a, port: {number: 80}}}]
---
${SERVICE}`;
    const r = await cli(['convert', 'd', '--to', 'gateway-api'], { 'd/v\u001b]0;pwned\u0007.yaml': vs });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^d\/v\\x1b\]0;pwned\\x07\.yaml:7:7: loss FaultInjection /m);
    expect(hasUnsafe(r.err)).toBe(false);
  });

  it('usage errors', async () => {
    const r = await cli(['val\u001bidate'], {});
    expect(r.err).toMatch(/^route-designer: unknown command val\\x1bidate\n/);
    const s = await cli(['validate', 'a.yaml', '--format', 'x\u202e'], {});
    expect(s.err).toBe('route-designer validate: --format must be text or json, not x\\u202e\n');
  });
});

describe('--request and -H are read strictly (one line, exit 2)', () => {
  it.each([
    [['--request', 'GET http://h:0x1f90/'], 'invalid port "0x1f90": a port is a decimal number from 1 to 65535'],
    [['--request', 'GET http://user:pw@h/'], '"user:pw@" is user information, which a request does not carry: remove it'],
    [['--request', 'GET http://[::1/'], 'the IPv6 address in "[::1" is not closed by "]"'],
    [['--request', 'GET http://h/', '-H', 'x-a: 1\r\nx-b: 2'], 'invalid header "x-a: 1\\r\\nx-b: 2": it holds the control character U+000D'],
    [['--request', 'GET http://h/', '-H', 'x a: 1'], 'invalid header "x a: 1"'],
  ])('%j', async (argv, message) => {
    const r = await cli(['simulate', 'a.yaml', ...argv], { 'a.yaml': SERVICE });
    expect(r.code).toBe(2);
    expect(r.err.startsWith(`route-designer simulate: --request: ${message}`)).toBe(true);
    expect(r.err.split('\n')).toHaveLength(2);
  });

  it('an IDN host is sent as punycode', async () => {
    const r = await cli(['simulate', 'a.yaml', '--request', 'GET http://bücher.example/', '--format', 'json'], { 'a.yaml': ROUTE });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ status: 200, request: { host: 'xn--bcher-kva.example' } });
  });
});
