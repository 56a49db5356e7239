import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../diagnostics/types.js';
import { problemFamily } from './family.js';

const d = (code: string, istioCode?: string): Diagnostic => ({ code, severity: 'error', message: 'm', file: 'a', line: 1, column: 1, endLine: 1, endColumn: 2, ...(istioCode ? { istioCode } : {}) });

describe('problemFamily', () => {
  it.each([
    [d('YAMLSyntax'), 'yaml'],
    [d('InvalidEncoding'), 'yaml'],
    [d('SchemaEnum'), 'api-server'],
    [d('NameInvalid'), 'api-server'],
    [d('RegexInvalid'), 'api-server'],
    [d('RefsNotResolved'), 'controller'],
    [d('IstioGatewayNotFound'), 'controller'],
    [d('IstioGatewayNotFound', 'IST0101'), 'istioctl'],
    [d('IstioSubsetNotFound', 'IST0101'), 'istioctl'],
    [d('RuleUnreachable'), 'reach'],
    [d('RuleUnreachable', 'IST0130'), 'reach'],
    [d('TargetKindNotServed'), 'target'],
    [d('TargetFieldNotInRelease'), 'target'],
    [d('TargetFeatureUnsupported'), 'target'],
    [d('TargetFeatureNotReported'), 'target'],
    [d('IstioFieldNotInRelease'), 'target'],
  ])('%j → %s', (diagnostic, family) => {
    expect(problemFamily(diagnostic)).toBe(family);
  });
});
