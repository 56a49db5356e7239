import { describe, expect, it } from 'vitest';
import shopNext from '../../examples/shop-next.yaml?raw';
import shopTests from '../../examples/shop.tests.yaml?raw';
import istio from '../../public/examples/istio-subsets.yaml?raw';
import shop from '../../public/examples/shop.yaml?raw';
import { GATEWAY_API_RELEASES, ISTIO_RELEASES, parseTarget } from '../core/index.js';
import { HELP } from './help.js';
import { run } from './run.js';
import { targetWords } from './target-output.js';
import { memoryIO } from './test-io.js';

const FILES = { 'shop.yaml': shop, 'next.yaml': shopNext, 'shop.tests.yaml': shopTests, 'istio.yaml': istio };

/** Every command, as it is run on the examples (issue 14 scope 1: `--target` on every command). */
const COMMANDS: readonly (readonly [string, readonly string[]])[] = [
  ['validate', ['validate', 'shop.yaml']],
  ['status', ['status', 'shop.yaml']],
  ['simulate', ['simulate', 'shop.yaml', '--request', 'GET https://www.shop.example.com/cart']],
  ['test', ['test', 'shop.tests.yaml', 'shop.yaml']],
  ['diff', ['diff', 'shop.yaml', 'next.yaml']],
  ['convert', ['convert', 'istio.yaml', '--to', 'gateway-api']],
];

/**
 * Targets that keep the newest release and the experimental channel (so no kind or field of the
 * examples goes missing) and name what shop.yaml's own GatewayClass names (istio): each command
 * exits as it does without --target. `text` is formatTarget's, `description` describeTarget's.
 */
const GOOD: readonly (readonly [string, { text: string; description: string }])[] = [
  ['gateway-api=v1.6', { text: '', description: 'Gateway API v1.6.1 experimental' }],
  ['gateway-api=v1.6.1,channel=experimental,istio=1.29', { text: 'istio=1.29', description: 'Gateway API v1.6.1 experimental · Istio 1.29' }],
  [' implementation = istio@v1.28 ', { text: 'implementation=istio@1.28', description: 'Gateway API v1.6.1 experimental · istio 1.28' }],
];

async function cli(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIO(FILES);
  const code = await run(argv, io);
  return { code, out: io.out, err: io.err };
}

describe('--target TEXT on every command', () => {
  const cases = COMMANDS.flatMap(([name, argv]) => GOOD.map(([target, json]) => [name, argv, target, json] as const));
  it.each(cases)('%s --target %j: exits as without it, and JSON names the target', async (_name, argv, target, json) => {
    const without = await cli([...argv, '--format', 'json']);
    const given = await cli([...argv, '--format', 'json', '--target', target]);
    expect(given.code).toBe(without.code);
    expect(given.code).not.toBe(2);
    const out = JSON.parse(given.out) as Record<string, unknown>;
    expect(Object.keys(out)[0]).toBe('target');
    expect(out.target).toEqual(json);
    expect('target' in (JSON.parse(without.out) as object)).toBe(false);
  });

  it.each(COMMANDS)('%s takes --target=TEXT as one argument', async (_name, argv) => {
    const given = await cli([...argv, '--format=json', '--target=gateway-api=v1.6,channel=experimental']);
    expect(given.code).not.toBe(2);
    expect((JSON.parse(given.out) as { target: unknown }).target).toEqual({ text: '', description: 'Gateway API v1.6.1 experimental' });
  });

  const BAD: readonly (readonly [readonly string[], RegExp])[] = [
    [['--target', 'gateway-api=v9'], /--target: no Gateway API release v9 is known: v1\.2, v1\.3, v1\.4, v1\.5, v1\.6 /],
    [['--target', 'implementation=nope'], /--target: no conformance report names the implementation "nope"; known: .*cilium, .*envoy-gateway/],
    [['--target', 'implementation=cilium@0.1'], /--target: cilium has no report for 0\.1 or an earlier release; its reports: /],
    [['--target=channel=beta'], /--target: channel must be standard or experimental, not beta/],
    [['--target', 'istio=1.9'], /--target: no Istio release 1\.9 is known: 1\.22, 1\.23/],
    [['--target', 'colour=red'], /--target: unknown target part "colour": use gateway-api=…, channel=…, implementation=…, istio=…/],
    [['--target', 'channel'], /--target: target part "channel" has no value/],
    [['--target', 'channel=standard', '--target', 'channel=standard'], /--target given more than once/],
    [['--target'], /--target needs a value/],
  ];
  const bad = COMMANDS.flatMap(([name, argv]) => BAD.map(([flags, message]) => [name, argv, flags, message] as const));
  it.each(bad)('%s %j %j → exit 2 with the reason', async (name, argv, flags, message) => {
    const got = await cli([...argv, ...flags]);
    expect(got.code).toBe(2);
    expect(got.out).toBe('');
    expect(got.err).toMatch(new RegExp(`^route-designer ${name}: `));
    expect(got.err).toMatch(message);
  });
});

describe('text output names the target', () => {
  const target = 'gateway-api=v1.6,istio=1.29';
  const heading = 'target: Gateway API v1.6.1 experimental · Istio 1.29\n';
  it.each([
    ['validate', ['validate', 'shop.yaml'], 'err'],
    ['status', ['status', 'shop.yaml'], 'out'],
    ['simulate', ['simulate', 'shop.yaml', '--request', 'GET https://www.shop.example.com/cart'], 'out'],
    ['test', ['test', 'shop.tests.yaml', 'shop.yaml'], 'out'],
    ['convert', ['convert', 'istio.yaml', '--to', 'gateway-api'], 'err'],
  ] as const)('%s: a heading line on std%s, and no other change to stdout but that line', async (_name, argv, stream) => {
    const without = await cli(argv);
    const given = await cli([...argv, '--target', target]);
    expect(given[stream].startsWith(heading)).toBe(true);
    expect(without.out).not.toContain('target:');
    expect(without.err).not.toContain('target:');
    // validate's stdout stays file:line:col lines and convert's the YAML to apply.
    expect(stream === 'out' ? given.out.slice(heading.length) : given.out).toBe(without.out);
  });

  it('diff (text and markdown) says its problems were judged, and its requests simulated, for the target', async () => {
    for (const [format, line, added] of [
      ['text', 1, ' Problems judged and requests simulated for the target Gateway API v1.6.1 experimental · Istio 1.29.'],
      ['markdown', 2, ' Problems judged and requests simulated for the target Gateway API v1.6.1 experimental · Istio 1.29.'],
    ] as const) {
      const without = await cli(['diff', 'shop.yaml', 'next.yaml', '--format', format]);
      const given = await cli(['diff', 'shop.yaml', 'next.yaml', '--format', format, '--target', target]);
      expect(given.code).toBe(without.code);
      expect(given.out.split('\n')[line]).toBe(`${without.out.split('\n')[line] ?? ''}${added}`);
      expect(without.out).not.toContain('target');
    }
  });

  it("a failing test case's simulate command carries the --target, and so do diff's (its classes are simulated for it)", async () => {
    const diff = await cli(['diff', 'shop.yaml', 'next.yaml', '--target', target]);
    const commands = diff.out.split('\n').filter((l) => l.trim().startsWith('route-designer simulate '));
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(c).toMatch(/ --target 'istio=1\.29'$/);
    const io = memoryIO({ ...FILES, 't.yaml': 'tests:\n  - name: wrong on purpose\n    request: GET https://www.shop.example.com/cart\n    expect: {status: 404}\n' });
    expect(await run(['test', 't.yaml', 'shop.yaml', '--target', 'gateway-api=v1.6.1,implementation=istio'], io)).toBe(1);
    expect(io.out).toContain(`    simulate --request 'GET https://www.shop.example.com/cart' --target 'implementation=istio'\n`);
  });

  it('a pasted --target is one shell word whatever the version text holds', () => {
    // parseTarget refuses such a version now; a Target built otherwise is still quoted whole.
    expect(parseTarget("implementation=cilium@1.20'x").ok).toBe(false);
    const read = parseTarget('implementation=cilium@1.20');
    expect(read.ok).toBe(true);
    if (read.ok && read.target.implementation) expect(targetWords({ ...read.target, implementation: { ...read.target.implementation, asked: "1.20'x" } })).toBe(` --target 'implementation=cilium@1.20'\\''x'`);
    expect(targetWords(null)).toBe('');
  });

  it('--help documents --target, with the releases the data knows', () => {
    expect(HELP).toContain('--target TEXT');
    const minor = (tag: string | undefined): string => (tag ?? '').split('.').slice(0, 2).join('.');
    expect(HELP).toContain(`gateway-api=${minor(GATEWAY_API_RELEASES[0])}…${minor(GATEWAY_API_RELEASES.at(-1))}`);
    expect(HELP).toContain(`istio=${ISTIO_RELEASES[0] ?? ''}…${ISTIO_RELEASES.at(-1) ?? ''}`);
  });
});
