import yaml from 'js-yaml';
import { parse, review, validate } from '../core/index.js';
import { generateDesign } from './generate.js';
import { measure, measureTimes, report } from './harness.js';

/**
 * Issue 2's figure: parse + schema + CEL validation of 10,000 HTTPRoutes (with their Gateways and
 * Services) against the floor — the same text through js-yaml's loadAll alone — in the same run.
 * Target: ours ≤ 2× the floor. Issue 10's: `validate` with everything (core `review`: parse,
 * API server, CEL, compile and status, the istioctl analyzers, unreachable rules) ≤ 3× the floor.
 */
export function benchParseValidate(routes = 10_000): void {
  const design = generateDesign(routes);
  console.log(`\nparse + validate: ${routes.toLocaleString('en-US')} HTTPRoutes, ${design.documents.toLocaleString('en-US')} documents, ${(design.text.length / 1048576).toFixed(1)} MB`);
  const floorTimes = measureTimes('js-yaml loadAll (floor)', () => yaml.loadAll(design.text), 3);
  const floor = floorTimes.wall;
  const parseOnly = measure('parse (documents, kinds, locations on demand)', () => parse([{ name: 'bench.yaml', text: design.text }]), 3);
  let errors = 0;
  const totalTimes = measureTimes('parse + schema + CEL validation', () => {
    const parsed = parse([{ name: 'bench.yaml', text: design.text }]);
    errors = validate(parsed).filter((d) => d.severity === 'error').length;
  }, 3);
  const total = totalTimes.wall;
  report('parse alone / floor', `${(parseOnly / floor).toFixed(2)}×`);
  report('parse + validate / floor (target ≤ 2×)', `${(total / floor).toFixed(2)}×  ${total / floor <= 2 ? 'OK' : 'OVER TARGET'}`);
  report('parse + validate / floor in CPU time', `${(totalTimes.cpu / floorTimes.cpu).toFixed(2)}×`);
  report('errors found in the generated design (expect 0)', String(errors));
  let verdict = { problems: 0, rules: 0 };
  const everything = measureTimes('validate with everything (review: the verdict)', () => {
    const v = review([{ name: 'bench.yaml', text: design.text }]);
    verdict = { problems: v.diagnostics.length, rules: v.reach.length };
  }, 3);
  report('verdict / floor (target ≤ 3×)', `${(everything.wall / floor).toFixed(2)}×  ${everything.wall / floor <= 3 ? 'OK' : 'OVER TARGET'}`);
  report('verdict / floor in CPU time (a loaded machine)', `${(everything.cpu / floorTimes.cpu).toFixed(2)}×`);
  report('verdict: problems, rules analysed for reach', `${verdict.problems}, ${verdict.rules.toLocaleString('en-US')}`);
}
