/**
 * Test support for the gateway, ServiceEntry and DestinationRule analyzers: design text → parse →
 * compile → the analyzer's input, located the way the CLI locates. Not part of the engine's API.
 */
import { compile } from '../../compile/index.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { SourceLocations } from '../../resources/locations.js';
import { parse } from '../../resources/parse.js';
import type { IstioAnalysisInput } from './types.js';

export interface TestInput extends IstioAnalysisInput {
  /** compile's diagnostics of the same design. */
  readonly compiled: readonly Diagnostic[];
}

export function analyzerInput(text: string, options: { readonly assumeExternal?: boolean } = {}): TestInput {
  const parsed = parse([{ name: 'design.yaml', text }]);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`test YAML does not parse: ${errors.map((d) => d.message).join('; ')}`);
  const assumeExternal = options.assumeExternal === true;
  const locations = new SourceLocations(parsed.files);
  const locate = locations.range.bind(locations);
  const compiled = compile(parsed.resources, { assumeExternal, locate });
  return { resources: parsed.resources, table: compiled.table, locate, assumeExternal, compiled: compiled.diagnostics };
}

/** `Kind ns/name path` of each diagnostic, for compact assertions. */
export function where(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.resource?.kind ?? ''} ${d.resource?.namespace ?? ''}/${d.resource?.name ?? ''} ${d.path ?? ''}`.trim());
}
