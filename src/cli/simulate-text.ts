import { servedCertificateText, type Decision } from '../core/index.js';
import { escapeControls } from './escape.js';
import { attemptLines, outcomeTime } from './simulate-attempts.js';

const REASONS: Record<number, string> = { 200: 'OK', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 404: 'Not Found', 421: 'Misdirected Request', 500: 'Internal Server Error', 503: 'Service Unavailable' };

const pct = (p: number): string => `${Math.round(p * 1000) / 10}%`;

/** The human form of a Decision: the answer first, then why (the trace). Every line is escaped: names, paths and headers come from the input. */
export function formatDecision(d: Decision, now: Date | null = new Date()): string {
  const lines: string[] = [];
  const status = typeof d.status === 'number' ? `${d.status} ${REASONS[d.status] ?? ''}`.trim() : d.status;
  lines.push(status);
  if (d.gateway) lines.push(`  ${d.gateway.kind === 'Service' ? 'service' : 'gateway'}: ${d.gateway.kind} ${d.gateway.namespace}/${d.gateway.name}${d.listener === null ? '' : `, ${d.gateway.kind === 'Service' ? 'port' : 'listener'} ${d.listener}`}`);
  if (d.certificate) lines.push(`  certificate: ${servedCertificateText(d.certificate, now)}`);
  if (d.route) lines.push(`  route: ${d.route.kind} ${d.route.namespace}/${d.route.name}${d.rule === null ? '' : ` rule ${d.rule + 1}`}${d.match === null ? '' : ` match ${d.match + 1}`}`);
  if (d.backends.length > 0) {
    lines.push('  backends:');
    for (const b of d.backends) {
      lines.push(`    ${b.kind} ${b.namespace}/${b.name}${b.port === null ? '' : `:${b.port}`}${b.subset === null ? '' : ` subset ${b.subset}`}  weight ${b.weight}  ${pct(b.probability)}${b.problem ? `  ✗ ${b.problem}` : ''}`);
    }
  }
  if (d.outcomes.length > 1 || d.outcomes.some((o) => o.reason)) {
    lines.push('  outcomes:');
    for (const o of d.outcomes) lines.push(`    ${pct(o.probability)}  ${o.status}${o.reason ? `  ${o.reason}` : ''}${outcomeTime(o.elapsedMs)}`);
  }
  lines.push(...attemptLines(d));
  if (d.redirect) lines.push(`  redirect: ${d.redirect.status} → ${d.redirect.location}`);
  if (d.request) {
    lines.push(`  backend receives: ${d.request.method} ${d.request.scheme}://${d.request.host}${d.request.path}`);
    for (const [k, v] of Object.entries(d.request.headers)) lines.push(`    ${k}: ${v}`);
  }
  const rh = d.responseHeaders;
  for (const [k, v] of Object.entries(rh.set)) lines.push(`  response header set ${k}: ${v}`);
  for (const [k, v] of Object.entries(rh.add)) lines.push(`  response header add ${k}: ${v}`);
  for (const k of rh.remove) lines.push(`  response header remove ${k}`);
  for (const m of d.mirrors) lines.push(`  mirror: ${m.kind} ${m.namespace}/${m.name}${m.port === null ? '' : `:${m.port}`} ${m.percent}%${m.problem ? `  ✗ ${m.problem}` : ''}`);
  if (d.timeouts) lines.push(`  timeouts: ${Object.entries(d.timeouts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (d.retries) lines.push(`  retries: ${d.retries.attempts} attempt(s)${d.retries.codes ? ` on ${d.retries.codes.join(', ')}` : ''}`);
  if (d.notes.length > 0) {
    lines.push('notes:');
    for (const n of d.notes) lines.push(`  ${n.code}: ${n.message}`);
  }
  lines.push('trace:');
  for (const t of d.trace) lines.push(`  ${t.result === 'matched' ? '✓' : '✗'} ${t.step} ${t.ref} — ${t.reason}`);
  return lines.map((l) => `${escapeControls(l)}\n`).join('');
}
