import { parse } from '../resources/parse.js';
import { SourceLocations } from '../resources/locations.js';
import { convert } from './index.js';
import type { ConvertOptions, ConvertResult } from './types.js';
import type { Resource } from '../resources/types.js';

/** Test helper: YAML text → resources and their conversion (with exact locations). */
export function convertText(text: string, options: Omit<ConvertOptions, 'locations'>): { resources: readonly Resource[]; result: ConvertResult } {
  const parsed = parse([{ name: 'in.yaml', text }]);
  return { resources: parsed.resources, result: convert(parsed.resources, { ...options, locations: new SourceLocations(parsed.files) }) };
}

export function codes(r: ConvertResult): string[] {
  return [...new Set(r.loss.map((l) => l.code))].sort();
}

export function item(r: ConvertResult, kind: string, name: string): Record<string, unknown> | undefined {
  return r.items.find((o) => o.kind === kind && (o.metadata as { name?: string } | undefined)?.name === name);
}
