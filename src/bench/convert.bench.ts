import { compile, convert, parse } from '../core/index.js';
import { generateDesign } from './generate.js';
import { generateIstioDesign } from './generate-istio.js';
import { measure, report } from './harness.js';

/**
 * Conversion of a 10,000-route design both ways, against compiling the same design in the same
 * run (target: convert ≤ 2× compile). Parsing is done once, outside the timings.
 */
export function benchConvert(routes = 10_000): void {
  const gw = parse([{ name: 'gateway-api.yaml', text: generateDesign(routes).text }]).resources;
  const istio = parse([{ name: 'istio.yaml', text: generateIstioDesign(routes).text }]).resources;
  console.log(`\nconvert: ${routes.toLocaleString('en-US')} routes each way`);
  const compileGw = measure('compile (Gateway API design)', () => compile(gw), 3);
  let lossGw = 0;
  const toIstio = measure('convert Gateway API → Istio', () => {
    lossGw = convert(gw, { to: 'istio' }).loss.length;
  }, 3);
  const compileIstio = measure('compile (Istio design)', () => compile(istio), 3);
  let lossIstio = 0;
  const toGw = measure('convert Istio → Gateway API', () => {
    lossIstio = convert(istio, { to: 'gateway-api' }).loss.length;
  }, 3);
  const ok = (r: number): string => `${r.toFixed(2)}×  ${r <= 2 ? 'OK' : 'OVER TARGET'}`;
  report('Gateway API → Istio / compile (target ≤ 2×)', ok(toIstio / compileGw));
  report('Istio → Gateway API / compile (target ≤ 2×)', ok(toGw / compileIstio));
  report('loss entries (Gateway API → Istio, Istio → Gateway API)', `${lossGw}, ${lossIstio}`);
}
