import { compile, parse, parseBackendBehaviour, parseRequest, simulate, type Request, type SimulateOptions } from '../core/index.js';
import { generateDesign } from './generate.js';
import { generateIstioDesign } from './generate-istio.js';
import { measure, report } from './harness.js';

/**
 * Issue 3's figures, for each dialect: compile time at 100, 1,000 and 10,000 routes (HTTPRoutes,
 * or VirtualServices); the per-request time of 100,000 random requests at each size. Target:
 * per-request time grows sub-linearly — at 10,000 routes at most 3× the time at 100 (virtual
 * hosts are indexed by hostname and path, whichever dialect built them). Issue 13's: the same
 * requests with the backend answering 503, 503, 200 after 2 s each (every forwarded share runs its
 * tries under its rule's timeouts and retries, or the dialect's defaults).
 */
const PATHS = ['/api/v1/items', '/api/v2/cart?id=1', '/api', '/healthz', '/healthz/deep', '/other', '/', '/api/v3/x'];

function requests(hostnames: readonly string[], count: number): Request[] {
  // mulberry32: a plain LCG's `s % n` cycles in its low bits (every request was `POST /api/v1/items`).
  let s = 7;
  const rand = (n: number): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
  const out: Request[] = [];
  for (let i = 0; i < count; i++) {
    const host = rand(10) === 0 ? 'unknown.example.com' : (hostnames[rand(hostnames.length)] as string);
    const method = rand(4) === 0 ? 'POST' : 'GET';
    const headers = rand(3) === 0 ? ['x-canary: true'] : [];
    const parsed = parseRequest(`${method} https://${host}${PATHS[rand(PATHS.length)]}`, headers);
    if (parsed.ok) out.push(parsed.request);
  }
  return out;
}

const behaviour = parseBackendBehaviour('503,503,200', '2s');
if (!behaviour.ok) throw new Error(behaviour.error);
const FAILS_TWICE: SimulateOptions = { backend: behaviour.behaviour };

interface Dialect {
  readonly title: string;
  /** What one route is called in the figures ("HTTPRoutes", "VirtualServices"). */
  readonly unit: string;
  readonly generate: (routes: number) => { readonly text: string; readonly hostnames: readonly string[] };
}

function benchDialect(d: Dialect, sizes: readonly number[], count: number): void {
  console.log(`\n${d.title}: ${count.toLocaleString('en-US')} random requests per size`);
  const perRequest = new Map<number, number>();
  for (const routes of sizes) {
    const n = routes.toLocaleString('en-US');
    const design = d.generate(routes);
    const parsed = parse([{ name: 'bench.yaml', text: design.text }]);
    let table = compile(parsed.resources).table;
    measure(`compile ${n} ${d.unit}`, () => {
      table = compile(parsed.resources).table;
    }, routes >= 10_000 ? 3 : 5);
    const reqs = requests(design.hostnames, count);
    let ok = 0;
    const ms = measure(`simulate ${reqs.length.toLocaleString('en-US')} requests at ${n} ${d.unit}`, () => {
      ok = 0;
      for (const r of reqs) if (simulate(table, r).status === 200) ok++;
    }, 3);
    perRequest.set(routes, (ms * 1000) / reqs.length);
    report(`  per request at ${n} ${d.unit}`, `${((ms * 1000) / reqs.length).toFixed(2)} µs (${ok.toLocaleString('en-US')} answered 200)`);
    let tried = 0;
    const whatIf = measure(`  again, backend answers 503,503,200 after 2 s`, () => {
      tried = 0;
      for (const r of reqs) tried += simulate(table, r, FAILS_TWICE).attempts?.length ?? 0;
    }, 3);
    report(`  per request, backend answers`, `${((whatIf * 1000) / reqs.length).toFixed(2)} µs (${(whatIf / ms).toFixed(2)}× plain; ${tried.toLocaleString('en-US')} tries)`);
  }
  const small = perRequest.get(sizes[0] as number) as number;
  const large = perRequest.get(sizes[sizes.length - 1] as number) as number;
  report(`per-request ${sizes[sizes.length - 1]} / ${sizes[0]} ${d.unit} (target ≤ 3×)`, `${(large / small).toFixed(2)}×  ${large / small <= 3 ? 'OK' : 'OVER TARGET'}`);
}

export function benchSimulate(sizes: readonly number[] = [100, 1_000, 10_000], count = 100_000): void {
  benchDialect({ title: 'Gateway API compile + simulate', unit: 'HTTPRoutes', generate: generateDesign }, sizes, count);
  benchDialect({ title: 'Istio compile + simulate', unit: 'VirtualServices', generate: generateIstioDesign }, sizes, count);
}
