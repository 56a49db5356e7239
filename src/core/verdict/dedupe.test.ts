import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/types.js';
import { dedupeDiagnostics } from './dedupe.js';

const at = (line: number, column = 1): Pick<Diagnostic, 'file' | 'line' | 'column' | 'endLine' | 'endColumn'> => ({ file: 'a.yaml', line, column, endLine: line, endColumn: column + 4 });
const d = (code: string, message: string, line: number, extra: Partial<Diagnostic> = {}): Diagnostic => ({ code, severity: 'error', message, ...at(line), ...extra });

// Issue 10 scope 1: one cause gives one problem; the first given (the more specific check) is kept.
describe('dedupeDiagnostics', () => {
  it.each([
    ['the same code and message at one place', [d('A', 'm', 1), d('A', 'm', 1)], ['A']],
    ['the same code at two places', [d('A', 'm', 1), d('A', 'm', 2)], ['A', 'A']],
    ['two codes at one place', [d('A', 'm', 1), d('B', 'n', 1)], ['A', 'B']],
    ['the same code, another message', [d('A', 'm', 1), d('A', 'n', 1)], ['A', 'A']],
    ['one istioctl code at one place from two checks', [d('IstioGatewayNotFound', 'm', 1, { istioCode: 'IST0101' }), d('GatewayNotFound', 'n', 1, { istioCode: 'IST0101' })], ['IstioGatewayNotFound']],
    ['one istioctl code at two places', [d('X', 'm', 1, { istioCode: 'IST0101' }), d('X', 'm', 2, { istioCode: 'IST0101' })], ['X', 'X']],
    ['two istioctl codes at one place', [d('X', 'm', 1, { istioCode: 'IST0101' }), d('Y', 'n', 1, { istioCode: 'IST0132' })], ['X', 'Y']],
  ])('%s', (_what, given, codes) => {
    expect(dedupeDiagnostics(given).map((x) => x.code)).toEqual(codes);
  });
});
