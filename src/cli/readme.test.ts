import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PARSE_CODES, SCHEMA_CODES } from '../core/diagnostics/types.js';
import { DECODE_CODES } from '../core/resources/decode.js';
import { COMPILE_CODES } from '../core/compile/context.js';
import { ISTIO_CODES } from '../core/compile/istio/codes.js';
import { LOSS_CODES } from '../core/convert/types.js';
import { CEL_RULES } from '../core/validate/cel/index.js';
import { APISERVER_CODES } from '../core/validate/apiserver/codes.js';
import { ISTIO_ANALYZE_CODES } from '../core/analyze/istio/index.js';
import { REACH_CODES } from '../core/analyze/reach/types.js';
import { ROUTE_TEST_CODES } from '../core/route-tests/types.js';
import { TLS_CODES } from '../core/validate/tls/codes.js';
import { TARGET_CODES } from '../core/validate/target/codes.js';
import { ISTIO_RELEASE_CODES } from '../core/validate/target-istio/codes.js';
import { HELP } from './help.js';

// DESIGN.md: "Codes are stable identifiers, documented in the README." Keep the docs true.
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

const documented = (code: string): boolean => readme.includes(`\`${code}\``);

describe('README documents every diagnostic code', () => {
  it.each([...DECODE_CODES, ...PARSE_CODES, ...SCHEMA_CODES, ...COMPILE_CODES, ...ISTIO_CODES, ...CEL_RULES.map((r) => r.code), ...APISERVER_CODES, ...ISTIO_ANALYZE_CODES, ...REACH_CODES, ...ROUTE_TEST_CODES, ...TLS_CODES, ...TARGET_CODES, ...ISTIO_RELEASE_CODES])('%s', (code) => {
    expect(documented(code)).toBe(true);
  });

  it.each([...LOSS_CODES])('loss code %s', (code) => {
    expect(documented(code)).toBe(true);
  });

  it('shows every command of the --help text', () => {
    for (const m of HELP.matchAll(/route-designer (\w+) (?:TESTS\.yaml )?FILE/g)) expect(readme).toContain(`route-designer ${m[1]}`);
  });
});
