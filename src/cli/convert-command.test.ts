import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.js';
import { CONVERT_FLAGS, runConvert } from './convert-command.js';
import { memoryIO } from './test-io.js';

const ISTIO = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: cart, namespace: shop}
spec:
  hosts: [cart]
  http:
    - route: [{destination: {host: cart, port: {number: 80}}}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 80}]}
`;
const LOSSY = ISTIO.replace('    - route:', '    - fault: {abort: {httpStatus: 500, percentage: {value: 1}}}\n      route:');

async function convertCli(argv: string[], files: Record<string, string>, stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO(files, stdin);
  try {
    const code = await runConvert(parseArgs(['convert', ...argv], CONVERT_FLAGS), io);
    return { code, out: io.out, err: io.err };
  } catch (e) {
    // run.ts turns a UsageError into exit 2; this test calls the command directly.
    if (e instanceof UsageError) return { code: 2, out: io.out, err: e.message };
    throw e;
  }
}

// DESIGN.md "The command line": convert exits 0 lossless, 3 something lost, 1 input has errors, 2 unusable input/usage.
describe('route-designer convert', () => {
  it('prints YAML on stdout and exits 0 when lossless', async () => {
    const r = await convertCli(['a.yaml', '--to', 'gateway-api'], { 'a.yaml': ISTIO });
    expect(r.code).toBe(0);
    expect(r.out).toContain('kind: HTTPRoute');
    expect(r.out).toContain('kind: Service');
  });

  it('prints file:line:col: loss CODE message on stderr and exits 3', async () => {
    const r = await convertCli(['a.yaml', '--to', 'gateway-api'], { 'a.yaml': LOSSY });
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^a\.yaml:7:7: loss FaultInjection /m);
  });

  it('gives {"items", "loss"} with --format json', async () => {
    const r = await convertCli(['a.yaml', '--to', 'gateway-api', '--format', 'json'], { 'a.yaml': LOSSY });
    const json = JSON.parse(r.out) as { items: { kind: string }[]; loss: Record<string, unknown>[] };
    expect(json.items.map((i) => i.kind)).toEqual(['HTTPRoute', 'Service']);
    expect(json.loss[0]).toEqual({ code: 'FaultInjection', message: expect.any(String), file: 'a.yaml', line: 7, column: 7, resource: { kind: 'VirtualService', namespace: 'shop', name: 'cart' }, path: 'spec.http[0].fault', scope: 'spec.http[0]' });
  });

  it('converts to Istio from stdin', async () => {
    const gw = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: shop}\nspec:\n  parentRefs: [{group: "", kind: Service, name: cart}]\n  rules: [{backendRefs: [{name: cart, port: 80}]}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec: {ports: [{port: 80}]}\n';
    const r = await convertCli(['-', '--to', 'istio'], {}, gw);
    expect(r.code).toBe(0);
    expect(r.out).toContain('kind: VirtualService');
  });

  it('--subsets-as-services writes a Service per subset', async () => {
    const dr = '---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: cart, namespace: shop}\nspec: {host: cart, subsets: [{name: v1, labels: {v: "1"}}]}\n';
    const text = ISTIO.replace('port: {number: 80}}', 'port: {number: 80}, subset: v1}') + dr;
    const lossy = await convertCli(['a.yaml', '--to', 'gateway-api'], { 'a.yaml': text });
    expect(lossy.code).toBe(3);
    // The command line names its own flag (the core's message names no front end's switch).
    expect(lossy.err).toMatch(/loss Subset .*\(use --subsets-as-services\)\n/);
    const r = await convertCli(['a.yaml', '--to', 'gateway-api', '--subsets-as-services'], { 'a.yaml': text });
    expect(r.code).toBe(0);
    expect(r.out).toContain('name: cart-v1');
  });

  it('exits 1 when the input has errors', async () => {
    const r = await convertCli(['a.yaml', '--to', 'istio'], { 'a.yaml': `${ISTIO}---\napiVersion: v1\nkind: Service\n` });
    expect(r.code).toBe(1);
    expect(r.err).toContain('MissingName');
  });

  it.each([
    [['a.yaml'], 'no --to'],
    [['a.yaml', '--to', 'nginx'], 'bad --to'],
    [['nope.yaml', '--to', 'istio'], 'missing file'],
  ])('exits 2 for %j (%s)', async (argv) => {
    expect((await convertCli(argv, { 'a.yaml': ISTIO })).code).toBe(2);
  });

  it('exits 2 for unusable input', async () => {
    expect((await convertCli(['a.yaml', '--to', 'istio'], { 'a.yaml': 'foo: [1\n' })).code).toBe(2);
  });
});

describe('convert reads its input by the target channel\'s rules (issue 16)', () => {
  // One Service named twice in parentRefs, on ports 80 and 8080, without sectionName: the v1.6.1
  // experimental CRD's rule counts the port ("sectionName or port must be unique"), the standard one does not.
  const MESH = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: shop}
spec:
  parentRefs: [{kind: Service, group: "", name: cart, port: 80}, {kind: Service, group: "", name: cart, port: 8080}]
  rules: [{backendRefs: [{name: cart, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec: {ports: [{port: 80}, {port: 8080}]}
`;
  it.each([
    [[], 'no refusal'],
    [['--target', 'channel=experimental'], 'no refusal'],
    [['--target', 'channel=standard'], 'RouteParentRefSectionNameUnique'],
  ])('%j: %s', async (flags, expected) => {
    const r = await convertCli(['a.yaml', '--to', 'istio', ...flags], { 'a.yaml': MESH });
    if (expected === 'no refusal') {
      expect(r.err).not.toContain('fix them before converting');
      expect(r.out).toContain('kind: VirtualService');
    } else {
      expect(r.code).toBe(1);
      expect(r.err).toContain(expected);
    }
  });
});
