import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { memoryIO } from './test-io.js';

/**
 * diff --target simulates every request of the diff for the target (core DiffOptions.target), so
 * a change only the target's implementation makes is listed, and the printed simulate command —
 * carrying the --target — gives the answer shown. NGINX Gateway Fabric reads a path regex from the
 * start of the path (`location ~ ^/api`); with no target it is RE2 matching the whole path, where
 * `RegularExpression /api` and `Exact /api` match the same requests.
 */
const design = (pathType: string): string => `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gc}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: web}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: web}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches: [{path: {type: ${pathType}, value: /api}}]
      backendRefs: [{name: a, port: 80}]
    - matches: [{path: {type: Exact, value: /api/v1}, headers: [{name: x-canary, value: "1"}]}]
      backendRefs: [{name: a, port: 80}]
`;
const FILES = { 'old.yaml': design('RegularExpression'), 'new.yaml': design('Exact') };
const NGF = ['--target', 'implementation=nginx-gateway-fabric'];

interface JsonDiff {
  readonly changes: readonly { readonly request: string; readonly before: { readonly status: number }; readonly after: { readonly status: number } }[];
}

async function diff(argv: readonly string[]): Promise<{ code: number; out: string }> {
  const io = memoryIO(FILES);
  const code = await run(['diff', 'old.yaml', 'new.yaml', ...argv], io);
  return { code, out: io.out };
}

/** The words of a printed command, as a POSIX shell splits them (bare words and '…' quoting only). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.trim().matchAll(/(?:'[^']*'|\\'|[^\s'\\]+)+/g)) words.push(m[0].replace(/'([^']*)'|\\(')/g, '$1$2'));
  return words;
}

describe('diff --target simulates its requests for the target', () => {
  it('a change only NGINX Gateway Fabric\'s regex reading makes is listed with --target, not without', async () => {
    const none = await diff(['--format', 'json']);
    expect(none.code).toBe(0);
    expect((JSON.parse(none.out) as JsonDiff).changes).toEqual([]);
    const ngf = await diff(['--format', 'json', ...NGF]);
    expect(ngf.code).toBe(4);
    const changes = (JSON.parse(ngf.out) as JsonDiff).changes;
    expect(changes.map((c) => [c.request, c.before.status, c.after.status])).toEqual([['GET http://reach.example/api/v1', 200, 404]]);
    // Envoy Gateway reads it as RE2 over the whole path, as with no target: nothing changes.
    expect((await diff(['--format', 'json', '--target', 'implementation=envoy-gateway'])).code).toBe(0);
  });

  it.each(['text', 'markdown'])('%s: the printed simulate command carries --target and, run on each version, gives the answer shown', async (format) => {
    const { out } = await diff(['--format', format, ...NGF]);
    expect(out).not.toContain('simulated with no target');
    expect(out).toContain(' Problems judged and requests simulated for the target Gateway API v1.6.1 experimental · nginx-gateway-fabric');
    const commands = out.split('\n').filter((l) => l.trim().startsWith('route-designer simulate '));
    expect(commands).toHaveLength(1);
    const argv = shellWords(commands[0] ?? '').slice(1);
    expect(argv.slice(-2)).toEqual(NGF);
    const answer = async (file: string): Promise<number> => {
      const io = memoryIO(FILES);
      expect(await run([...argv.map((w) => (w === 'new.yaml' ? file : w)), '--format', 'json'], io)).toBe(0);
      return (JSON.parse(io.out) as { status: number }).status;
    };
    expect([await answer('old.yaml'), await answer('new.yaml')]).toEqual([200, 404]);
  });

  it('without --target the commands and the Compared line are as before', async () => {
    const io = memoryIO({ 'old.yaml': design('PathPrefix'), 'new.yaml': design('Exact') });
    expect(await run(['diff', 'old.yaml', 'new.yaml'], io)).toBe(4);
    expect(io.out).not.toContain('--target');
    expect(io.out).not.toContain('target');
  });
});
