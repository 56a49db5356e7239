import type { RouteTestCase, RouteTestResult, Target } from '../core/index.js';
import { escapeControls } from './escape.js';
import { formatDecision } from './simulate-text.js';
import { targetLine, targetWords } from './target-output.js';

interface Run {
  readonly results: readonly RouteTestResult[];
  readonly passed: number;
  readonly failed: number;
}

/** The request as `simulate` takes it on the command line, to re-run a case by hand. */
export function requestWords(c: Pick<RouteTestCase, 'witness'>): string {
  const w = c.witness;
  const q = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`;
  const parts = [`--request ${q(w.request)}`, ...Object.entries(w.headers).map(([k, v]) => `-H ${q(`${k}: ${v}`)}`)];
  if (w.sni !== undefined) parts.push(`--sni ${q(w.sni)}`);
  if (w.gateway !== null) parts.push(`--gateway ${w.gateway}`);
  if (w.mesh !== null) parts.push(`--mesh --from ${w.mesh.from}`, ...(w.mesh.labels ? [`--from-labels ${q(Object.entries(w.mesh.labels).map(([k, v]) => `${k}=${v}`).join(','))}`] : []));
  if (w.backendStatus !== undefined) parts.push(`--backend-status ${q(w.backendStatus)}`);
  if (w.backendDelay !== undefined) parts.push(`--backend-delay ${q(w.backendDelay)}`);
  return parts.join(' ');
}

/**
 * Text: one line per case (✓ or ✗); under a failing case where it is written, what differed, the
 * request in `simulate`'s flags (with `--target` when one is given) and the simulator's whole
 * answer with its trace; then the totals. A target given heads the text.
 */
export function formatResults(run: Run, target: Target | null = null): string {
  const lines: string[] = target ? [escapeControls(targetLine(target))] : [];
  for (const r of run.results) {
    const c = r.case;
    if (r.passed) {
      lines.push(escapeControls(`✓ ${c.name}`));
      continue;
    }
    lines.push(escapeControls(`✗ ${c.name}  (${c.location.file}:${c.location.line}:${c.location.column})`));
    for (const f of r.failures) lines.push(escapeControls(`    ${f.field}: expected ${f.expected}, got ${f.actual}`));
    lines.push(escapeControls(`    simulate ${requestWords(c)}${targetWords(target)}`));
    for (const l of formatDecision(r.decision).split('\n')) if (l !== '') lines.push(`      ${l}`);
  }
  lines.push(`${run.results.length} case(s): passed ${run.passed}, failed ${run.failed}`);
  return lines.map((l) => `${l}\n`).join('');
}

/** `--format json`: {"cases": [{name, passed, request, headers, gateway, mesh, expected, actual, failures, trace}], "passed", "failed"}. */
export function resultsJson(run: Run): Record<string, unknown> {
  return {
    cases: run.results.map((r) => ({
      name: r.case.name,
      passed: r.passed,
      ...r.case.witness,
      expected: r.case.expect,
      actual: r.actual,
      failures: r.failures,
      trace: r.decision.trace,
    })),
    passed: run.passed,
    failed: run.failed,
  };
}
