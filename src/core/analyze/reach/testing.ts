/** Test support for the reach analysis: design text → parse → compile → analyzeReach. Tests only. */
import type { CompileResult } from '../../compile/types.js';
import { basic, httpRoute, to } from '../../simulate/testing.js';
import { compileText } from '../../test-kit.js';
import { analyzeReach } from './index.js';
import type { ReachResult } from './types.js';

export function reachOf(text: string): ReachResult & { readonly compiled: CompileResult } {
  const { parsed, compiled } = compileText(text);
  return { ...analyzeReach({ resources: parsed.resources, table: compiled.table }), compiled };
}

/** `Code@Route spec.path` for each diagnostic, sorted. */
export function codes(r: ReachResult): string[] {
  return r.diagnostics.map((d) => `${d.code}@${d.resource?.name ?? ''} ${d.path ?? ''}${d.istioCode ? ` ${d.istioCode}` : ''}`).sort();
}

/** `route path[.match] state` for each rule. */
export function states(r: ReachResult): string[] {
  return r.rules.map((x) => `${x.rule.resource.name} ${x.rule.path}${x.rule.match === undefined ? '' : `#${x.rule.match}`} ${x.state}`).sort();
}

export { basic, httpRoute, to };
