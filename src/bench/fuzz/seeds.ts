import { readdirSync, readFileSync } from 'node:fs';
import { generateDesign } from '../generate.js';
import { generateIstioDesign } from '../generate-istio.js';

/** The documents mutations start from: the curated examples and small designs of the bench generators. */
export interface SeedText {
  readonly name: string;
  readonly text: string;
}

const examples = new URL('../../../public/examples/', import.meta.url);

export function loadSeeds(): SeedText[] {
  const out: SeedText[] = readdirSync(examples)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `examples/${f}`, text: readFileSync(new URL(f, examples), 'utf8') }));
  for (const [routes, seed] of [[2, 1], [6, 2]] as const) {
    out.push({ name: `generateDesign(${routes}, ${seed})`, text: generateDesign(routes, seed).text });
    out.push({ name: `generateIstioDesign(${routes}, ${seed})`, text: generateIstioDesign(routes, seed).text });
  }
  return out;
}
