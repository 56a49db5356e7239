import {
  buildGraph,
  compile,
  convert,
  decisionPath,
  locateDiagnostics,
  parse,
  parseRequest,
  serializeObjects,
  simulate,
  SourceLocations,
  validate,
  type ConvertTarget,
  type Decision,
  type Diagnostic,
  type ParseResult,
  type Request,
  type RouteTable,
  type SimulateOptions,
  type SourceFile,
} from '../../core/index.js';
import { boundsOf, checkDiagnostics, checkRange, InvariantError } from './invariants.js';
import type { RequestCase } from './requests.js';

/**
 * One case through the engine's front door, as the app and the command line run it: parse →
 * validate → compile (+ status) → graph → simulate each request → convert both ways (and read the
 * converted YAML again) → serialize. Throws on an escaped exception or a broken invariant;
 * returns every text the engine produced, for the callers that look for leaked secrets.
 */
export interface PipelineResult {
  readonly outputs: string[];
  /** Every diagnostic of validate and compile. */
  readonly diagnostics: readonly Diagnostic[];
  /** One per request: the simulator's answer, or null when parseRequest refused the request. */
  readonly decisions: readonly (Decision | null)[];
  readonly resources: number;
  readonly parsed: ParseResult;
}

export function runPipeline(files: readonly SourceFile[], requests: readonly RequestCase[]): PipelineResult {
  const outputs: string[] = [];
  const parsed = parse(files);
  outputs.push(...parsed.files.map((f) => f.text));
  const bounds = boundsOf(parsed.files);
  const diagnostics = validate(parsed);
  checkDiagnostics(diagnostics, bounds, 'validate');
  const locations = new SourceLocations(parsed.files);
  const compiled = compile(parsed.resources, { locate: (r, path) => locations.range(r, path) });
  checkDiagnostics(compiled.diagnostics, bounds, 'compile');
  outputs.push(JSON.stringify([...diagnostics, ...compiled.diagnostics]), JSON.stringify(compiled.status));
  const all = [...diagnostics, ...compiled.diagnostics];
  const graph = buildGraph(parsed.resources, all, compiled.status);
  locateDiagnostics(parsed.resources, all);
  outputs.push(JSON.stringify(graph));

  const decisions = requests.map((rc) => {
    const sent = toRequest(rc);
    if (!sent) return null;
    const decision = simulate(compiled.table, sent, simulateOptions(compiled.table, rc));
    decisionPath(graph, decision, sent.protocol);
    outputs.push(JSON.stringify(decision));
    return decision;
  });

  for (const to of ['gateway-api', 'istio'] as const satisfies readonly ConvertTarget[]) {
    const result = convert(parsed.resources, { to, subsetsAsServices: to === 'gateway-api', locations });
    for (const l of [...result.loss, ...result.notes]) {
      checkRange({ file: l.file, line: l.line, column: l.column, endLine: l.line, endColumn: l.column }, bounds, `convert to ${to}: ${l.code}`);
    }
    const yaml = serializeObjects(result.items);
    outputs.push(yaml, JSON.stringify(result.loss), JSON.stringify(result.notes));
    // The converted design must read back without a YAML error.
    const again = parse([{ name: `converted-${to}.yaml`, text: yaml }]);
    const broken = again.diagnostics.find((d) => d.code.startsWith('YAML'));
    if (broken) throw new InvariantError(`convert to ${to} wrote YAML that does not read back: ${broken.code} ${broken.message}`);
  }
  outputs.push(serializeObjects(parsed.resources.map((r) => r.object)));
  return { outputs, diagnostics: all, decisions, resources: parsed.resources.length, parsed };
}

function toRequest(rc: RequestCase): Request | null {
  if (rc.form === 'structured') return rc.request;
  const parsed = parseRequest(rc.line, rc.headers, rc.sni === undefined ? {} : { sni: rc.sni });
  if (!parsed.ok && (typeof parsed.error !== 'string' || parsed.error === '')) throw new InvariantError('parseRequest refused without saying why');
  return parsed.ok ? parsed.request : null;
}

function simulateOptions(table: RouteTable, rc: RequestCase): SimulateOptions {
  if (rc.via.to === 'mesh') return { mesh: rc.via.client };
  if (rc.via.to === 'gateway') {
    const g = table.gateways[rc.via.index % Math.max(1, table.gateways.length)];
    return { gateway: g ? { namespace: g.ref.namespace, name: g.ref.name } : { namespace: 'nowhere', name: 'none' } };
  }
  return {};
}
