/**
 * Expected backends against the decision's: each expected backend is the decision's backends that
 * agree with what it writes (name, and kind, port, subset when written), their shares summed; every
 * backend that receives a share must be expected. A share is compared as the simulator rounds it
 * (6 decimals), so "1/3" and 0.333333 both hold for weights 1:2; share 0 means "receives nothing".
 */
import { backendWords } from './actual.js';
import type { ActualBackend, BackendExpectation, RouteTestFailure } from './types.js';

const pct = (p: number): string => `${p} (${Math.round(p * 100_000) / 1000}%)`;

function agrees(e: BackendExpectation, a: ActualBackend): boolean {
  return a.namespace === e.namespace && a.name === e.name && (e.kind === undefined || e.kind === a.kind) && (e.port === undefined || e.port === a.port) && (e.subset === undefined || e.subset === a.subset);
}

export function compareBackends(expected: readonly BackendExpectation[], actual: readonly ActualBackend[]): RouteTestFailure[] {
  const out: RouteTestFailure[] = [];
  const claimed = new Set<ActualBackend>();
  for (const e of expected) {
    const same = actual.filter((a) => agrees(e, a));
    for (const a of same) claimed.add(a);
    const share = Math.round(same.reduce((s, a) => s + a.share, 0) * 1e6) / 1e6;
    if (same.length === 0 && e.share !== 0) out.push({ field: 'backends', expected: backendWords(e), actual: `no such backend (${list(actual)})` });
    else if (e.share !== undefined && e.share !== share) out.push({ field: 'backends', expected: `${backendWords(e)} share ${pct(e.share)}`, actual: `share ${pct(share)}` });
    else if (e.share === undefined && share === 0) out.push({ field: 'backends', expected: `${backendWords(e)} receives a share`, actual: 'share 0' });
  }
  for (const a of actual) {
    if (a.share > 0 && !claimed.has(a)) out.push({ field: 'backends', expected: 'no other backend', actual: `${backendWords(a)} share ${pct(a.share)}` });
  }
  return out;
}

function list(actual: readonly ActualBackend[]): string {
  return actual.length === 0 ? 'the request reaches no backend' : `backends: ${actual.map(backendWords).join(', ')}`;
}
