import { analyzeReach, compile, parse } from '../core/index.js';
import { generateDesign } from './generate.js';
import { generateIstioDesign } from './generate-istio.js';
import { measure, report } from './harness.js';

/**
 * Issue 10's reach figure, on its own: analyzeReach (coverage through the path index, one verified
 * witness per rule match) on the generated designs, at 1,000 and N routes per dialect, with the
 * ratio that shows it grows near-linearly (target: time per route at N ≤ 2× the time at 1,000).
 */
export function benchReach(routes: number): void {
  console.log('\nUnreachable-rule analysis (analyzeReach, after compile)');
  for (const [unit, generate] of [['HTTPRoutes', generateDesign], ['VirtualServices', generateIstioDesign]] as const) {
    const perRoute: number[] = [];
    for (const n of [...new Set([Math.min(1_000, routes), routes])]) {
      const parsed = parse([{ name: 'bench.yaml', text: generate(n).text }]);
      const table = compile(parsed.resources).table;
      let result = analyzeReach({ resources: parsed.resources, table });
      const ms = measure(`analyzeReach ${n.toLocaleString('en-US')} ${unit}`, () => {
        result = analyzeReach({ resources: parsed.resources, table });
      }, n >= 10_000 ? 3 : 5);
      const states = { reachable: 0, shadowed: 0, undecided: 0 };
      for (const r of result.rules) states[r.state]++;
      report(`  rules at ${n.toLocaleString('en-US')} ${unit}`, `${result.rules.length.toLocaleString('en-US')} (${states.reachable} reachable, ${states.shadowed} shadowed, ${states.undecided} undecided), ${result.diagnostics.length} problems`);
      perRoute.push(ms / n);
    }
    const [small, large] = [perRoute[0] as number, perRoute[perRoute.length - 1] as number];
    report(`per-route ${routes} / 1000 ${unit} (target ≤ 2×)`, `${(large / small).toFixed(2)}×  ${large / small <= 2 ? 'OK' : 'OVER TARGET'}`);
  }
}
